/**
 * The reference module's public face: regions, IPC, Nice classes, holders, legal-event codes and the
 * official working-day calendar.
 */
export type {
  CalendarOverride,
  DayInfo,
  DayKind,
  HolidayName,
  WorkingCalendarOptions,
  WorkingDaysResult,
} from './calendar.js';
export {
  calendarOverrideSchema,
  daysBetween,
  officialCalendar,
  parseCalendarOverrides,
  WorkingCalendar,
} from './calendar.js';
export type { EventCodeInfo } from './event-codes.js';
export {
  allEventCodes,
  eventTypeFor,
  lookupEventCode,
  lookupTrademarkEventCode,
  trademarkEventCodes,
} from './event-codes.js';
export type { HolderRegion, HolderRegionInput } from './holders.js';
export { classifyHolderType, REGION_CONFIDENCE, resolveHolderRegion } from './holders.js';
export type { IpcEntry, IpcLevel } from './ipc.js';
export {
  ipcClasses,
  ipcEntry,
  ipcSections,
  ipcSubclass,
  ipcSubclasses,
  ipcTitle,
  isKnownSubclass,
  normaliseIpc,
} from './ipc.js';
export type { NiceClass } from './nice.js';
export { allNiceClasses, niceClass } from './nice.js';
export { regionsParam } from './params.js';
export type { PlaceHit } from './place-match.js';
export { placeFromAddress, placeFromName } from './place-match.js';
export type { PopulationFigure, PopulationQuality, RegionsPopulation } from './population.js';
export { populationOf, populationOfRegions, populationOn, populationYearFor } from './population.js';
export type { NamedRegion, Region, RegionLevel } from './regions.js';
export {
  allRegions,
  ancestors,
  children,
  citiesOf,
  cityOf,
  getRegion,
  NAMED_REGIONS,
  provinceOf,
  provinces,
  regionContains,
  regionLabel,
  regionsSource,
  requireRegion,
  resolveRegionSelector,
} from './regions.js';
export { referenceRoutes } from './routes.js';
