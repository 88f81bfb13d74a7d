import { describe, expect, it } from 'vitest';
import { codeKey, patternInterval } from './keyspace.js';
import { codeParts } from './naive.js';
import { canonicalIpcPattern, mustParseIpcPattern, parseIpcPattern, patternMatches } from './pattern.js';

/** Both semantics at once: the structural one and the interval the index uses must agree. */
function covers(pattern: string, code: string): boolean {
  const p = mustParseIpcPattern(pattern);
  const parts = codeParts(code);
  const key = codeKey(code);
  const [lo, hi] = patternInterval(p);
  const structural = parts !== null && patternMatches(p, parts);
  expect(key >= 0 && key >= lo && key < hi, `${pattern} ∋ ${code}: interval vs structure`).toBe(structural);
  return structural;
}

describe('IPC pattern spellings', () => {
  it.each([
    ['G06F11*', 'G06F 11/*'],
    ['G06F 11/*', 'G06F 11/*'],
    ['H03M13', 'H03M 13/*'],
    ['G06F9/46', 'G06F 9/46'],
    ['H01M50/403*', 'H01M 50/403*'],
    ['h01m 10/05*', 'H01M 10/05*'],
    ['Ｈ０１Ｍ１０／０５２５', 'H01M 10/0525'],
    ['H01M10/0500', 'H01M 10/05'],
    ['G16H', 'G16H'],
    ['B41J*', 'B41J'],
    ['G16*', 'G16*'],
    ['H01', 'H01*'],
    ['H*', 'H*'],
    ['H01L 31/00-31/078', 'H01L 31/00-31/078'],
    ['A01H 1/00-17/00', 'A01H 1/00-17/00'],
    ['A01H 1-17', 'A01H 1/00-17/00'],
    ['H01F 1/053–1/059', 'H01F 1/053-1/059'],
    ['H01F 1/053-H01F 1/059', 'H01F 1/053-1/059'],
  ])('%s is %s', (written, canonical) => {
    expect(canonicalIpcPattern(written)).toBe(canonical);
  });

  it.each([
    ['', 'empty'],
    ['Y02E 10/50', 'section Y'],
    ['H01M 0/00', 'main group 0'],
    ['H01M 10/5', 'two digits'],
    ['H01M 10/', 'two digits'],
    ['H01 10/00', 'subclass letter'],
    ['H01M 17/00-10/00', 'backwards'],
    ['H01M 10/00-H01L 12/00', 'one subclass'],
    ['H01M 10/05*-10/06', 'starts at'],
    ['H01M 1-2-3', 'exactly two ends'],
    ['电池', 'not an IPC pattern'],
  ])('%s is refused (%s)', (written, reason) => {
    const r = parseIpcPattern(written);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(reason);
  });
});

describe('IPC pattern semantics', () => {
  it('a subgroup prefix takes the digits that begin with it', () => {
    expect(covers('H01M 10/05*', 'H01M 10/05')).toBe(true);
    expect(covers('H01M 10/05*', 'H01M 10/052')).toBe(true);
    expect(covers('H01M 10/05*', 'H01M 10/0525')).toBe(true);
    expect(covers('H01M 10/05*', 'H01M 10/06')).toBe(false);
    expect(covers('H01M 10/05*', 'H01M 10/04')).toBe(false);
    expect(covers('H01M 10/05*', 'H01M 10/00')).toBe(false);
    expect(covers('H01M 10/05*', 'H01M 100/05')).toBe(false);
  });

  it('an exact subgroup is that subgroup only; trailing zeros carry nothing', () => {
    expect(covers('G06F 9/46', 'G06F 9/46')).toBe(true);
    expect(covers('G06F 9/46', 'G06F 9/460')).toBe(true);
    expect(covers('G06F 9/46', 'G06F 9/466')).toBe(false);
    expect(covers('G06F 9/46', 'G06F 9/48')).toBe(false);
  });

  it('a main group takes all its subgroups, and * never extends the number', () => {
    expect(covers('G06F1*', 'G06F 1/16')).toBe(true);
    expect(covers('G06F1*', 'G06F 1/00')).toBe(true);
    expect(covers('G06F1*', 'G06F 11/00')).toBe(false);
    expect(covers('G06F1*', 'G06F 13/10')).toBe(false);
    expect(covers('H03M13', 'H03M 13/15')).toBe(true);
  });

  it('subclass, class and section patterns', () => {
    expect(covers('H01M', 'H01M 4/13')).toBe(true);
    expect(covers('H01M', 'H01M')).toBe(true);
    expect(covers('H01M 4/*', 'H01M')).toBe(false);
    expect(covers('H01*', 'H01S 5/183')).toBe(true);
    expect(covers('H01*', 'H02J 7/00')).toBe(false);
    expect(covers('H*', 'H10H 20/80')).toBe(true);
    expect(covers('H*', 'G06F 1/00')).toBe(false);
  });

  it('ranges of subgroups follow IPC order and take the upper end’s own subgroups', () => {
    expect(covers('H01L 31/04-31/078', 'H01L 31/04')).toBe(true);
    expect(covers('H01L 31/04-31/078', 'H01L 31/0445')).toBe(true);
    expect(covers('H01L 31/04-31/078', 'H01L 31/0747')).toBe(true);
    expect(covers('H01L 31/04-31/078', 'H01L 31/078')).toBe(true);
    expect(covers('H01L 31/04-31/078', 'H01L 31/0785')).toBe(true);
    expect(covers('H01L 31/04-31/078', 'H01L 31/08')).toBe(false);
    expect(covers('H01L 31/04-31/078', 'H01L 31/0392')).toBe(false);
    expect(covers('H01F 1/053-1/059', 'H01F 1/057')).toBe(true);
    expect(covers('H01F 1/053-1/059', 'H01F 1/0577')).toBe(true);
    expect(covers('H01F 1/053-1/059', 'H01F 1/06')).toBe(false);
  });

  it('ranges of main groups take whole groups when the upper end is /00', () => {
    expect(covers('A01H 5/00-17/00', 'A01H 5/00')).toBe(true);
    expect(covers('A01H 5/00-17/00', 'A01H 6/46')).toBe(true);
    expect(covers('A01H 5/00-17/00', 'A01H 17/00')).toBe(true);
    expect(covers('A01H 5/00-17/00', 'A01H 17/02')).toBe(true);
    expect(covers('A01H 5/00-17/00', 'A01H 4/00')).toBe(false);
    expect(covers('A01H 5/00-17/00', 'A01H 18/00')).toBe(false);
  });

  it('codes are read in every form the normaliser reads', () => {
    expect(covers('H01M 10/05*', 'H01M10/0525')).toBe(true);
    expect(covers('H01M 10/05*', 'H01M 10/0525 (2010.01)')).toBe(true);
    expect(covers('H01M 10/05*', 'h01m 10/0525')).toBe(true);
    expect(covers('H01M 10/*', 'H01M 10')).toBe(true);
    expect(codeKey('not a code')).toBe(-1);
    expect(codeKey('Y02E 10/50')).toBe(-1);
  });
});
