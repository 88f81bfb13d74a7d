import type { Position } from '../types.js';
import { XmlTokenizer } from './xml-tokenizer.js';
import { localName, type XmlNode } from './xml-tree.js';

/** What the XML machinery hands a reader: a record's tree, or a document (or record) it had to give up on. */
export type XmlItem =
  | { type: 'record'; node: XmlNode; position: Position }
  | { type: 'malformed'; reason: string; position: Position; excerpt?: string };

export interface RecordSelection {
  /** Local names of the record elements (`exchange-document`, `case-file` …). */
  records: ReadonlySet<string>;
  /** Local names of elements inside a record whose subtrees are not kept (parsed, then dropped). */
  ignore: ReadonlySet<string>;
  /** A record with more elements than this is rejected rather than held in memory. */
  maxElements: number;
  /** A record with more text than this (UTF-16 units) is rejected rather than held in memory. */
  maxChars: number;
}

/** Where, in the file, the parser's current position falls: given by the scanner that feeds it. */
export type Locate = (parserPosition: number) => Position;

/**
 * One XML document of a file, read by its own tokenizer so that a broken document cannot
 * affect the next one. It builds a tree only for record elements, one at a time, and pushes
 * finished records (and its first error) to `out`. After an error it ignores the rest of its input.
 */
export class XmlDocument {
  failed = false;
  /** The name of the document's root element, once the parser has read its start tag. */
  rootName: string | null = null;
  private readonly parser = new XmlTokenizer({
    open: (name, attrs) => this.open(name, attrs),
    close: () => this.close(),
    text: (t) => this.addText(t),
    error: (message) => this.reportError(message),
  });
  private stack: XmlNode[] = [];
  private ignoreDepth = 0;
  private elements = 0;
  private chars = 0;
  private recordAt: Position = {};
  private fed = 0;

  constructor(
    private readonly select: RecordSelection,
    private readonly out: XmlItem[],
    /** Byte offset and line of the document's first character, for rejects of the whole document. */
    readonly start: Position,
    private readonly excerpt: string,
    private readonly locate: Locate,
    /** Newlines the scanner skipped without feeding them, so that error lines stay true. */
    private readonly skippedLines: () => number,
  ) {}

  /** Newlines the parser has seen (its line counter starts at 1). */
  get linesSeen(): number {
    return this.parser.line - 1;
  }

  /** UTF-16 units written so far: during a write the tokenizer's `position` counts from the same start. */
  get written(): number {
    return this.fed;
  }

  write(chunk: string): void {
    if (this.failed || chunk.length === 0) return;
    this.fed += chunk.length;
    this.parser.write(chunk);
  }

  end(): void {
    if (!this.failed) this.parser.close();
  }

  private open(name: string, attrs: Record<string, string>): void {
    if (this.failed) return;
    this.rootName ??= name;
    const local = localName(name);
    if (this.stack.length === 0) {
      if (!this.select.records.has(local)) return;
      this.recordAt = this.locate(this.parser.position);
      this.elements = 1;
      this.chars = 0;
      this.ignoreDepth = 0;
      this.stack.push({ name, local, attrs, children: [], content: [] });
      return;
    }
    if (this.ignoreDepth > 0 || this.select.ignore.has(local) || ++this.elements > this.select.maxElements) {
      this.ignoreDepth++;
      return;
    }
    const node: XmlNode = { name, local, attrs, children: [], content: [] };
    const parent = this.stack[this.stack.length - 1]!;
    parent.children.push(node);
    parent.content.push(node);
    this.stack.push(node);
  }

  private close(): void {
    if (this.failed || this.stack.length === 0) return;
    if (this.ignoreDepth > 0) {
      this.ignoreDepth--;
      return;
    }
    const node = this.stack.pop()!;
    if (this.stack.length > 0) return;
    if (this.elements > this.select.maxElements || this.chars > this.select.maxChars) {
      const limit =
        this.elements > this.select.maxElements
          ? `${this.select.maxElements} elements`
          : `${this.select.maxChars} characters of text`;
      this.out.push({
        type: 'malformed',
        reason: `record <${node.name}> is larger than the limit of ${limit}`,
        position: this.recordAt,
      });
      return;
    }
    this.out.push({ type: 'record', node, position: this.recordAt });
  }

  private addText(t: string): void {
    if (this.failed || this.stack.length === 0 || this.ignoreDepth > 0) return;
    this.chars += t.length;
    // Past the limit, stop keeping text but go on to the record's end, so the reject names it.
    if (this.chars > this.select.maxChars) return;
    this.stack[this.stack.length - 1]!.content.push(t);
  }

  /** The tokenizer reports `line:column: message`, counted within this document; make the line the file's. */
  reportError(message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.stack = [];
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const startLine = this.start.line ?? 1;
    const where = m
      ? `line ${startLine + Number(m[1]) - 1 + this.skippedLines()}, column ${m[2]}: ${m[3]}`
      : message;
    this.out.push({
      type: 'malformed',
      reason: `malformed XML document at byte ${this.start.offset ?? 0} (${where})`,
      position: this.start,
      excerpt: this.excerpt,
    });
  }
}
