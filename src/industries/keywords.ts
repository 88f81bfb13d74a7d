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
 *   text. The text's units are marked once per right in a 64K table; ~97% of keywords fail there,
 *   so a right costs one pass over its text and about half a substring search;
 * - keywords without case (all-Chinese, digits) are searched in the text as written — lower-casing
 *   leaves those characters where they are — so the text is lower-cased only for a keyword with
 *   letters that passed the unit test.
 */
let FOLD: Uint16Array | null = null;

/**
 * Each UTF-16 unit's lower case (its first unit; itself when it has none), built once (65,536
 * `toLowerCase` calls, a few ms). Marking the lower-cased units is enough for both kinds of search:
 * a caseless keyword's units are their own lower case, and a keyword found in the lower-cased text
 * has its units there. Exact for BMP text; U+0130 (İ → i + U+0307) is marked in full below.
 */
function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  FOLD = new Uint16Array(65536);
  for (let u = 0; u < 65536; u++) FOLD[u] = String.fromCharCode(u).toLowerCase().charCodeAt(0);
  return FOLD;
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
    if (this.stamp.length !== this.words.length) {
      this.stamp = new Uint32Array(this.words.length);
      this.answer = new Uint8Array(this.words.length);
      this.generation = 0;
    }
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    this.text = text ?? '';
    this.lowered = null;
    this.marked = false;
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
    for (let i = 0, n = t.length; i < n; i++) {
      const u = t.charCodeAt(i);
      // U+3000–U+9FFF (CJK punctuation, kana, ideographs) has no case: skip the table read.
      seen[u >= 0x3000 && u < 0xa000 ? u : fold[u]!] = m;
      if (u === 0x130) seen[0x307] = m;
    }
    this.marked = true;
  }

  private occurs(id: number): boolean {
    if (this.stamp[id] === this.generation) return this.answer[id] === 1;
    if (!this.marked) this.markUnits();
    let hit = true;
    for (const u of this.units[id]!) {
      if (this.seen[u] !== this.mark) {
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

  /** No exclusion word occurs, and one of the keywords does (or there are none). */
  passes(keywords: Int32Array, excludeKeywords: Int32Array): boolean {
    for (const id of excludeKeywords) if (this.occurs(id)) return false;
    if (keywords.length === 0) return true;
    for (const id of keywords) if (this.occurs(id)) return true;
    return false;
  }
}
