import { describe, expect, it } from 'vitest';
import {
  ipcClasses,
  ipcEntry,
  ipcSections,
  ipcSubclass,
  ipcSubclasses,
  ipcTitle,
  isKnownSubclass,
  normaliseIpc,
} from './ipc.js';

describe('normaliseIpc', () => {
  it('reads the forms offices publish', () => {
    const cases: Array<[string, string]> = [
      ['H01M10/0525', 'H01M 10/0525'],
      ['H01M  10/0525', 'H01M 10/0525'],
      ['H01M 10/0525 (2010.01)', 'H01M 10/0525'],
      ['H01M10/0525(2010.01)I', 'H01M 10/0525'],
      ['H01M 10/0525 A I', 'H01M 10/0525'],
      ['H01M  10/0525       20100101AFI20170103BHEP', 'H01M 10/0525'],
      ['h01m 10/0525', 'H01M 10/0525'],
      ['H01M 010/0525', 'H01M 10/0525'],
      ['H01M-10/0525', 'H01M 10/0525'],
      ['  G06F 17/30  ', 'G06F 17/30'],
      ['Ｈ０１Ｍ１０／０５２５', 'H01M 10/0525'],
      // DOCDB: main group in four digits, subgroup in six, right-padded with zeros.
      ['H01M0010052500', 'H01M 10/0525'],
      ['A61K0031708800', 'A61K 31/7088'],
      ['H01M0010000000', 'H01M 10/00'],
      ['G06F0017300000', 'G06F 17/30'],
      ['H01M0004130000', 'H01M 4/13'],
      // A subclass alone, or a main group alone.
      ['H01M', 'H01M'],
      ['H01M 10', 'H01M 10/00'],
    ];
    for (const [raw, expected] of cases) expect(normaliseIpc(raw), raw).toBe(expected);
  });

  it('returns null for what is not an IPC code', () => {
    const garbage = [
      '',
      'hello',
      '12345',
      'Z01M 10/00',
      'H1M 10/00',
      'H01 10/00',
      'H01M 10/',
      'H01M 10/5',
      'H01M 0/00',
      'H01MXYZ',
      'H01M10/0525XYZ',
      'H01M 10/0525, H01M 4/13',
      'H01M001005250',
    ];
    for (const raw of garbage) expect(normaliseIpc(raw), raw).toBeNull();
  });

  it('checks form, not the edition: a later subclass is kept but not known', () => {
    expect(normaliseIpc('H10D 30/00')).toBe('H10D 30/00');
    expect(isKnownSubclass('H10D')).toBe(false);
    expect(isKnownSubclass('H10K')).toBe(true);
    expect(isKnownSubclass('H01M')).toBe(true);
    expect(isKnownSubclass('H01')).toBe(false);
  });
});

describe('the scheme', () => {
  it('holds the 2023.01 sections, classes and subclasses', () => {
    expect(ipcSections()).toHaveLength(8);
    expect(ipcClasses()).toHaveLength(132);
    expect(ipcSubclasses()).toHaveLength(651);
    expect(ipcClasses('H').every((c) => c.parent === 'H')).toBe(true);
    expect(ipcSubclasses('H01').map((s) => s.code)).toContain('H01M');
  });

  it('gives the subclass of any code', () => {
    expect(ipcSubclass('H01M10/0525')).toBe('H01M');
    expect(ipcSubclass('A61K0031708800')).toBe('A61K');
    expect(ipcSubclass('junk')).toBeNull();
  });

  it('gives English titles down to the subclass', () => {
    expect(ipcTitle('H')).toBe('ELECTRICITY');
    expect(ipcTitle('H01')).toBe('ELECTRIC ELEMENTS');
    expect(ipcTitle('H01M')).toMatch(/^PROCESSES OR MEANS, e\.g\. BATTERIES, FOR THE DIRECT CONVERSION/);
    expect(ipcTitle('h01m 10/0525')).toBe(ipcTitle('H01M'));
    expect(ipcTitle('G06N')).toBe('COMPUTING ARRANGEMENTS BASED ON SPECIFIC COMPUTATIONAL MODELS');
    expect(ipcTitle('Z99')).toBeNull();
    // The short title drops the references to other places that the full title carries.
    expect(ipcEntry('A01B')?.fullTitle).toContain('(making or covering furrows');
    expect(ipcEntry('A01B')?.title).not.toContain('(');
  });
});
