/**
 * Number forms. Offices write the same number many ways (`CN201480008174.X`, `201480008174`,
 * `CN104968889A`, `US 8,930,553 B2`, `13/123,456`, `ZL201910123456.7`). A right is stored under the
 * base form of each of its numbers — no office prefix, no punctuation, no kind code, no check digit —
 * and a lookup reduces what it was given to the same base form.
 */
const OFFICE_PREFIX = /^[A-Z]{2}(?=[A-Z]?\d)/;
const KIND_SUFFIX = /(?<=\d)[A-Z]\d?$/;
/** A CNIPA application number since 2003: year, kind digit, 7-digit serial, check digit. */
const CN_APPLICATION_WITH_CHECK = /^((?:19|20)\d{2}[1-9]\d{7})[\dX]$/;

export function baseNumber(raw: string): string {
  let n = raw.toUpperCase().replace(/[\s,./-]/g, '');
  n = n.replace(/^ZL(?=\d)/, '').replace(OFFICE_PREFIX, '');
  const cn = CN_APPLICATION_WITH_CHECK.exec(n);
  if (cn) return cn[1]!;
  return n.replace(KIND_SUFFIX, '');
}

/** The distinct base forms of a right's numbers, as stored in `right_numbers`. */
export function baseNumbers(numbers: ReadonlyArray<string | null>): string[] {
  const out = new Set<string>();
  for (const n of numbers) {
    if (!n) continue;
    const b = baseNumber(n);
    if (b) out.add(b);
  }
  return [...out];
}
