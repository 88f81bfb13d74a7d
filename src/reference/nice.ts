import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The 45 Nice classes of goods (1–34) and services (35–45): English headings and notes from NCL 13
 * (`data/nice-ncl13-classes-en.json`, MIT, kylemcdonald/nice-classification) and Chinese headings
 * of the 2016 《类似商品和服务区分表》 with the short names trademark agencies use
 * (`data/nice-classes-zh-en.json`; the short names are trade usage, not official).
 */
export interface NiceClass {
  number: number;
  kind: 'goods' | 'services';
  headingEn: string;
  noteEn: string | null;
  headingZh: string;
  /** Informal short name, e.g. 化学原料 (class 1), 酒 (class 33). */
  shortZh: string;
}

const EN_FILE = new URL('./data/nice-ncl13-classes-en.json', import.meta.url);
const ZH_FILE = new URL('./data/nice-classes-zh-en.json', import.meta.url);

const enSchema = z.array(
  z.object({ number: z.number().int(), heading: z.string(), note: z.string().optional() }),
);
const zhSchema = z.object({
  classes: z.array(
    z.object({
      class: z.number().int(),
      kind: z.enum(['goods', 'services']),
      shortZh: z.string(),
      headingZh2016: z.string(),
    }),
  ),
});

const LAST_GOODS_CLASS = 34;
const CLASS_COUNT = 45;

let classes: NiceClass[] | null = null;

function load(): NiceClass[] {
  const en = enSchema.parse(JSON.parse(readFileSync(EN_FILE, 'utf8')));
  const zh = new Map(
    zhSchema.parse(JSON.parse(readFileSync(ZH_FILE, 'utf8'))).classes.map((c) => [c.class, c]),
  );
  const sorted = [...en].sort((a, b) => a.number - b.number);
  if (sorted.some((e, i) => e.number !== i + 1) || sorted.length !== CLASS_COUNT) {
    throw new Error(`the Nice table must hold classes 1 to ${CLASS_COUNT} once each`);
  }
  return sorted.map((e) => {
    const zhc = zh.get(e.number);
    const kind = e.number <= LAST_GOODS_CLASS ? 'goods' : 'services';
    // The two files come from different publishers: a disagreement means one of them was edited.
    if (!zhc || zhc.kind !== kind) throw new Error(`Nice class ${e.number}: the Chinese table disagrees`);
    return Object.freeze({
      number: e.number,
      kind,
      headingEn: e.heading,
      noteEn: e.note ?? null,
      headingZh: zhc.headingZh2016,
      shortZh: zhc.shortZh,
    });
  });
}

/** The 45 classes in order. */
export function allNiceClasses(): readonly NiceClass[] {
  classes ??= load();
  return classes;
}

/** Class `n` (1–45), or null for any other number. */
export function niceClass(n: number): NiceClass | null {
  if (!Number.isInteger(n) || n < 1 || n > CLASS_COUNT) return null;
  return allNiceClasses()[n - 1] ?? null;
}
