/**
 * A tiny read-only DOM for one record element (an `exchange-document`, a `case-file` …), and the
 * few helpers the readers need to walk it. Names are matched by local name, ignoring any namespace
 * prefix (`ops:legal` is `legal`), because the offices' namespace prefixes vary between files.
 */
export interface XmlNode {
  /** The qualified name as written, e.g. `ops:L007EP`. */
  name: string;
  /** The name without its prefix, e.g. `L007EP`. */
  local: string;
  attrs: Record<string, string>;
  /** Child elements, in document order. */
  children: XmlNode[];
  /** Child elements and text, in document order (text matters in mixed content such as abstracts). */
  content: Array<XmlNode | string>;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The first child element with this local name. */
export function child(node: XmlNode | null | undefined, local: string): XmlNode | null {
  if (!node) return null;
  for (const c of node.children) if (c.local === local) return c;
  return null;
}

/** Every child element with this local name. */
export function childrenNamed(node: XmlNode | null | undefined, local: string): XmlNode[] {
  if (!node) return [];
  return node.children.filter((c) => c.local === local);
}

/** The element at a path of local names below `node` (`path(doc, 'bibliographic-data', 'parties')`). */
export function path(node: XmlNode | null | undefined, ...locals: string[]): XmlNode | null {
  let at: XmlNode | null = node ?? null;
  for (const l of locals) at = child(at, l);
  return at;
}

/** Every descendant element with this local name, in document order. */
export function descendants(node: XmlNode | null | undefined, local: string): XmlNode[] {
  const out: XmlNode[] = [];
  if (node) collectNamed(node, local, out);
  return out;
}

function collectNamed(node: XmlNode, local: string, out: XmlNode[]): void {
  for (const c of node.children) {
    if (c.local === local) out.push(c);
    collectNamed(c, local, out);
  }
}

/** The first descendant element with this local name (depth first). */
export function descendant(node: XmlNode | null | undefined, local: string): XmlNode | null {
  if (!node) return null;
  for (const c of node.children) {
    if (c.local === local) return c;
    const deeper = descendant(c, local);
    if (deeper) return deeper;
  }
  return null;
}

/** All text below `node`, in document order, with runs of whitespace folded to one space and trimmed. */
export function text(node: XmlNode | null | undefined): string {
  if (!node || node.content.length === 0) return '';
  // Most elements hold one piece of text: take it as it is when it needs no folding.
  const only = node.content.length === 1 ? node.content[0] : undefined;
  let raw: string;
  if (typeof only === 'string') raw = only;
  else {
    const parts: string[] = [];
    collectText(node, parts);
    raw = parts.join('');
  }
  return NEEDS_FOLDING.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
}

const NEEDS_FOLDING = /^\s|\s$|\s\s|[\t\n\r]/;

function collectText(node: XmlNode, parts: string[]): void {
  for (const c of node.content) {
    if (typeof c === 'string') parts.push(c);
    else collectText(c, parts);
  }
}

/** The text at a path of local names, or null when the element is missing or empty. */
export function textAt(node: XmlNode | null | undefined, ...locals: string[]): string | null {
  const t = text(path(node, ...locals));
  return t === '' ? null : t;
}

/** A short excerpt naming the element, for reject reports: `<case-file serial="…">`. */
export function describe(node: XmlNode): string {
  const attrs = Object.entries(node.attrs)
    .slice(0, 6)
    .map(([k, v]) => ` ${k}="${v.slice(0, 40)}"`)
    .join('');
  return `<${node.name}${attrs}>`;
}
