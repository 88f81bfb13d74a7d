import type { RightRecord } from '../core/index.js';

/**
 * The industries a right is counted in. Set once at start-up by whoever assembles the modules
 * (the industries module's compiled matcher); until then no right is in any industry.
 */
export type IndustriesOf = (right: Pick<RightRecord, 'ipc' | 'title' | 'abstract'>) => string[];

let classifier: IndustriesOf = () => [];

export function setIndustryClassifier(f: IndustriesOf): void {
  classifier = f;
}

export function industriesOf(right: Pick<RightRecord, 'ipc' | 'title' | 'abstract'>): string[] {
  return right.ipc.length === 0 ? [] : classifier(right);
}
