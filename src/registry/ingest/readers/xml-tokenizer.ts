/**
 * An incremental XML 1.0 tokenizer for one document, written for the readers' bulk files: it finds
 * markup with native string searches instead of stepping through a state machine character by
 * character, and checks what makes a document well formed — tags nest and match, one root, names,
 * attribute syntax and uniqueness, entity and character references, characters XML allows, comments,
 * CDATA only inside the root, the XML declaration and DOCTYPE only at the start. It does not read
 * DTDs (a DOCTYPE is skipped whole, so a named entity other than the five predefined ones is an
 * error, as it was with saxes) and does not resolve namespaces (names are kept as written).
 *
 * Errors are reported once, as `line:column: message`, after which the document's input is ignored.
 */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  close(): void;
  text(text: string): void;
  error(message: string): void;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const EQUALS = 61; // =
const QUOT = 34; // "
const APOS = 39; // '
const LBRACKET = 91; // [
const RBRACKET = 93; // ]

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Characters XML 1.0 does not allow anywhere (lone surrogates cannot come out of UTF-8 decoding). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML forbids.
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// XML 1.0's NameStartChar and NameChar productions.
const NAME =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWNJ and ZWJ are name characters in XML.
  /^[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][-.0-9A-Za-z_:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*$/u;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ONLY_SPACE = /^[ \t\r\n]*$/;

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Thrown inside a scan when a construct runs past the input written so far. */
const INCOMPLETE = -1;

export class XmlTokenizer {
  /** Lines seen (1-based), as far as `lineAt` has counted. */
  private lines = 1;
  /** Where in `s` the line count stands. */
  private lineCursor = 0;
  /** The input not consumed yet: the end of the previous write, then the current write. */
  private s = '';
  /** Length of the part of `s` carried from earlier writes. */
  private carried = 0;
  /** UTF-16 units written before the current write. */
  private fedBefore = 0;
  /** Index in `s` just past the construct being reported (for `position`). */
  private at = 0;
  private readonly stack: string[] = [];
  private seenRoot = false;
  private failed = false;
  private closed = false;
  private readonly knownNames = new Set<string>();
  /**
   * Whether the input not consumed yet holds a character XML forbids: only then are text runs and
   * attribute values searched for one (one native search per write instead of one per run).
   */
  private suspect = false;

  constructor(private readonly handler: XmlHandler) {}

  /** The line (1-based) the tokenizer has reached: during an `open`, that of the end of its tag. */
  get line(): number {
    return this.lineAt(this.at);
  }

  /** UTF-16 units of the input up to the end of the construct being reported. */
  get position(): number {
    return this.offset(this.at);
  }

  /** Where index `i` of `s` falls in the whole input (UTF-16 units). */
  private offset(i: number): number {
    return this.fedBefore + i - this.carried;
  }

  write(chunk: string): void {
    if (this.failed || this.closed) return;
    this.s = this.carried === 0 && this.s.length === 0 ? chunk : this.s + chunk;
    this.suspect ||= DISALLOWED.test(chunk);
    try {
      const consumed = this.scan(false);
      this.keep(consumed, chunk.length);
    } catch (e) {
      this.fail(e);
    }
  }

  close(): void {
    if (this.failed || this.closed) return;
    this.closed = true;
    try {
      const consumed = this.scan(true);
      if (consumed < this.s.length) throw new XmlSyntaxError('unexpected end.', this.s.length);
      if (this.stack.length > 0)
        throw new XmlSyntaxError(`unclosed tag: ${this.stack[this.stack.length - 1]}`, this.s.length);
      if (!this.seenRoot) throw new XmlSyntaxError('document must contain a root element.', this.s.length);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Keeps `s` from `consumed` for the next write, counting the lines of what is dropped. */
  private keep(consumed: number, written: number): void {
    this.lineAt(consumed);
    this.fedBefore += written;
    this.s = consumed === this.s.length ? '' : this.s.slice(consumed);
    this.carried = this.s.length;
    this.suspect &&= DISALLOWED.test(this.s);
    this.lineCursor = 0;
    this.at = this.carried;
  }

  private lineAt(p: number): number {
    const s = this.s;
    let i = s.indexOf('\n', this.lineCursor);
    while (i >= 0 && i < p) {
      this.lines++;
      i = s.indexOf('\n', i + 1);
    }
    if (p > this.lineCursor) this.lineCursor = p;
    return this.lines;
  }

  private fail(e: unknown): void {
    if (!(e instanceof XmlSyntaxError)) throw e;
    this.failed = true;
    const line = this.lineAt(e.at);
    const lastNewline = this.s.lastIndexOf('\n', e.at - 1);
    this.handler.error(`${line}:${e.at - lastNewline}: ${e.message}`);
  }

  /** Reads every complete construct of `s`; returns where the first incomplete one starts. */
  private scan(final: boolean): number {
    const s = this.s;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text with no markup after it yet: wait for more, unless this is the end.
        if (!final) return i;
        this.textRun(i, n);
        return n;
      }
      if (lt > i) this.textRun(i, lt);
      const end = this.markup(lt, final);
      if (end === INCOMPLETE) return lt;
      i = end;
    }
    return n;
  }

  private textRun(from: number, to: number): void {
    let t = this.s.slice(from, to);
    if (this.stack.length === 0) {
      if (!ONLY_SPACE.test(t)) throw new XmlSyntaxError('text data outside of root node.', from);
      return;
    }
    if (this.suspect && DISALLOWED.test(t)) throw new XmlSyntaxError('disallowed character.', from);
    if (t.includes(']]>')) throw new XmlSyntaxError('the string "]]>" is disallowed in char data.', from);
    if (t.includes('&')) t = this.decode(t, from);
    if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
    this.at = to;
    this.handler.text(t);
  }

  /** Reads the markup starting at `lt`; returns the index past it, or INCOMPLETE. */
  private markup(lt: number, final: boolean): number {
    const s = this.s;
    const c = s.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return this.incomplete(lt, final);
    if (c === SLASH) return this.endTag(lt, final);
    if (c === BANG) return this.declaration(lt, final);
    if (c === QUESTION) return this.instruction(lt, final);
    return this.startTag(lt, final);
  }

  private incomplete(at: number, final: boolean): number {
    if (final) throw new XmlSyntaxError('unexpected end.', at);
    return INCOMPLETE;
  }

  private checkName(name: string, at: number, what: string): void {
    const ascii = asciiName(name);
    if (ascii === true) return;
    if (ascii === false) throw new XmlSyntaxError(`disallowed character in ${what}.`, at);
    if (this.knownNames.has(name)) return;
    if (!NAME.test(name)) throw new XmlSyntaxError(`disallowed character in ${what}.`, at);
    if (this.knownNames.size < 10_000) this.knownNames.add(name);
  }

  private startTag(lt: number, final: boolean): number {
    const s = this.s;
    const n = s.length;
    let i = lt + 1;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isSpace(c) || c === GT || c === SLASH) break;
      i++;
    }
    if (i >= n) return this.incomplete(lt, final);
    const name = s.slice(lt + 1, i);
    this.checkName(name, lt + 1, 'tag name');
    if (this.stack.length === 0 && this.seenRoot)
      throw new XmlSyntaxError('documents may contain only one root.', lt);
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return this.incomplete(lt, final);
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        if (c === SLASH) {
          if (i + 1 >= n) return this.incomplete(lt, final);
          if (s.charCodeAt(i + 1) !== GT)
            throw new XmlSyntaxError('forward-slash in opening tag not followed by >.', i);
        }
        const end = c === SLASH ? i + 2 : i + 1;
        this.seenRoot = true;
        this.at = end;
        this.stack.push(name);
        this.handler.open(name, attrs);
        if (c === SLASH) {
          this.stack.pop();
          this.handler.close();
        }
        return end;
      }
      if (i === before) throw new XmlSyntaxError('no whitespace between attributes.', i);
      // An attribute: name, `=`, a quoted value.
      const nameAt = i;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (isSpace(d) || d === EQUALS || d === GT || d === SLASH) break;
        i++;
      }
      if (i >= n) return this.incomplete(lt, final);
      const attr = s.slice(nameAt, i);
      this.checkName(attr, nameAt, 'attribute name');
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return this.incomplete(lt, final);
      if (s.charCodeAt(i) !== EQUALS) throw new XmlSyntaxError('attribute without value.', i);
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return this.incomplete(lt, final);
      const q = s.charCodeAt(i);
      if (q !== QUOT && q !== APOS) throw new XmlSyntaxError('unquoted attribute value.', i);
      const close = s.indexOf(q === QUOT ? '"' : "'", i + 1);
      if (close < 0) return this.incomplete(lt, final);
      let value = s.slice(i + 1, close);
      if (value.includes('<')) throw new XmlSyntaxError('disallowed character.', i + 1 + value.indexOf('<'));
      if (this.suspect && DISALLOWED.test(value)) throw new XmlSyntaxError('disallowed character.', i + 1);
      if (value.includes('&')) value = this.decode(value, i + 1);
      if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
      if (Object.hasOwn(attrs, attr)) throw new XmlSyntaxError(`duplicate attribute: ${attr}.`, nameAt);
      attrs[attr] = value;
      i = close + 1;
    }
  }

  private endTag(lt: number, final: boolean): number {
    const s = this.s;
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return this.incomplete(lt, final);
    let nameEnd = gt;
    while (nameEnd > lt + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
    const name = s.slice(lt + 2, nameEnd);
    if (name === '') throw new XmlSyntaxError('weird empty close tag.', lt);
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) {
      throw new XmlSyntaxError(
        this.seenRoot ? 'unexpected close tag.' : `unmatched closing tag: ${name}.`,
        lt,
      );
    }
    if (open !== name) {
      this.checkName(name, lt + 2, 'closing tag');
      throw new XmlSyntaxError('unexpected close tag.', lt);
    }
    this.stack.pop();
    this.at = gt + 1;
    this.handler.close();
    return gt + 1;
  }

  /** `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE …>`. */
  private declaration(lt: number, final: boolean): number {
    const s = this.s;
    // `<![CDATA[` and `<!DOCTYPE` are 9 characters: fewer cannot tell which, until the end has come.
    if (!final && s.length - lt < 9) return INCOMPLETE;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) return this.incomplete(lt, final);
      const dashes = s.indexOf('--', lt + 4);
      if (dashes < end) throw new XmlSyntaxError('malformed comment.', dashes);
      return end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return this.incomplete(lt, final);
      if (this.stack.length === 0) throw new XmlSyntaxError('text data outside of root node.', lt);
      let t = s.slice(lt + 9, end);
      if (this.suspect && DISALLOWED.test(t)) throw new XmlSyntaxError('disallowed character.', lt + 9);
      if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
      this.at = end + 3;
      this.handler.text(t);
      return end + 3;
    }
    if (s.startsWith('<!DOCTYPE', lt)) {
      if (this.seenRoot) throw new XmlSyntaxError('inappropriately located doctype declaration.', lt);
      const end = this.doctypeEnd(lt + 9);
      if (end < 0) return this.incomplete(lt, final);
      return end + 1;
    }
    throw new XmlSyntaxError('incorrect syntax.', lt);
  }

  /**
   * The `>` that ends a DOCTYPE, past quoted strings, comments and the internal subset's brackets;
   * -1 if not yet written.
   */
  private doctypeEnd(from: number): number {
    const s = this.s;
    let depth = 0;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === LT && s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        if (close < 0) return -1;
        i = close + 2;
      } else if (c === QUOT || c === APOS) {
        const close = s.indexOf(c === QUOT ? '"' : "'", i + 1);
        if (close < 0) return -1;
        i = close;
      } else if (c === LBRACKET) depth++;
      else if (c === RBRACKET) depth--;
      else if (c === GT && depth <= 0) return i;
    }
    return -1;
  }

  /** `<?target …?>`; the XML declaration only at the very start. */
  private instruction(lt: number, final: boolean): number {
    const s = this.s;
    const end = s.indexOf('?>', lt + 2);
    if (end < 0) return this.incomplete(lt, final);
    let nameEnd = lt + 2;
    while (nameEnd < end && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    const target = s.slice(lt + 2, nameEnd);
    if (target === '') throw new XmlSyntaxError('processing instruction without a target.', lt);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.offset(lt) !== 0)
        throw new XmlSyntaxError('an XML declaration must be at the start of the document.', lt);
      if (!/\sversion\s*=\s*(["'])1\.[0-9]+\1/.test(s.slice(nameEnd, end)))
        throw new XmlSyntaxError('XML declaration must contain a version.', lt);
    } else this.checkName(target, lt + 2, 'processing instruction name');
    return end + 2;
  }

  /** Replaces entity and character references; `at` is where `t` starts in `s` (for errors). */
  private decode(t: string, at: number): string {
    let out = '';
    let from = 0;
    for (let amp = t.indexOf('&'); amp >= 0; amp = t.indexOf('&', from)) {
      const semi = t.indexOf(';', amp + 1);
      if (semi < 0) throw new XmlSyntaxError('malformed character entity.', at + amp);
      const name = t.slice(amp + 1, semi);
      let ch: string | undefined;
      if (name.startsWith('#')) {
        const code = /^#x[0-9a-fA-F]+$/.test(name)
          ? Number.parseInt(name.slice(2), 16)
          : /^#[0-9]+$/.test(name)
            ? Number.parseInt(name.slice(1), 10)
            : Number.NaN;
        if (!isXmlChar(code)) throw new XmlSyntaxError('malformed character entity.', at + amp);
        ch = String.fromCodePoint(code);
      } else {
        if (name === '') throw new XmlSyntaxError('empty entity name.', at + amp);
        ch = PREDEFINED[name];
        if (ch === undefined) throw new XmlSyntaxError(`undefined entity: ${name.slice(0, 40)}.`, at + amp);
      }
      out += t.slice(from, amp) + ch;
      from = semi + 1;
    }
    return out + t.slice(from);
  }
}

/** ASCII characters that may start a name (1) or continue one (2). */
const NAME_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_ASCII[c] = 3;
  else if (/[-.0-9]/.test(ch)) NAME_ASCII[c] = 2;
}

/** Whether an all-ASCII name is well formed; null when it has other characters (see NAME). */
function asciiName(name: string): boolean | null {
  if (name.length === 0) return false;
  const first = name.charCodeAt(0);
  if (first >= 128) return null;
  if ((NAME_ASCII[first]! & 1) === 0) return false;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return null;
    if (NAME_ASCII[c] === 0) return false;
  }
  return true;
}

function isXmlChar(c: number): boolean {
  return (
    c === 9 ||
    c === 10 ||
    c === 13 ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}
