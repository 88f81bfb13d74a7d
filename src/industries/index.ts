/**
 * The industries module's public face: industry definitions over the IPC (CNIPA's SEI 2021,
 * "new three" 2024 and AI 2023 schemes, ipregion's own defaults, administrators' own) and a fast
 * matcher that classifies a right by its IPC codes and text.
 */
export { loadAiScheme } from './ai.js';
export {
  addCustomIndustry,
  customIndustries,
  customSchemes,
  matcherWith,
  removeCustomIndustry,
} from './custom.js';
export { DEFAULT_SCHEME_ID, loadDefaultScheme } from './defaults.js';
export { compareIndustryIds } from './hierarchy.js';
export { compileMatcher } from './matcher.js';
export { loadNewThreeScheme } from './new-three.js';
export type { ParsedIpcPattern, PatternParse } from './pattern.js';
export { canonicalIpcPattern, formatIpcPattern, parseIpcPattern } from './pattern.js';
export { industryRoutes } from './routes.js';
export { allSchemes, defaultMatcher, industryById, schemeById } from './schemes.js';
export type { SeiOptions } from './sei.js';
export { loadSeiScheme } from './sei.js';
export type {
  DefinitionProblem,
  Industry,
  IndustryScheme,
  IpcPattern,
  LocalizedName,
  Matcher,
  Rule,
  ValidationResult,
} from './types.js';
export type { IndustryDefinitionInput, ValidationContext } from './validate.js';
export { validateIndustryDefinition } from './validate.js';
