import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { errors } from '../core/index.js';
import { canonicalIpcPattern, parseIpcPattern } from './pattern.js';
import type { IpcPattern, LocalizedName } from './types.js';

/**
 * The format shared by the three CNIPA files in data/ (transcriptions from github.com/vvangpc/pr-re,
 * copied unchanged from the project's shared reference data): branches numbered `1.2.1.1`, each with
 * rows of IPC patterns, exclusions and keywords. Read with zod so that a changed file fails loudly
 * instead of loading half a scheme.
 */
const ruleSchema = z.object({
  ipc_patterns: z.array(z.string()).min(1),
  ipc_exclusions: z.array(z.string()).optional(),
  keywords: z.array(z.string()),
  keyword_exclusions: z.array(z.string()).optional(),
  open_ended: z.boolean().optional(),
  ipc_only: z.boolean().optional(),
});

const branchSchema = z.object({
  catalog_id: z.string(),
  branch_no: z.string().regex(/^\d+(\.\d+)*$/),
  branch_name: z.string().min(1),
  subsys: z.string().optional(),
  source: z.object({ page: z.number(), raw_text: z.string().optional() }),
  rules: z.array(ruleSchema).min(1),
});

const fileSchema = z.object({
  catalog: z.object({ id: z.string(), title: z.string(), page_start: z.number(), page_end: z.number() }),
  source: z.string().optional(),
  note: z.string().optional(),
  branches: z.array(branchSchema).min(1),
});

export type SourceFile = z.infer<typeof fileSchema>;
export type SourceBranch = z.infer<typeof branchSchema>;
export type SourceRule = z.infer<typeof ruleSchema>;

export function readSourceFile(name: string): SourceFile {
  const url = new URL(`./data/${name}`, import.meta.url);
  return fileSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/** Canonical patterns, duplicates dropped (the SEI rows repeat some, e.g. `H04M11*`). */
export function canonicalPatterns(list: readonly string[]): IpcPattern[] {
  return [...new Set(list.map(canonicalIpcPattern))];
}

const CODE_IN_TEXT = /[A-H]\s*\d{2}\s*[A-Z]\s*\d{0,4}(?:\s*\/\s*\d{1,6})?\s*\*?/g;

/**
 * Exclusion text as a table writes it — `（不含B60K6/08、B60K6/24）`, `H01L31/08*除外` — read into
 * patterns, with what is not a code (`不包括燃料汽车`) returned as a remainder for a note. The files'
 * `ipc_exclusions` are already lists of codes; this reads the entries that are not, and the
 * `raw_text` of the "new three" file in tests.
 */
export function parseExclusionText(text: string): { patterns: IpcPattern[]; remainder: string } {
  const whole = parseIpcPattern(text);
  if (whole.ok) return { patterns: [canonicalIpcPattern(text)], remainder: '' };
  const patterns: IpcPattern[] = [];
  const rest = text.normalize('NFKC').replace(CODE_IN_TEXT, (code) => {
    const p = parseIpcPattern(code);
    if (!p.ok) return code;
    patterns.push(canonicalIpcPattern(code));
    return ' ';
  });
  const remainder = rest
    .replace(/不含|不包括|不包含|除外|以外/g, ' ')
    .replace(/[()（）,，、;；.。\s]+/g, ' ')
    .trim();
  return { patterns: [...new Set(patterns)], remainder };
}

/** A rule's exclusions as patterns, and a note for any text in them that names no code. */
export function readExclusions(entries: readonly string[]): { patterns: IpcPattern[]; note: string | null } {
  const patterns: IpcPattern[] = [];
  const rest: string[] = [];
  for (const e of entries) {
    const r = parseExclusionText(e);
    patterns.push(...r.patterns);
    if (r.remainder) rest.push(r.remainder);
  }
  return {
    patterns: [...new Set(patterns)],
    note: rest.length > 0 ? `exclusion text that names no IPC code: ${rest.join('; ')}` : null,
  };
}

/**
 * The nearest enclosing number that the file lists as a branch (`1.1` for `1.1.3`), or null when
 * none is listed and the branch hangs from the scheme's top-level node. Levels a file numbers but
 * does not list (the "new three" file has 1.2.1.1 but no 1.2.1 or 1.2) are not invented: their
 * names are not in the transcription.
 */
export function listedAncestor(no: string, listed: ReadonlySet<string>): string | null {
  const parts = no.split('.');
  for (let n = parts.length - 1; n >= 1; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (listed.has(candidate)) return candidate;
  }
  return null;
}

/** English names by branch number; the loader refuses a branch without one. */
export function englishName(
  names: Readonly<Record<string, string>>,
  no: string,
  zh: string,
  scheme: string,
): LocalizedName {
  const en = names[no];
  if (en === undefined) throw errors.invalidInput(`${scheme}: branch ${no} ${zh} has no English name`);
  return { zh, en };
}
