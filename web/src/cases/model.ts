import type { CaseType, Center, Industry } from '../api/cases.js';
import type { Lang } from '../i18n.js';

/** The states of each case type in their working order (src/cases/workflows.ts): the board's columns. */
export const STATES_BY_TYPE: Record<CaseType, readonly string[]> = {
  pre_examination: [
    'submitted',
    'accepted',
    'under_examination',
    'awaiting_applicant',
    'passed',
    'filed_with_cnipa',
    'granted',
    'failed',
    'rejected_at_intake',
    'closed',
    'withdrawn',
  ],
  rights_protection: [
    'submitted',
    'accepted',
    'investigating',
    'awaiting_applicant',
    'decided',
    'mediated',
    'rejected_at_intake',
    'closed',
    'withdrawn',
  ],
  mediation: [
    'submitted',
    'accepted',
    'scheduled',
    'mediating',
    'agreement',
    'no_agreement',
    'rejected_at_intake',
    'withdrawn',
  ],
  ecommerce_takedown: [
    'submitted',
    'reviewing',
    'awaiting_applicant',
    'forwarded_to_platform',
    'taken_down',
    'refused',
    'rejected_at_review',
    'withdrawn',
  ],
  overseas_guidance: [
    'submitted',
    'advising',
    'awaiting_applicant',
    'guidance_given',
    'rejected_at_intake',
    'closed',
    'withdrawn',
  ],
  consultation: [
    'submitted',
    'in_progress',
    'awaiting_applicant',
    'answered',
    'referred',
    'closed',
    'withdrawn',
  ],
};

/** Every state of every type, each once, in a working order: the state filter and the board of all types. */
export const ALL_STATES: readonly string[] = [
  ...new Set([
    'submitted',
    'accepted',
    'reviewing',
    'in_progress',
    'advising',
    'under_examination',
    'investigating',
    'scheduled',
    'mediating',
    'awaiting_applicant',
    'forwarded_to_platform',
    'passed',
    'filed_with_cnipa',
    ...Object.values(STATES_BY_TYPE).flat(),
  ]),
];

/** Upload limits of evidence (src/cases/evidence.ts): checked here before sending, and by the server. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.docx', '.xlsx', '.txt', '.zip'];

export function evidenceProblem(file: { name: string; size: number }): 'tooBig' | 'badType' | null {
  if (file.size > MAX_EVIDENCE_BYTES) return 'tooBig';
  const name = file.name.toLowerCase();
  return EVIDENCE_EXTENSIONS.some((e) => name.endsWith(e)) ? null : 'badType';
}

export function centerName(c: Pick<Center, 'nameZh' | 'nameEn'> | undefined, lang: Lang): string {
  if (!c) return '';
  return lang === 'en' ? c.nameEn : c.nameZh;
}

export function industryName(i: Industry, lang: Lang): string {
  if (typeof i.label === 'string') return i.label;
  const names = i.label ?? { zh: i.zh ?? '', en: i.en ?? '' };
  return (lang === 'en' ? names.en : names.zh) || names.zh || names.en;
}

/** Sizes as people read them: 1.2 MB, 34 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Today in China (UTC+8), as the server counts days. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
