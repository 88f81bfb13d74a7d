export * from './categories.js';
export * from './credit-code.js';
export * from './dates.js';
export * from './errors.js';
export * from './memory.js';
export * from './params.js';
export * from './types.js';
