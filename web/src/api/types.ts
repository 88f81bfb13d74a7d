/** The shapes of the API's answers (docs/api.md), as far as the web app reads them. */

export type Kind = 'invention' | 'utility_model' | 'design' | 'trademark';
export const KINDS: readonly Kind[] = ['invention', 'utility_model', 'design', 'trademark'];

export type HolderType =
  | 'enterprise'
  | 'university'
  | 'institute'
  | 'individual'
  | 'organisation'
  | 'unknown';

export type Dimension = 'province' | 'city' | 'district' | 'kind' | 'holderType' | 'industry';

export interface Meta {
  dataVersion: string;
  engine: string;
  rights: number;
  defaultDate: string;
  rightsByKind?: Record<string, number>;
  latestGrantDate?: string | null;
  defaultRegion: string;
}

export interface Figure {
  group: Partial<Record<Dimension, string>>;
  value: number;
  previousYear: number;
  yoy: number | null;
  population?: number | null;
  perTenThousand?: number | null;
}

export interface FiguresResponse {
  question?: unknown;
  dataVersion: string;
  figures: Figure[];
}

export interface TrendResponse {
  points: Array<{ date: string; value: number }>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface DrillItem {
  id: number;
  kind: Kind;
  number: string;
  title: string | null;
  holder: string | null;
  holderType: HolderType;
  region: string;
  regionName: Bilingual | null;
}

export interface RightSummary extends DrillItem {
  office: string;
  filingDate: string | null;
  grantDate: string | null;
}

export interface Holder {
  name: string;
  type: HolderType;
  country: string | null;
  regionCode: string | null;
  regionName?: Bilingual | null;
  address?: string | null;
}

export interface LegalEvent {
  type: string;
  category: string | null;
  code: string | null;
  office: string | null;
  effectiveDate: string;
  recordedDate: string;
  description: string | null;
  newHolders?: Holder[];
}

export interface RightDetail {
  id: number;
  office: string;
  kind: Kind;
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  filingDate: string | null;
  publicationDate: string | null;
  grantDate: string | null;
  title: string | null;
  abstract?: string | null;
  ipc?: string[];
  locarno?: string[];
  nice?: number[];
  holders: Holder[];
  events: LegalEvent[];
  asOf?: string;
  knownOn?: string | null;
  /** In force on `asOf`, and why (or why not) in words. */
  status?: { inForce: boolean; reason: string };
  validity?: { intervals: Array<{ from: string; to: string | null }>; termEnd: string | null };
  firstHolderOnDate?: Holder | null;
}

export interface RegionNode {
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  children?: RegionNode[];
}

export interface Bilingual {
  zh: string;
  en: string | null;
}

export interface ReportRow {
  code: string;
  name: Bilingual;
  inventions: number;
  inventionsYoy: number | null;
  per10k: number | null;
  trademarks: number;
  trademarksYoy: number | null;
}

export interface ReportSection<R> {
  title: { zh: string; en: string };
  definition: string;
  rows: R[];
}

export interface ReportFigure {
  label: { zh: string; en: string };
  value: number;
  previousYear: number | null;
  yoy: number | null;
  per10k?: number | null;
  definition: string;
  drill: string;
}

export interface RegionalReport {
  region: string;
  regionName: { zh: string; en: string };
  asOf: string;
  knownOn: string | null;
  dataVersion: string;
  generatedAt: string;
  population: { value: number; year: number; quality: string } | null;
  headline: ReportFigure[];
  provinces: ReportSection<ReportRow>;
  topCities: ReportSection<ReportRow>;
  pilotZones: ReportSection<ReportRow>;
  holderTypes: ReportSection<{
    holderType: string;
    label: { zh: string; en: string };
    value: number;
    share: number;
    yoy: number | null;
  }>;
  industries: ReportSection<{ industry: string; value: number; yoy: number | null }>;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
}
