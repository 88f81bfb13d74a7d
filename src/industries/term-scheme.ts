import { canonicalPatterns, englishName, listedAncestor, readExclusions, readSourceFile } from './source.js';
import type { Industry, IndustryScheme, LocalizedName, Rule } from './types.js';

/**
 * Loader for the CNIPA schemes whose keyword column holds real search terms (the "new three" 2024
 * and the AI part of the key digital technologies 2023): each row's keywords are required, any one
 * of them (empty, or `ipc_only`, means none); `keyword_exclusions` (不包括燃料汽车) must not occur.
 * The files' `open_ended` flag marks a keyword list that ends in 等 ("and the like"): nothing can be
 * tested for it, so it is ignored.
 */
export interface TermSchemeConfig {
  file: string;
  scheme: IndustryScheme['id'];
  name: LocalizedName;
  source: string;
  /** Top-level nodes the file does not list, by key. */
  tops: Readonly<Record<string, { name: LocalizedName; note: string }>>;
  /** The key of the top-level node a branch number falls under. */
  topOf: (branchNo: string) => string;
  branchesEn: Readonly<Record<string, string>>;
}

/** Distinct, trimmed, non-blank: a blank keyword would occur in every text. */
function words(list: readonly string[]): string[] {
  return [...new Set(list.map((w) => w.trim()).filter((w) => w !== ''))];
}

export function loadTermScheme(c: TermSchemeConfig): IndustryScheme {
  const file = readSourceFile(c.file);
  const listed = new Set(file.branches.map((b) => b.branch_no));
  const industries: Industry[] = Object.entries(c.tops).map(([key, top]) => ({
    id: `${c.scheme}:${key}`,
    parent: null,
    name: top.name,
    rules: [],
    note: top.note,
  }));
  for (const b of file.branches) {
    const ancestor = listedAncestor(b.branch_no, listed) ?? c.topOf(b.branch_no);
    const rules = b.rules.map((r): Rule => {
      const exclusions = readExclusions(r.ipc_exclusions ?? []);
      return {
        include: canonicalPatterns(r.ipc_patterns),
        exclude: exclusions.patterns,
        keywords: r.ipc_only ? [] : words(r.keywords),
        excludeKeywords: words(r.keyword_exclusions ?? []),
        ...(exclusions.note ? { note: exclusions.note } : {}),
      };
    });
    const raw = b.source.raw_text;
    industries.push({
      id: `${c.scheme}:${b.branch_no}`,
      parent: `${c.scheme}:${ancestor}`,
      name: englishName(c.branchesEn, b.branch_no, b.branch_name, c.scheme),
      rules,
      note: `page ${b.source.page}${raw ? `; as printed: ${raw}` : ''}`,
    });
  }
  return { id: c.scheme, name: c.name, source: c.source, industries };
}
