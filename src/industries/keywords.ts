/**
 * Keyword tests for the matcher. Semantics (the naive matcher states them plainly): a keyword
 * occurs when the text, lower-cased, contains the keyword, lower-cased — plain substring search,
 * case-insensitive for Latin letters, exact for Chinese.
 *
 * Why a class rather than `text.toLowerCase().includes(k)` per rule: at ingest speed that spends
 * more time on text than on codes. So keywords are interned once (rules share many: 锂离子, 机动车,
 * 燃料汽车 …), each answer is remembered for the rest of the right, and keywords without case
 * (all-Chinese, digits) are searched in the text as written, which is the same answer because
 * lower-casing leaves those characters where they are; the text is lower-cased only when a keyword
 * with letters is asked for. Before any search, a keyword must pass a cheap necessary test: each of
 * its UTF-16 units occurs in the text (a 64K table of generation stamps, filled once per right).
 * Most keywords of candidate rules fail it, which saves most substring searches.
 */
let FOLD: Uint16Array | null = null;

/**
 * Each UTF-16 unit's lower case (itself when it has none), built once (~65k `toLowerCase` calls,
 * a few ms) so that marking a text's units is one table read per character. Marking the
 * lower-cased units is enough for both kinds of search: a caseless keyword's units are their own
 * lower case, and a keyword found in the lower-cased text has its units there.
 */
function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  FOLD = new Uint16Array(65536);
  for (let u = 0; u < 65536; u++) {
    const lower = String.fromCharCode(u).toLowerCase();
    FOLD[u] = lower.length === 1 ? lower.charCodeAt(0) : lower.charCodeAt(0) || u;
  }
  return FOLD;
}

export class KeywordTester {
  private readonly words: string[] = [];
  private readonly caseless: boolean[] = [];
  private readonly units: Uint16Array[] = [];
  private readonly unitSeen = new Uint32Array(65536);
  private unitsMarked = false;
  private readonly ids = new Map<string, number>();
  private stamp = new Uint32Array(0);
  private answer = new Uint8Array(0);
  private generation = 0;
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
        this.units.push(Uint16Array.from(new Set(Array.from(word, (_, i) => word.charCodeAt(i)))));
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
      this.unitSeen.fill(0);
      this.generation = 1;
    }
    this.text = text ?? '';
    this.lowered = null;
    this.unitsMarked = false;
  }

  /** Marks the unit of every character of the text as it is after lower-casing (FOLD). */
  private markUnits(): void {
    const t = this.text;
    const g = this.generation;
    const fold = foldTable();
    for (let i = 0; i < t.length; i++) {
      const u = t.charCodeAt(i);
      this.unitSeen[fold[u]!] = g;
      // U+0130 (İ) is the one BMP character whose lower case has two units: i and U+0307.
      if (u === 0x130) this.unitSeen[0x307] = g;
    }
    this.unitsMarked = true;
  }

  private mayOccur(id: number): boolean {
    if (!this.unitsMarked) this.markUnits();
    for (const u of this.units[id]!) if (this.unitSeen[u] !== this.generation) return false;
    return true;
  }

  private occurs(id: number): boolean {
    if (this.stamp[id] === this.generation) return this.answer[id] === 1;
    const word = this.words[id]!;
    let hit: boolean;
    if (!this.mayOccur(id)) hit = false;
    else if (this.caseless[id]) hit = this.text.includes(word);
    else {
      this.lowered ??= this.text.toLowerCase();
      hit = this.lowered.includes(word);
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
