/** Every label on screen, in Simplified Chinese (default) and English, with number and date formats. */
import { en } from './i18n/en';
import type { Lang } from './i18n/lang';
import { type Dict, zh } from './i18n/zh';

export * from './i18n/labels';
export type { Dict, Lang };

export const DICTS: Record<Lang, Dict> = { zh, en };

const locales: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

export function formatNumber(lang: Lang, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(n);
}

/** A change as a signed percentage: +12.3%. */
export function formatChange(lang: Lang, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '–';
  const pct = new Intl.NumberFormat(locales[lang], {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(ratio * 100);
  return `${ratio > 0 ? '+' : ''}${pct}%`;
}

export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  if (!y || !m || !d) return iso;
  return lang === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : iso.slice(0, 10);
}

export function formatDateTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locales[lang]);
}
