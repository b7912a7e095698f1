/*
 * A small, tolerant reader for the few flat fields of RSS and Atom entries. The MV3 service
 * worker has no DOMParser, and a status feed needs no tree: this finds elements by scanning
 * text. It never throws, and every scan is linear in the text (indexOf, and regexes that
 * stop at the next `<` or are anchored), so a hostile or truncated body costs one read.
 */

/** A piece of XML with a same-length copy whose CDATA sections and comments are blanked. */
export interface XmlScope {
  text: string;
  /** Tags are searched here, so markup quoted inside CDATA is never taken for an element. */
  masked: string;
}

/** An element found in a scope: its raw attribute text, and its raw content as a scope. */
export interface XmlElement extends XmlScope {
  attributes: string;
}

const QUOTED = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

/** Prepares a document for scanning: one pass over it, however many fields are read. */
export function xmlScope(text: string): XmlScope {
  return { text, masked: text.replace(QUOTED, (quoted) => ' '.repeat(quoted.length)) };
}

// Each alternative starts differently and none can run past its own end, so a failed
// match never backtracks across alternatives.
const PROLOG =
  /^\uFEFF?(?:\s|<\?[^<>]*>|<!--(?:(?!-->)[\s\S])*-->|<!DOCTYPE[^<>]*>)*<([A-Za-z][\w.:-]{0,40})/i;

/** The name of the document's first element, lowercased ("rss", "feed", "html"...). */
export function rootElement(text: string): string | undefined {
  return PROLOG.exec(text.slice(0, 4096))?.[1]?.toLowerCase();
}

/**
 * The first `max` elements called one of `names`, in document order. An element left open
 * by a truncated body runs to the end of the text. Names are our constants, never input.
 */
export function elements(scope: XmlScope, names: readonly string[], max: number): XmlElement[] {
  // `[^<>]*` stops at the next tag, so an unclosed `<item` costs only its own few characters.
  const open = new RegExp(`<(${names.join('|')})(?=[\\s/>])([^<>]*)>`, 'g');
  const found: XmlElement[] = [];
  let match: RegExpExecArray | null;
  while (found.length < max && (match = open.exec(scope.masked))) {
    const [whole, name = '', attributes = ''] = match;
    if (attributes.endsWith('/')) {
      found.push({ attributes, text: '', masked: '' });
      continue;
    }
    const start = match.index + whole.length;
    const close = scope.masked.indexOf(`</${name}`, start);
    const end = close < 0 ? undefined : close;
    found.push({
      attributes,
      text: scope.text.slice(start, end),
      masked: scope.masked.slice(start, end),
    });
    if (close < 0) break;
    open.lastIndex = close;
  }
  return found;
}

/** The elements called `name` inside `parent`: its children, since feeds keep fields flat. */
export function children(parent: XmlScope, name: string, max = 10): XmlElement[] {
  return elements(parent, [name], max);
}

/** The XML value of the first child called `name`; undefined when there is none. */
export function childText(parent: XmlScope, name: string): string | undefined {
  const [found] = children(parent, name, 1);
  return found ? xmlValue(found.text) : undefined;
}

/** RSS `<link>` text, or the Atom `<link href>` to the page (rel alternate, or no rel). */
export function entryLink(entry: XmlScope): string | undefined {
  for (const link of children(entry, 'link')) {
    const href = attribute(link.attributes, 'href');
    const rel = attribute(link.attributes, 'rel');
    if (href !== undefined && (rel === undefined || rel === 'alternate')) return href;
    if (href === undefined && link.text.trim()) return xmlValue(link.text).trim();
  }
  return undefined;
}

/** An attribute's value, entities decoded; undefined when absent. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decodeEntities(value);
}

/** An element's text as XML means it: CDATA sections verbatim, entities decoded elsewhere. */
export function xmlValue(content: string): string {
  return content
    .split(/(<!\[CDATA\[[\s\S]*?(?:\]\]>|$))/)
    .map((part, index) =>
      index % 2 === 1 ? part.slice(9, part.endsWith(']]>') ? -3 : undefined) : decodeEntities(part),
    )
    .join('');
}

const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

/** Decodes the XML entities and numeric references; an invalid code point becomes U+FFFD. */
function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[a-zA-Z]{2,6});/g, (whole, body) => {
    const name = body as string;
    if (name[0] !== '#') return NAMED.get(name) ?? whole;
    const point = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    const valid = point > 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff);
    return valid ? String.fromCodePoint(point) : '\ufffd';
  });
}

const BLOCK_TAG = /<\/?(?:p|br|hr|div|h[1-6]|li|ul|ol|tr|td|th|table|blockquote|pre)\b[^<>]*>/gi;

/**
 * HTML (as feeds carry it in descriptions, and sometimes in titles) as one line of plain
 * text: scripts and styles dropped whole, tags removed, entities decoded once more.
 */
export function plainText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}
