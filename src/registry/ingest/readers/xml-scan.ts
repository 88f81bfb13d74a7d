import type { Position } from '../types.js';
import { countNewlines, endTagBefore, GT, isBom, isSpace, LT, SLASH, utf8Boundary } from './xml-bytes.js';
import { type RecordSelection, XmlDocument, type XmlItem } from './xml-doc.js';
import { Needle } from './xml-needle.js';

/** Bytes this close to a chunk's end, after its last `<`, wait for the next chunk (a tag may be cut). */
const HOLD_BACK = 256;
/** The most text written to a parser at once. */
const PIECE = 64 * 1024;
const EMPTY = Buffer.alloc(0);

export interface SkipRules {
  /** Elements cut out whole (start tag to end tag). */
  elements: readonly string[];
  /**
   * Elements from whose start tag everything up to the root's end tag is cut out, in the order
   * the documents place them (the first one present starts the tail).
   */
  tail: readonly string[];
}

/**
 * Cuts a byte stream into XML documents (at each `<?xml ` declaration) and feeds each to its own
 * parser, leaving out the skipped parts. It works on bytes and decodes only what it feeds, so the
 * searches run natively and offsets are exact. Each chunk is consumed up to its last `<` when that is
 * near the end, so that no tag is cut between two searches.
 */
export class XmlScanner {
  private readonly out: XmlItem[] = [];
  private readonly boundary = new Needle('<?xml', 'space');
  private readonly skips: Array<{ name: string; start: Needle; end: Needle | null }>;
  private readonly rootEnds = new Map<string, Needle>();
  private doc: XmlDocument | null = null;
  private docSkippedLines = 0;
  private line = 1;
  /**
   * What is being cut out: its name, the end tag that closes it, and for a tail the root's end tag
   * bytes (`</us-patent-grant`), which the parser still gets.
   */
  private skipping: { name: string; end: Needle; tailOf: Buffer | null } | null = null;
  private buf: Buffer = Buffer.alloc(0);
  /** File offset of `buf[0]`, and how much of `buf` was consumed (the rest is carried). */
  private bufOffset = 0;
  private consumed = 0;
  private carry: Buffer | null = null;
  /** Bytes since the last `<` of the current document, across chunks. */
  private textRun = 0;
  // The text last written to the parser, where it starts in `buf`, and the parser's position then.
  private segment = '';
  private segmentAt = 0;
  private segmentParserPos = 0;
  // Records are located in order: count bytes from the last one, not from the segment's start.
  private segmentCursor = 0;
  private segmentCursorBytes = 0;

  constructor(
    private readonly select: RecordSelection,
    rules: SkipRules,
  ) {
    // Tail elements first: where one is found, the searches for the others stop.
    this.skips = [
      ...rules.tail.map((name) => ({ name, start: new Needle(`<${name}`, 'tag'), end: null })),
      ...rules.elements.map((name) => ({
        name,
        start: new Needle(`<${name}`, 'tag'),
        end: new Needle(`</${name}`, 'tag'),
      })),
    ];
  }

  /** The bytes of the last chunk not consumed yet: the next chunk must start with them. */
  get carried(): Buffer {
    return this.carry ?? EMPTY;
  }

  /** Takes the next chunk of the file (`final` marks its end) and yields what it finds in it. */
  *push(b: Buffer, final: boolean): Generator<XmlItem> {
    this.bufOffset += this.consumed;
    this.buf = b;
    this.boundary.reset(b);
    for (const s of this.skips) s.start.reset(b);
    this.skipping?.end.reset(b);
    const lt = b.lastIndexOf(LT);
    this.guardTextRun(b, lt);
    const limit = final ? b.length : lt >= 0 && b.length - lt < HOLD_BACK ? lt : utf8Boundary(b);
    this.consumed = yield* this.scan(limit, final);
    // Copy the carried bytes: the reader reuses the chunk's buffer.
    this.carry = this.consumed < b.length ? Buffer.from(b.subarray(this.consumed)) : null;
    if (final) this.finishDocument();
    yield* this.drain();
  }

  /**
   * The tokenizer gathers a text run in memory until the next tag: a document whose text runs on past the
   * record size limit is given up rather than held (the reader's bound on memory).
   */
  private guardTextRun(b: Buffer, lastLt: number): void {
    const doc = this.doc;
    if (!doc || doc.failed || this.skipping) {
      this.textRun = 0;
      return;
    }
    this.textRun = lastLt < 0 ? this.textRun + b.length : b.length - lastLt;
    if (this.textRun > this.select.maxChars) {
      doc.reportError(`a text runs on for more than ${this.select.maxChars} bytes without a tag`);
    }
  }

  private *drain(): Generator<XmlItem> {
    while (this.out.length > 0) yield this.out.shift()!;
  }

  private *scan(limit: number, final: boolean): Generator<XmlItem, number> {
    const b = this.buf;
    let pos = 0;
    while (pos < limit) {
      // The next document's start bounds every other search (the fastest one, done first).
      const boundary = this.boundary.find(pos, limit);
      const docEnd = boundary >= 0 ? boundary : limit;
      if (this.skipping) {
        pos = this.skipUntilEnd(pos, docEnd, limit, final);
        continue;
      }
      const [skipAt, skip] = this.nextSkip(pos, docEnd);
      yield* this.feed(pos, skipAt);
      pos = skipAt;
      if (pos === limit) break;
      if (pos === boundary) {
        this.nextDocument(pos);
        this.boundary.passed(pos);
        continue;
      }
      const tagEnd = b.indexOf(GT, skipAt);
      if (tagEnd < 0 || tagEnd >= limit) {
        if (!final) return skipAt;
        yield* this.feed(skipAt, limit); // let the parser report the broken tag
        return limit;
      }
      this.docSkippedLines += countNewlines(b, skipAt, tagEnd + 1);
      pos = tagEnd + 1;
      if (b[tagEnd - 1] === SLASH || !skip) continue;
      const root = this.doc?.rootName;
      const end = skip.end ?? (root ? this.rootEnd(root) : null);
      end?.reset(b);
      if (end) this.skipping = { name: skip.name, end, tailOf: skip.end ? null : end.bytes };
    }
    return limit;
  }

  private rootEnd(root: string): Needle {
    const known = this.rootEnds.get(root);
    if (known) return known;
    const needle = new Needle(`</${root}`, 'tag');
    this.rootEnds.set(root, needle);
    return needle;
  }

  /** The next start of a skipped element before `limit`, or `limit`. */
  private nextSkip(from: number, limit: number): [number, (typeof this.skips)[number] | null] {
    let best = limit;
    let found: (typeof this.skips)[number] | null = null;
    let tailFound = false;
    for (const s of this.skips) {
      // Tail elements come in document order: once one is found, the later ones cannot precede it.
      if (tailFound && !s.end) continue;
      const at = s.start.find(from, best);
      if (at < 0) continue;
      best = at;
      found = s;
      tailFound = !s.end;
    }
    return [best, found];
  }

  /**
   * Cuts out text up to the end tag being looked for. In a truncated document the next document
   * begins first: that ends the skip, and the truncated document is reported.
   */
  private skipUntilEnd(pos: number, docEnd: number, limit: number, final: boolean): number {
    const skipping = this.skipping!;
    const b = this.buf;
    const atDocEnd = docEnd < limit || final;
    // A tail runs to the root's end tag, which in a whole document is its last tag: look there first.
    let endAt = skipping.tailOf ? endTagBefore(b, docEnd, skipping.tailOf, pos) : -1;
    if (endAt < 0 && (atDocEnd || !skipping.tailOf)) endAt = skipping.end.find(pos, docEnd);
    if (endAt < 0) {
      this.docSkippedLines += countNewlines(b, pos, docEnd);
      if (docEnd < limit) {
        this.nextDocument(docEnd);
        this.boundary.passed(docEnd);
      }
      return docEnd;
    }
    const to = skipping.tailOf ? endAt : b.indexOf(GT, endAt) + 1;
    this.docSkippedLines += countNewlines(b, pos, to);
    this.skipping = null;
    return to;
  }

  /**
   * Writes bytes to the current document's parser, in pieces cut at a `<`, yielding the records of
   * each piece before the next: records are then short-lived, which keeps garbage collection cheap.
   */
  private *feed(from: number, to: number): Generator<XmlItem> {
    if (from >= to) return;
    const b = this.buf;
    if (!this.doc) {
      let i = from;
      // Space (and a UTF-8 byte order mark) before a document belongs to no document.
      while (i < to && (isSpace(b[i]!) || isBom(b, i))) i += isBom(b, i) ? 3 : 1;
      this.line += countNewlines(b, from, i);
      if (i === to) return;
      this.startDocument(i);
      from = i;
    }
    const doc = this.doc!;
    while (from < to) {
      if (doc.failed) {
        this.docSkippedLines += countNewlines(b, from, to);
        return;
      }
      let end = to;
      if (to - from > PIECE) {
        const lt = b.lastIndexOf(LT, from + PIECE);
        end = lt > from ? lt : to;
      }
      this.segment = b.toString('utf8', from, end);
      this.segmentAt = from;
      this.segmentParserPos = doc.written;
      this.segmentCursor = 0;
      this.segmentCursorBytes = 0;
      doc.write(this.segment);
      from = end;
      yield* this.drain();
    }
  }

  private nextDocument(at: number): void {
    this.finishDocument();
    this.startDocument(at);
  }

  private startDocument(at: number): void {
    this.docSkippedLines = 0;
    const start: Position = { offset: this.bufOffset + at, line: this.line };
    const excerpt = this.buf.toString('utf8', at, Math.min(at + 160, this.buf.length));
    this.doc = new XmlDocument(
      this.select,
      this.out,
      start,
      excerpt,
      (parserPos) => this.locate(parserPos),
      () => this.docSkippedLines,
    );
  }

  private finishDocument(): void {
    const doc = this.doc;
    if (!doc) return;
    if (this.skipping) {
      const { name, tailOf } = this.skipping;
      doc.reportError(
        tailOf
          ? `the document ends before the end tag ${tailOf.toString()}> of its root (truncated after <${name}>)`
          : `the document ends inside <${name}>, which is not closed`,
      );
    }
    this.skipping = null;
    // Read the line count before closing the document.
    this.line = (doc.start.line ?? 1) + doc.linesSeen + this.docSkippedLines;
    doc.end();
    this.doc = null;
  }

  /** The byte offset and line of the `<` that opened the tag the parser has just read. */
  private locate(parserPos: number): Position {
    const s = this.segment;
    const idx = parserPos - this.segmentParserPos;
    const lt = s.lastIndexOf('<', idx - 1);
    const doc = this.doc!;
    const line = (doc.start.line ?? 1) + doc.linesSeen + this.docSkippedLines;
    // A start tag longer than HOLD_BACK may begin in the previous write: then name where this one starts.
    if (lt < 0) return { offset: this.bufOffset + this.segmentAt, line };
    if (lt < this.segmentCursor) {
      this.segmentCursor = 0;
      this.segmentCursorBytes = 0;
    }
    this.segmentCursorBytes += Buffer.byteLength(s.slice(this.segmentCursor, lt));
    this.segmentCursor = lt;
    const bytes = this.segmentCursorBytes;
    let newlines = 0;
    for (let i = s.indexOf('\n', lt); i >= 0 && i < idx; i = s.indexOf('\n', i + 1)) newlines++;
    return { offset: this.bufOffset + this.segmentAt + bytes, line: line - newlines };
  }
}
