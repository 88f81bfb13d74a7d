export {
  type BruteRow,
  bruteForceCounts,
  type DrillQuery,
  type DrillRow,
  drillDown,
  inForceCte,
} from './brute.js';
export { cellIndustries, type IndustryClassifier, industriesOf, setIndustryClassifier } from './classify.js';
export { type CellKey, contributions } from './contributions.js';
export {
  type CountQuery,
  type CountRow,
  DIMENSIONS,
  type Dimension,
  regionWithin,
  StatsEngine,
} from './engine.js';
export { type Figure, type FigureQuery, figures } from './figures.js';
export { FLOW_TYPES, type FlowQuery, type FlowType, flows } from './flows.js';
export { rebuildStatistics } from './rebuild.js';
export { buildReport, PILOT_ZONE_CITIES, type RegionalReport, type ReportOptions } from './report.js';
export { type IndustryName, reportHtml, reportMarkdown } from './report-render.js';
export { statsRoutes } from './routes.js';
