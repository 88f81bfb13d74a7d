import { describe, expect, it } from 'vitest';
import { isGrantPublication, kindOfRight, normalizeIpc, splitCountrySuffix } from './patent-fields.js';

describe('normalizeIpc', () => {
  it.each([
    ['E21B  47/  0228            A I                    ', 'E21B 47/0228'],
    ['B28B   1/    29            A I', 'B28B 1/29'],
    ['B28B5/02', 'B28B 5/02'],
    ['G06F015/16', 'G06F 15/16'],
    ['h01m 10/0525', 'H01M 10/0525'],
    ['A61K 31/0', 'A61K 31/00'],
  ])('%j → %s', (raw, ipc) => {
    expect(normalizeIpc(raw)).toBe(ipc);
  });

  it('refuses what is not an IPC symbol', () => {
    expect(normalizeIpc('709228')).toBeNull();
    expect(normalizeIpc('Z99Z 1/00')).toBeNull();
  });
});

describe('kinds of right and grant publications', () => {
  it.each([
    ['CN', 'A', 'invention', false],
    ['CN', 'B', 'invention', true],
    ['CN', 'C', 'invention', true],
    ['CN', 'U', 'utility_model', true],
    ['CN', 'Y', 'utility_model', true],
    ['CN', 'S', 'design', true],
    ['EP', 'A1', 'invention', false],
    ['EP', 'B1', 'invention', true],
    ['EP', 'B2', 'invention', false],
    ['WO', 'A1', 'invention', false],
    ['US', 'B2', 'invention', true],
    ['US', 'A1', 'invention', false],
    ['US', 'S', 'design', true],
    ['JP', 'U', 'utility_model', false],
    ['JP', 'Y2', 'utility_model', true],
  ])('%s %s is %s, grant %s', (office, kind, right, grant) => {
    expect(kindOfRight(office, kind)).toBe(right);
    expect(isGrantPublication(office, kind)).toBe(grant);
  });

  it('knows no kind for unknown codes', () => {
    expect(kindOfRight('CN', 'Q')).toBeNull();
    expect(kindOfRight('US', 'U')).toBeNull();
  });
});

describe('splitCountrySuffix', () => {
  it('moves the EPODOC country suffix out of the name', () => {
    expect(splitCountrySuffix('BOER BEHEER NIJMEGEN BV DE [NL]\n')).toEqual({
      name: 'BOER BEHEER NIJMEGEN BV DE',
      country: 'NL',
    });
    expect(splitCountrySuffix('合肥工业大学')).toEqual({ name: '合肥工业大学', country: null });
  });
});
