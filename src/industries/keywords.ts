/**
 * Keyword tests for the matcher. Semantics (the naive matcher states them plainly): a keyword
 * occurs when the text, lower-cased, contains the keyword, lower-cased — plain substring search,
 * case-insensitive for Latin letters, exact for Chinese.
 *
 * Why a class rather than `text.toLowerCase().includes(k)` per rule: at ingest speed that spends
 * more time on text than on codes (a right reaches ~18 keywords of candidate rules). So:
 * - keywords are interned once (rules share many: 锂离子, 机动车, 燃料汽车 …) and each answer is
 *   remembered for the rest of the right;
 * - before any search, a keyword must pass a necessary test: each of its UTF-16 units occurs in the
 *   text. The text's units are marked once per right in a 64K table and a keyword's rarest unit is
 *   read first; on the benchmark's rights ~9 in 10 keywords stop at that one read, and fewer than
 *   one substring search per right remains. (Searching every keyword directly was ~40% slower.)
 * - keywords without case (all-Chinese, digits) are searched in the text as written — lower-casing
 *   leaves those characters where they are — so the text is lower-cased only for a keyword with
 *   letters that passed the unit test.
 */
let FOLD: Uint16Array | null = null;

/**
 * Each UTF-16 unit's lower case (its first unit; itself when it has none), built once (65,536
 * `toLowerCase` calls, a few ms). Marking the lower-cased units is enough for both kinds of search:
 * a caseless keyword's units are their own lower case, and a keyword found in the lower-cased text
 * has its units there; the few characters whose lower case is not one unit of its own are marked
 * in full by `markAll`.
 */
function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  FOLD = new Uint16Array(65536);
  for (let u = 0; u < 65536; u++) FOLD[u] = String.fromCharCode(u).toLowerCase().charCodeAt(0);
  return FOLD;
}

/**
 * The lower case FOLD cannot give unit by unit: a surrogate pair (a supplementary character), İ
 * (two units, i + U+0307) and Σ (σ, or ς at the end of a word).
 */
function markAll(seen: Uint8Array, m: number, lower: string): void {
  for (let j = 0; j < lower.length; j++) seen[lower.charCodeAt(j)] = m;
}

function unitsOf(word: string): Uint16Array {
  const units = new Set<number>();
  for (let i = 0; i < word.length; i++) units.add(word.charCodeAt(i));
  return Uint16Array.from(units);
}

export class KeywordTester {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly caseless: boolean[] = [];
  private readonly units: Uint16Array[] = [];
  /** Per keyword, its unit that fewest keywords share (the likeliest to be absent); 0 for ''. */
  private firstUnit = new Uint16Array(0);
  /** Answers of the current right, valid where `stamp` equals `generation`. */
  private stamp = new Uint32Array(0);
  private answer = new Uint8Array(0);
  private generation = 0;
  /** Units of the current text, valid where `seen` equals `mark` (8-bit, cleared on wrap). */
  private readonly seen = new Uint8Array(65536);
  private mark = 0;
  private marked = false;
  private text = '';
  private lowered: string | null = null;

  /** Ids of the keywords, interned. */
  intern(list: readonly string[]): Int32Array {
    return Int32Array.from(list, (k) => {
      const word = k.toLowerCase();
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(word, id);
        this.words.push(word);
        this.caseless.push(word === k.toUpperCase() && word === k);
        this.units.push(unitsOf(word));
      }
      return id;
    });
  }

  /** Starts a right: forgets the answers about the previous text. */
  begin(text: string | undefined): void {
    if (this.stamp.length !== this.words.length) this.prepare();
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    this.text = text ?? '';
    this.lowered = null;
    this.marked = false;
  }

  /**
   * Sizes the per-right tables once all keywords are interned, and orders each keyword's units
   * rarest first (by how many keywords contain them), so that the unit test fails on its first read.
   */
  private prepare(): void {
    const n = this.words.length;
    this.stamp = new Uint32Array(n);
    this.answer = new Uint8Array(n);
    this.generation = 0;
    const shared = new Map<number, number>();
    for (const us of this.units) for (const u of us) shared.set(u, (shared.get(u) ?? 0) + 1);
    for (const us of this.units) us.sort((a, b) => shared.get(a)! - shared.get(b)! || a - b);
    this.firstUnit = Uint16Array.from(this.units, (us) => us[0] ?? 0);
  }

  private markUnits(): void {
    if (++this.mark === 256) {
      this.seen.fill(0);
      this.mark = 1;
    }
    const t = this.text;
    const m = this.mark;
    const seen = this.seen;
    const fold = foldTable();
    seen[0] = m; // the empty keyword's "unit": '' occurs in every text, as includes('') says
    for (let i = 0, n = t.length; i < n; i++) {
      const u = t.charCodeAt(i);
      // U+3000–U+9FFF (CJK punctuation, kana, ideographs) has no case: skip the table read.
      if (u >= 0x3000 && u < 0xa000) seen[u] = m;
      else {
        seen[fold[u]!] = m;
        if (u >= 0xd800 && u < 0xdc00 && i + 1 < n) markAll(seen, m, t.slice(i, i + 2).toLowerCase());
        else if (u === 0x130 || u === 0x3a3) markAll(seen, m, u === 0x130 ? 'i\u0307' : '\u03c2');
      }
    }
    this.marked = true;
  }

  private occurs(id: number): boolean {
    if (this.stamp[id] === this.generation) return this.answer[id] === 1;
    const units = this.units[id]!;
    let hit = true;
    for (let i = 1; i < units.length; i++) {
      if (this.seen[units[i]!] !== this.mark) {
        hit = false;
        break;
      }
    }
    if (hit) {
      const word = this.words[id]!;
      if (this.caseless[id]) hit = this.text.includes(word);
      else {
        this.lowered ??= this.text.toLowerCase();
        hit = this.lowered.includes(word);
      }
    }
    this.stamp[id] = this.generation;
    this.answer[id] = hit ? 1 : 0;
    return hit;
  }

  /**
   * No exclusion word occurs, and one of the keywords does (or there are none). The rarest unit is
   * read inline: most keywords stop there, without a call.
   */
  passes(keywords: Int32Array, excludeKeywords: Int32Array): boolean {
    if (!this.marked) this.markUnits();
    const seen = this.seen;
    const m = this.mark;
    const first = this.firstUnit;
    for (let i = 0; i < excludeKeywords.length; i++) {
      const id = excludeKeywords[i]!;
      if (seen[first[id]!] === m && this.occurs(id)) return false;
    }
    if (keywords.length === 0) return true;
    for (let i = 0; i < keywords.length; i++) {
      const id = keywords[i]!;
      if (seen[first[id]!] === m && this.occurs(id)) return true;
    }
    return false;
  }
}
