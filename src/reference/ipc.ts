import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The International Patent Classification down to subclasses, with English titles (IPC 2023.01,
 * © WIPO; `data/ipc-2023.01-en-subclasses.json`, see its `source`), and the normal form of codes.
 * Main groups and subgroups have no titles here: a group's title is its subclass's.
 */
export type IpcLevel = 'section' | 'class' | 'subclass';

export interface IpcEntry {
  code: string;
  level: IpcLevel;
  parent: string | null;
  /** The title without its parenthesised references to other places. */
  title: string;
  /** The full title as WIPO publishes it, references included. */
  fullTitle: string;
}

const FILE = new URL('./data/ipc-2023.01-en-subclasses.json', import.meta.url);

const fileSchema = z.object({
  entries: z.array(
    z.object({
      code: z.string(),
      level: z.enum(['section', 'class', 'subclass']),
      parent: z.string().nullable(),
      title: z.string(),
      shortTitle: z.string(),
    }),
  ),
});

let scheme: Map<string, IpcEntry> | null = null;

function load(): Map<string, IpcEntry> {
  const file = fileSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return new Map(
    file.entries.map((e) => [
      e.code,
      Object.freeze({
        code: e.code,
        level: e.level,
        parent: e.parent,
        title: e.shortTitle,
        fullTitle: e.title,
      }),
    ]),
  );
}

function entries(): Map<string, IpcEntry> {
  scheme ??= load();
  return scheme;
}

function ofLevel(level: IpcLevel, parent?: string): IpcEntry[] {
  return [...entries().values()].filter(
    (e) => e.level === level && (parent === undefined || e.parent === parent),
  );
}

export function ipcSections(): IpcEntry[] {
  return ofLevel('section');
}

/** The classes, or those of one section (`H`). */
export function ipcClasses(section?: string): IpcEntry[] {
  return ofLevel('class', section?.toUpperCase());
}

/** The subclasses, or those of one class (`H01`). */
export function ipcSubclasses(ipcClass?: string): IpcEntry[] {
  return ofLevel('subclass', ipcClass?.toUpperCase());
}

/** The section, class or subclass with this exact code, or null. */
export function ipcEntry(code: string): IpcEntry | null {
  return entries().get(code.trim().toUpperCase()) ?? null;
}

export function isKnownSubclass(code: string): boolean {
  return ipcEntry(code)?.level === 'subclass';
}

/** Subclass: section letter, two digits, letter. */
const SUBCLASS = '([A-H])\\s*(\\d{2})\\s*([A-Z])';
/**
 * What may follow a code in office data: an edition `(2010.01)` (CNIPA writes `(2010.01)I`), indicator
 * letters after a space (`A I`), or the dates and letters of an ST.8 line (`20100101AFI20170103BHEP`).
 */
const TAIL =
  '(?:\\s*\\(\\d{4}\\.\\d{2}\\)[A-Z]{0,3}|\\s+\\d{4}\\.\\d{2})?(?:\\s+[A-Z]{1,3}){0,3}(?:\\s+\\d{8}[A-Z]{3}\\d{8}[A-Z]{4})?\\s*$';
/** `H01M10/0525`, `H01M  10/0525 (2010.01)`, `H01M 010/0525`, `H01M-10/0525`. */
const SLASHED = new RegExp(`^${SUBCLASS}[\\s\\-]*0*(\\d{1,4})\\s*\\/\\s*(\\d{2,6})${TAIL}`);
/** DOCDB: subclass, main group in four digits, subgroup in six (`H01M0010052500`). */
const DOCDB = new RegExp(`^${SUBCLASS}(\\d{4})(\\d{6})${TAIL}`);
/** A subclass alone, or with a main group and no subgroup (`H01M 10`). */
const SHORT = new RegExp(`^${SUBCLASS}(?:[\\s\\-]*0*(\\d{1,4}))?${TAIL}`);

/** Subgroup digits: trailing zeros after the second digit carry nothing (`052500` → `0525`). */
function subgroup(digits: string): string {
  const trimmed = digits.replace(/0+$/, '');
  return trimmed.length >= 2 ? trimmed : trimmed.padEnd(2, '0');
}

/**
 * An IPC code in the normal form `H01M 10/0525` (subclass, space, main group, slash, subgroup),
 * from the forms offices publish; a bare subclass stays `H01M` and a main group alone becomes
 * `H01M 10/00`. Null when the text is not an IPC code. The check is of form only: a code of a
 * later edition than the table's is kept (see `isKnownSubclass`).
 */
export function normaliseIpc(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().toUpperCase();
  const m = SLASHED.exec(s) ?? DOCDB.exec(s);
  if (m) {
    const group = String(Number(m[4]));
    if (group === '0') return null;
    return `${m[1]}${m[2]}${m[3]} ${group}/${subgroup(m[5] ?? '')}`;
  }
  const short = SHORT.exec(s);
  if (!short) return null;
  const sub = `${short[1]}${short[2]}${short[3]}`;
  if (short[4] === undefined) return sub;
  const group = String(Number(short[4]));
  return group === '0' ? null : `${sub} ${group}/00`;
}

/** The subclass of a code in any form the normaliser reads (`H01M10/0525` → `H01M`), or null. */
export function ipcSubclass(code: string): string | null {
  return normaliseIpc(code)?.slice(0, 4) ?? null;
}

/**
 * The English title of a section (`H`), class (`H01`), subclass (`H01M`) or of the subclass of a
 * full code (`H01M 10/0525`); null when the table does not know it.
 */
export function ipcTitle(codeOrPrefix: string): string | null {
  const s = codeOrPrefix.trim().toUpperCase();
  const direct = ipcEntry(s);
  if (direct) return direct.title;
  const sub = ipcSubclass(s);
  return sub ? (ipcEntry(sub)?.title ?? null) : null;
}
