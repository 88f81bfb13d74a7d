import type { RightRecord } from '../core/index.js';

/**
 * The industries a right is counted in. Set once at start-up by whoever assembles the modules
 * (the CLI and the server give the industries module's compiled matcher); until then no right is
 * in any industry.
 */
export interface IndustryClassifier {
  /** Every industry and branch the right belongs to (kept per right, for drill-down). */
  of(right: Pick<RightRecord, 'ipc' | 'title' | 'abstract'>): string[];
  /**
   * Those that get statistics cells: the top-level industries. A branch count is a drill-down
   * query; keeping cells for every branch would multiply the structure for little use.
   */
  forCells(industries: readonly string[]): string[];
}

const none: IndustryClassifier = { of: () => [], forCells: () => [] };
let classifier: IndustryClassifier = none;

export function setIndustryClassifier(c: IndustryClassifier | null): void {
  classifier = c ?? none;
}

export function industriesOf(right: Pick<RightRecord, 'ipc' | 'title' | 'abstract'>): string[] {
  return right.ipc.length === 0 ? [] : classifier.of(right);
}

export function cellIndustries(industries: readonly string[]): string[] {
  return industries.length === 0 ? [] : classifier.forCells(industries);
}
