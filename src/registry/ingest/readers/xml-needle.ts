import { GT, isSpace, SLASH } from './xml-bytes.js';

/**
 * A byte pattern searched for in one chunk of a file. It remembers its last answer, so that asking
 * again from further on costs nothing until the match is passed: each byte is searched about once.
 * Searches are bounded (`to`), so a pattern that occurs once per document is not looked for beyond it.
 */
export class Needle {
  readonly bytes: Buffer;
  private buf: Buffer = Buffer.alloc(0);
  // The range searched last, [from, to), and its first match (-1: none); `to` -1 means not searched.
  private from = 0;
  private to = -1;
  private hit = -1;
  private notBefore = 0;

  constructor(
    text: string,
    /** What must follow a match: whitespace (`<?xml `) or a byte that ends a tag name (`<claims>`). */
    private readonly follow: 'space' | 'tag',
    buf?: Buffer,
  ) {
    this.bytes = Buffer.from(text);
    if (buf) this.reset(buf);
  }

  /** Starts over on a new chunk. */
  reset(buf: Buffer): void {
    this.buf = buf;
    this.from = 0;
    this.to = -1;
    this.hit = -1;
    this.notBefore = 0;
  }

  /** Forgets a match that has been dealt with, so that the next search starts after it. */
  passed(at: number): void {
    this.notBefore = at + 1;
    if (this.hit === at) this.to = -1;
  }

  /** The first match in [from, to), or -1. */
  find(from: number, to: number): number {
    from = Math.max(from, this.notBefore);
    if (from >= to) return -1;
    let start = from;
    if (this.to >= 0 && from >= this.from) {
      if (this.hit >= 0) {
        if (this.hit >= from) return this.hit < to ? this.hit : -1;
      } else if (to <= this.to) {
        return -1;
      } else if (this.to >= from) {
        // Bounds fall on `<`, and a pattern holds one `<`, so none straddles the old bound.
        start = this.to;
      }
    }
    const hit = this.search(start, to);
    this.from = from;
    this.to = to;
    this.hit = hit;
    return hit;
  }

  private search(from: number, to: number): number {
    const b = this.buf;
    const window = b.subarray(0, to);
    for (let i = window.indexOf(this.bytes, from); i >= 0; i = window.indexOf(this.bytes, i + 1)) {
      const next = b[i + this.bytes.length];
      if (next === undefined || isSpace(next)) return i;
      if (this.follow === 'tag' && (next === GT || next === SLASH)) return i;
    }
    return -1;
  }
}
