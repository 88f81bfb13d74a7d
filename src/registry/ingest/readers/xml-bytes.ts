/** Byte-level helpers of the XML scanner: it searches bytes and decodes only what it parses. */

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
const NL = 0x0a;

/** Where `tag` (`</name`) starts when `b` before `end` closes with it (`</name >` and whitespace), or -1. */
export function endTagBefore(b: Buffer, end: number, tag: Buffer, from: number): number {
  let i = end - 1;
  while (i >= from && isSpace(b[i]!)) i--;
  if (b[i] !== GT) return -1;
  i--;
  while (i >= from && isSpace(b[i]!)) i--;
  const start = i - tag.length + 1;
  return start >= from && b.subarray(start, i + 1).equals(tag) ? start : -1;
}

export function isBom(b: Buffer, i: number): boolean {
  return b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function countNewlines(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = b.indexOf(NL, from); i >= 0 && i < to; i = b.indexOf(NL, i + 1)) n++;
  return n;
}

/** The length of the longest prefix of `b` that does not end inside a UTF-8 sequence. */
export function utf8Boundary(b: Buffer): number {
  let i = b.length - 1;
  while (i >= 0 && i >= b.length - 4 && (b[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return b.length;
  const lead = b[i]!;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + size > b.length ? i : b.length;
}
