import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  CASE_ACTION_LABELS,
  CASE_STATE_LABELS,
  CASE_TYPE_LABELS,
  DICTS,
  type Dict,
  EVENT_LABELS,
  formatChange,
  formatDate,
  formatDateTime,
  formatNumber,
  HOLDER_TYPE_LABELS,
  KIND_LABELS,
  type Labels,
  type Lang,
  labelOf,
  nameIn,
} from './i18n.js';

const STORAGE_KEY = 'ipregion.lang';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Dict;
  num(n: number | null | undefined, digits?: number): string;
  change(ratio: number | null | undefined): string;
  date(iso: string | null | undefined): string;
  kind(code: string | null | undefined): string;
  holderType(code: string | null | undefined): string;
  event(code: string | null | undefined): string;
  name(name: { zh: string; en: string | null } | null | undefined): string | null;
  dateTime(iso: string | null | undefined): string;
  caseType(code: string | null | undefined): string;
  caseState(code: string | null | undefined): string;
  caseAction(code: string | null | undefined): string;
  /** A code's label from any of i18n.ts's tables. */
  label(table: Labels, code: string | null | undefined): string;
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the chosen language (Simplified Chinese unless English was chosen before, kept in localStorage). */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the switch still works for this visit.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: DICTS[lang],
      num: (n, digits) => formatNumber(lang, n, digits),
      change: (r) => formatChange(lang, r),
      date: (iso) => formatDate(lang, iso),
      kind: (c) => labelOf(KIND_LABELS, lang, c),
      holderType: (c) => labelOf(HOLDER_TYPE_LABELS, lang, c),
      event: (c) => labelOf(EVENT_LABELS, lang, c),
      name: (n) => nameIn(lang, n),
      dateTime: (iso) => (iso ? formatDateTime(lang, iso) : '–'),
      caseType: (c) => labelOf(CASE_TYPE_LABELS, lang, c),
      caseState: (c) => labelOf(CASE_STATE_LABELS, lang, c),
      caseAction: (c) => labelOf(CASE_ACTION_LABELS, lang, c),
      label: (table, c) => labelOf(table, lang, c),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside LangProvider');
  return ctx;
}
