import { useMemo } from 'react';
import { useApi } from './api/useApi.js';
import type { Lang } from './i18n.js';

export interface IndustryName {
  zh: string | null;
  en: string | null;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

/** Reads an industry's names whichever way they are spelled: `nameZh`/`nameEn`, `name: { zh, en }` or `zh`/`en`. */
function namesOf(o: Record<string, unknown>): IndustryName {
  const name = o.name;
  const nested = typeof name === 'object' && name !== null ? (name as Record<string, unknown>) : {};
  return {
    zh: text(o.nameZh) ?? text(nested.zh) ?? text(o.zh) ?? (typeof name === 'string' ? name : null),
    en: text(o.nameEn) ?? text(nested.en) ?? text(o.en),
  };
}

/** Every object with an `id` and a name anywhere in the answer, so that schemes may nest industries. */
function collect(value: unknown, into: Map<string, IndustryName>): Map<string, IndustryName> {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, into);
    return into;
  }
  if (typeof value !== 'object' || value === null) return into;
  const o = value as Record<string, unknown>;
  const id = text(o.id);
  const names = namesOf(o);
  if (id && (names.zh || names.en) && !into.has(id)) into.set(id, names);
  for (const v of Object.values(o)) if (typeof v === 'object') collect(v, into);
  return into;
}

/** Industry ids → names, from `/api/industries`. */
export function useIndustryNames(): (id: string, lang: Lang) => string {
  const { data } = useApi<unknown>('/api/industries');
  return useMemo(() => {
    const names = collect(data, new Map());
    return (id, lang) => {
      const n = names.get(id);
      return (lang === 'en' ? (n?.en ?? n?.zh) : (n?.zh ?? n?.en)) ?? id;
    };
  }, [data]);
}
