import { errors } from '../core/index.js';
import type { IpcPattern } from './types.js';

/**
 * IPC patterns: one grammar for the CNIPA files' spellings, ipregion's canonical spelling and what
 * an administrator types. Spaces are ignored, full-width characters are folded (NFKC), case is not
 * significant.
 *
 * | written                          | means                                             | canonical          |
 * | -------------------------------- | ------------------------------------------------- | ------------------ |
 * | `H`, `H*`                        | the section                                       | `H*`               |
 * | `H01`, `H01*`                    | the class                                         | `H01*`             |
 * | `H01M`, `H01M*`                  | the subclass                                      | `H01M`             |
 * | `H01M10`, `H01M10*`, `H01M 10/*` | main group 10 with every subgroup                 | `H01M 10/*`        |
 * | `H01M10/05*`                     | subgroups whose digits begin 05: 10/05, 10/052 …  | `H01M 10/05*`      |
 * | `H01M10/0525`                    | that subgroup only (`10/00`: the main group line) | `H01M 10/0525`     |
 * | `H01L31/04-31/078`               | everything from 31/04 to 31/078 in IPC order      | `H01L 31/04-31/078`|
 * | `A01H1/00-17/00`, `A01H 1-17`    | main groups 1 to 17, all their subgroups          | `A01H 1/00-17/00`  |
 *
 * Why these readings:
 * - A `*` after a main group never extends the number: the SEI table lists `G06F1*` beside
 *   `G06F11*`, `G06F12*` and `G06F13*` as separate entries, so `G06F1*` is main group 1 only.
 * - A main group without `*` (`H03M13` in the SEI table) is read as the whole group, as the IPC
 *   itself uses a bare main group number; the transcriber's own tool reads it as `13/00` only,
 *   which would make that entry nearly empty.
 * - A subgroup without `*` is that subgroup only: the SEI table spells out children when it wants
 *   them (H04B7/185, H04B7/19, H04B7/195), so "exact" is what its authors meant.
 * - A subgroup with `*` is a prefix of the digits, read as a decimal fraction: IPC numbers
 *   subgroups so that 10/052 and 10/0525 sort after 10/05 and before 10/06. Trailing zeros carry
 *   nothing (10/050 is 10/05), which is how `normaliseIpc` writes codes.
 * - A range takes every code between its ends in IPC order, including the upper end's own
 *   subgroups (31/078 takes 31/0785 if it existed); an upper end `/00` or a bare main group takes
 *   the whole main group, as `A01H 1/00-17/00` is meant in CNIPA's tables.
 */
export interface GroupRef {
  group: number;
  /** Subgroup digits with trailing zeros trimmed to at least two (`00` for the main group line). */
  digits: string;
}

export type ParsedIpcPattern =
  | { level: 'section'; section: string }
  | { level: 'class'; classCode: string }
  | { level: 'subclass'; subclass: string }
  | { level: 'group'; subclass: string; group: number }
  | { level: 'subgroup'; subclass: string; group: number; digits: string; prefix: boolean }
  | { level: 'range'; subclass: string; from: GroupRef; to: GroupRef };

export type PatternParse = { ok: true; pattern: ParsedIpcPattern } | { ok: false; error: string };

const SINGLE = /^([A-Z])(\d{2})?([A-Z])?(\d{1,4})?(?:\/(\d{0,6}))?(\*)?$/;
const RANGE_SEPARATOR = /[-–—~～]/;
/** The upper end of a range may repeat the subclass or give only the group. */
const RANGE_END = /^(?:([A-H]\d{2}[A-Z]))?(\d{1,4})(?:\/(\d{2,6}))?$/;

/** Subgroup digits without the zeros that carry nothing: `0500` → `05`, `0` → `00`. */
export function trimDigits(digits: string): string {
  const t = digits.replace(/0+$/, '');
  return t.length >= 2 ? t : t.padEnd(2, '0');
}

function fail(error: string): PatternParse {
  return { ok: false, error };
}

function clean(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

function parseSingle(s: string): PatternParse {
  const m = SINGLE.exec(s);
  if (!m) return fail('not an IPC pattern (expected e.g. H01M, H01M 10/*, H01M 10/05*, H01M 10/0525)');
  const [, section = '', cls, letter, groupText, digits, star] = m;
  if (section > 'H') return fail(`section ${section} does not exist (IPC sections are A to H)`);
  if (cls === undefined) return { ok: true, pattern: { level: 'section', section } };
  const classCode = `${section}${cls}`;
  if (letter === undefined) {
    if (groupText !== undefined || digits !== undefined) return fail('a group needs a subclass letter');
    return { ok: true, pattern: { level: 'class', classCode } };
  }
  const subclass = `${classCode}${letter}`;
  if (groupText === undefined) {
    if (digits !== undefined) return fail('a subgroup needs a main group');
    return { ok: true, pattern: { level: 'subclass', subclass } };
  }
  const group = Number(groupText);
  if (group === 0) return fail('main group 0 does not exist');
  if (digits === undefined || (digits === '' && star !== undefined)) {
    return { ok: true, pattern: { level: 'group', subclass, group } };
  }
  if (star !== undefined) {
    return { ok: true, pattern: { level: 'subgroup', subclass, group, digits, prefix: true } };
  }
  if (digits.length < 2) return fail('a subgroup has at least two digits (10/00, 10/05)');
  return {
    ok: true,
    pattern: { level: 'subgroup', subclass, group, digits: trimDigits(digits), prefix: false },
  };
}

function compareRefs(a: GroupRef, b: GroupRef): number {
  if (a.group !== b.group) return a.group - b.group;
  const x = a.digits.padEnd(6, '0');
  const y = b.digits.padEnd(6, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

function parseRange(left: string, right: string): PatternParse {
  const from = parseSingle(left);
  if (!from.ok) return fail(`range start: ${from.error}`);
  const start = from.pattern;
  if (start.level !== 'group' && !(start.level === 'subgroup' && !start.prefix)) {
    return fail('a range starts at a main group or a subgroup (e.g. H01L 31/04-31/078)');
  }
  const m = RANGE_END.exec(right);
  if (!m) return fail('range end: expected a main group or subgroup like 31/078 or 17/00');
  const [, endSubclass, endGroup = '', endDigits] = m;
  if (endSubclass !== undefined && endSubclass !== start.subclass) {
    return fail(`a range stays in one subclass (${start.subclass} … ${endSubclass})`);
  }
  if (Number(endGroup) === 0) return fail('main group 0 does not exist');
  const fromRef = { group: start.group, digits: start.level === 'subgroup' ? start.digits : '00' };
  const toRef = { group: Number(endGroup), digits: trimDigits(endDigits ?? '00') };
  if (compareRefs(fromRef, toRef) > 0) return fail('the range runs backwards');
  return { ok: true, pattern: { level: 'range', subclass: start.subclass, from: fromRef, to: toRef } };
}

/** Reads a pattern in any spelling of the table above. */
export function parseIpcPattern(text: string): PatternParse {
  const s = clean(text);
  if (s === '') return fail('empty pattern');
  const parts = s.split(RANGE_SEPARATOR);
  if (parts.length === 1) return parseSingle(s);
  if (parts.length !== 2) return fail('a range has exactly two ends');
  return parseRange(parts[0] ?? '', parts[1] ?? '');
}

/** Like `parseIpcPattern`, for text known to be valid (shipped definitions); throws otherwise. */
export function mustParseIpcPattern(text: string): ParsedIpcPattern {
  const r = parseIpcPattern(text);
  if (!r.ok) throw errors.invalidInput(`invalid IPC pattern "${text}": ${r.error}`, { pattern: text });
  return r.pattern;
}

const ref = (r: GroupRef) => `${r.group}/${r.digits}`;

/** The canonical spelling (first column of the module comment's table, last column). */
export function formatIpcPattern(p: ParsedIpcPattern): IpcPattern {
  switch (p.level) {
    case 'section':
      return `${p.section}*`;
    case 'class':
      return `${p.classCode}*`;
    case 'subclass':
      return p.subclass;
    case 'group':
      return `${p.subclass} ${p.group}/*`;
    case 'subgroup':
      return `${p.subclass} ${p.group}/${p.digits}${p.prefix ? '*' : ''}`;
    case 'range':
      return `${p.subclass} ${ref(p.from)}-${ref(p.to)}`;
  }
}

/** Canonical spelling of any accepted spelling; throws on invalid text (for shipped data). */
export function canonicalIpcPattern(text: string): IpcPattern {
  return formatIpcPattern(mustParseIpcPattern(text));
}

/** A code taken apart for structural comparison: subgroup digits padded to six (`''` for a subclass). */
export interface CodeParts {
  subclass: string;
  group: number;
  sub6: string;
}

/** Structural test of one code against one pattern: the reference semantics the fast index must equal. */
export function patternMatches(p: ParsedIpcPattern, c: CodeParts): boolean {
  switch (p.level) {
    case 'section':
      return c.subclass.startsWith(p.section);
    case 'class':
      return c.subclass.startsWith(p.classCode);
    case 'subclass':
      return c.subclass === p.subclass;
    case 'group':
      return c.subclass === p.subclass && c.group === p.group;
    case 'subgroup':
      if (c.subclass !== p.subclass || c.group !== p.group) return false;
      return p.prefix ? c.sub6.startsWith(p.digits) : c.sub6 === p.digits.padEnd(6, '0');
    case 'range': {
      if (c.subclass !== p.subclass || c.group === 0) return false;
      const { from, to } = p;
      const afterStart =
        c.group > from.group || (c.group === from.group && c.sub6 >= from.digits.padEnd(6, '0'));
      if (!afterStart) return false;
      if (c.group !== to.group) return c.group < to.group;
      return to.digits === '00' || c.sub6 <= to.digits.padEnd(6, '0') || c.sub6.startsWith(to.digits);
    }
  }
}
