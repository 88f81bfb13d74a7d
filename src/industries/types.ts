/**
 * ipregion's own model of an industry defined over the IPC. The three CNIPA schemes are loaded into
 * it (sei.ts, new-three.ts, ai.ts), ipregion ships three defaults (defaults.ts), and administrators
 * can define more (validate.ts). Everything here is plain JSON so that a later table can store it.
 */

/** A name in both languages the web app shows. */
export interface LocalizedName {
  zh: string;
  en: string;
}

/**
 * An IPC pattern in ipregion's canonical spelling (see pattern.ts for the grammar and semantics):
 * `H*` section, `H01*` class, `H01M` subclass, `H01M 10/*` main group with all its subgroups,
 * `H01M 10/05*` subgroups whose digits start with 05, `H01M 10/0525` that subgroup only,
 * `H01L 31/04-31/078` a range in IPC order (an upper end `/00` takes the whole main group).
 */
export type IpcPattern = string;

/**
 * One line of a definition. A code matches the rule when it falls under an `include` pattern and
 * under no `exclude` pattern; a right matches when one of its codes does and its text passes the
 * keyword tests.
 */
export interface Rule {
  include: IpcPattern[];
  exclude: IpcPattern[];
  /** Any one of these must occur in the title or abstract; empty means no keyword is required. */
  keywords: string[];
  /**
   * None of these may occur in the title or abstract. The "new three" scheme states such
   * exclusions (不包括燃料汽车), and so do a few rows of the SEI table (不包含非机动车).
   */
  excludeKeywords: string[];
  /** How the rule was read from its source, when that took interpretation. */
  note?: string;
}

export interface Industry {
  /** Stable: `<scheme>:<number or slug>`, e.g. `sei-2021:1`, `sei-2021:1.2`, `ipregion-default:rare-earth`. */
  id: string;
  /** The enclosing industry, or null for a top-level one. */
  parent: string | null;
  name: LocalizedName;
  /** May be empty: a top-level SEI industry is only the union of its branches. */
  rules: Rule[];
  note?: string;
}

export interface IndustryScheme {
  id: 'sei-2021' | 'new-three-2024' | 'ai-2023' | 'ipregion-default' | (string & {});
  name: LocalizedName;
  /** Where the definitions come from, with enough detail to find the original. */
  source: string;
  industries: Industry[];
}

/** What can be wrong with an administrator's definition, with where it is wrong. */
export interface DefinitionProblem {
  /** A JSON path into the input, like `rules[2].include[1]`; empty for the whole input. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: DefinitionProblem[] };

/** Classifies rights by their IPC codes (and text) into industry ids. */
export interface Matcher {
  /**
   * The ids of every industry a right belongs to: each industry whose rules match, and its
   * ancestors, deduplicated, in `compareIndustryIds` order. Codes in any form `normaliseIpc` reads;
   * unreadable codes are ignored. `text` is the title and abstract (any language).
   */
  match(ipc: readonly string[], text?: string): string[];
  /** The industries this matcher knows, in `compareIndustryIds` order. */
  readonly industryIds: readonly string[];
}
