/** The deterministic demo-data generator: the central region's registry, calibrated to published figures. */
export { type DemoOptions, generateRegistry } from './generate.js';
export { countRights, type LoadDemoOptions, loadDemo, RIGHTS_PER_SCALE } from './load.js';
export { type DemoModel, demoModel, expectedTotal, type KindModel } from './model.js';
export { centralRegionFacts, kindTargets, RATIO_TO_INVENTIONS } from './targets.js';
