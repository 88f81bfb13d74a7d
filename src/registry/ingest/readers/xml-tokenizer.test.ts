import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlTokenizer } from './xml-tokenizer.js';

/**
 * The tokenizer is checked against saxes, the conformant parser it replaced: on the real office
 * samples and on hand-made documents both must report the same elements, attributes, text, lines
 * and positions, in whatever pieces the input arrives, and both must refuse the same broken ones.
 */
const SAMPLES = join(import.meta.dirname, '../../../../../shared/data/samples');

type Event = string;

interface Run {
  events: Event[];
  errors: string[];
}

/** Events of one document, text merged between markup (parsers may split a run differently). */
function withTokenizer(pieces: readonly string[]): Run {
  const run: Run = { events: [], errors: [] };
  let text = '';
  const flush = () => {
    if (text) run.events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const t: XmlTokenizer = new XmlTokenizer({
    open: (name, attrs) => {
      flush();
      run.events.push(`open ${name} ${JSON.stringify(attrs)} line ${t.line} at ${t.position}`);
    },
    close: () => {
      flush();
      run.events.push('close');
    },
    text: (s) => {
      text += s;
    },
    error: (m) => run.errors.push(m),
  });
  for (const p of pieces) t.write(p);
  t.close();
  flush();
  return run;
}

function withSaxes(pieces: readonly string[]): Run {
  const run: Run = { events: [], errors: [] };
  let text = '';
  const flush = () => {
    if (text) run.events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const p = new SaxesParser();
  p.on('opentag', (tag) => {
    flush();
    run.events.push(`open ${tag.name} ${JSON.stringify(tag.attributes)} line ${p.line} at ${p.position}`);
  });
  p.on('closetag', () => {
    flush();
    run.events.push('close');
  });
  // saxes reports text outside the root too; the tokenizer reports only the root's.
  p.on('text', (s) => {
    if (run.events.some((e) => e.startsWith('open'))) text += s;
  });
  p.on('cdata', (s) => {
    text += s;
  });
  p.on('error', (e) => run.errors.push(e.message));
  // During a write, saxes's position counts from the start of the input.
  for (const piece of pieces) p.write(piece);
  p.close();
  flush();
  return run;
}

/** The same input cut into pieces of `size` characters. */
function cut(s: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out;
}

/** Text after the root element's end: saxes reports it as text, which is outside any record. */
function events(r: Run): Event[] {
  let depth = 0;
  return r.events.filter((e) => {
    if (e.startsWith('open')) depth++;
    else if (e === 'close') depth--;
    else if (depth === 0) return false;
    return true;
  });
}

describe('XmlTokenizer', () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.xml'));

  it.each(samples)('reads %s as saxes does, whole and in pieces', (file) => {
    const xml = readFileSync(join(SAMPLES, file), 'utf8');
    const reference = withSaxes([xml]);
    expect(reference.errors).toEqual([]);
    const whole = withTokenizer([xml]);
    expect(whole.errors).toEqual([]);
    expect(events(whole)).toEqual(events(reference));
    expect(events(whole).length).toBeGreaterThan(20);
    // Positions are absolute, so pieces must not change them either.
    for (const size of [7, 100, 4096]) {
      const pieces = withTokenizer(cut(xml, size));
      expect(pieces.errors).toEqual([]);
      expect(events(pieces)).toEqual(events(reference));
    }
  });

  const wellFormed: Array<[string, string]> = [
    [
      'entities and character references',
      '<a x="1 &lt; 2 &amp; &#x41;&#66;">&quot;&apos;&gt;&#x4E2D;&#25991;&#x1F600;</a>',
    ],
    ['CDATA, comments and processing instructions', '<a><!-- c --><![CDATA[<b>&amp;]]><?pi data?>t</a>'],
    [
      'a DOCTYPE with an internal subset',
      `<!DOCTYPE a SYSTEM "a.dtd" [ <!ELEMENT a (#PCDATA)> <!-- it's a "comment" > --> <!ATTLIST a x CDATA "v>"> ]>\n<a/>`,
    ],
    ['attribute whitespace and quotes', '<a x=\'say "hi"\' y="a\tb\nc\r\nd" z = \'q\' ></a>'],
    ['line ends', '<a>\r\nx\ry\r\n</a>'],
    [
      'names with prefixes, dots, dashes and CJK',
      '<ops:a-b.c xmlns:ops="u"><名称 属性="值">中文</名称></ops:a-b.c>',
    ],
    ['self-closing elements and space in end tags', '<a><b/><c x="1" /></a >'],
    [
      'an XML declaration and a stylesheet instruction',
      '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="s.xsl"?>\n<a>x</a>\n<!-- after -->\n',
    ],
    ['mixed content', '<p>a <b>bold</b> and <i>it</i>.</p>'],
  ];
  it.each(wellFormed)('reads %s as saxes does', (_, xml) => {
    const reference = withSaxes([xml]);
    expect(reference.errors).toEqual([]);
    for (const size of [1, 2, 3, 5, xml.length]) {
      const ours = withTokenizer(cut(xml, size));
      expect(ours.errors).toEqual([]);
      expect(events(ours)).toEqual(events(reference));
    }
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['a mismatched end tag', '<a>\n<b>\n</c>\n</a>', /^3:\d+: unexpected close tag\.$/],
    ['an unclosed element', '<a><b></b>', /^1:\d+: unclosed tag: a$/],
    ['no root', '<!-- nothing -->', /document must contain a root element/],
    ['two roots', '<a/><b/>', /only one root/],
    ['text outside the root', '<a/>x', /text data outside of root node/],
    ['an undefined entity', '<a>&nbsp;</a>', /undefined entity: nbsp/],
    ['a bare ampersand', '<a>fish & chips</a>', /malformed character entity/],
    ['a reference to a disallowed character', '<a>&#0;</a>', /malformed character entity/],
    ['a disallowed character', '<a>\u0001</a>', /disallowed character/],
    ['a duplicate attribute', '<a x="1" x="2"/>', /duplicate attribute: x/],
    ['an unquoted attribute', '<a x=1/>', /unquoted attribute value/],
    ['an attribute without value', '<a x/>', /attribute without value/],
    ['attributes without space between them', '<a x="1"y="2"/>', /no whitespace between attributes/],
    ['< in an attribute value', '<a x="<"/>', /disallowed character/],
    ['a bad tag name', '<1a/>', /disallowed character in tag name/],
    ['CDATA outside the root', '<![CDATA[x]]><a/>', /text data outside of root node/],
    [']]> in text', '<a>]]></a>', /]]>/],
    ['-- in a comment', '<a><!-- a -- b --></a>', /malformed comment/],
    [
      'an XML declaration not at the start',
      '<a/><?xml version="1.0"?>',
      /XML declaration must be at the start/,
    ],
    ['a truncated start tag', '<a><b x="1', /unexpected end/],
    ['a DOCTYPE after the root', '<a/><!DOCTYPE a>', /doctype/],
    ['an empty end tag', '<a></>', /empty close tag/],
  ];
  it.each(malformed)('refuses %s, as saxes does', (_, xml, message) => {
    expect(withSaxes([xml]).errors.length).toBeGreaterThan(0);
    for (const size of [1, 4, xml.length]) {
      const ours = withTokenizer(cut(xml, size));
      expect(ours.errors).toHaveLength(1);
      expect(ours.errors[0]).toMatch(message);
    }
  });

  it('reports nothing more after the first error', () => {
    const events: string[] = [];
    const t = new XmlTokenizer({
      open: (n) => events.push(n),
      close: () => {},
      text: () => {},
      error: (m) => events.push(`error ${m}`),
    });
    t.write('<a><b></c><d/>');
    t.write('<e/></a>');
    t.close();
    expect(events).toEqual(['a', 'b', 'error 1:7: unexpected close tag.']);
  });
});
