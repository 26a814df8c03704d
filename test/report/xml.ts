/**
 * A small, strict XML 1.0 well-formedness parser for the tests (no DTDs, no namespaces): it
 * throws on anything a conforming parser would reject that our reports could produce —
 * unescaped `<` or `&`, unknown entities, mismatched tags, duplicate attributes, characters
 * XML cannot carry — and returns the element tree with decoded text and attributes.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9._:]*/;
// Chars allowed by XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (match, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare & at ${where}`);
    if (name in PREDEFINED) return PREDEFINED[name]!;
    const num = /^#(\d+)$/.exec(name) ?? /^#x([0-9A-Fa-f]+)$/.exec(name);
    if (num) {
      const code = Number.parseInt(num[1]!, name.startsWith('#x') ? 16 : 10);
      const ch = String.fromCodePoint(code);
      if (FORBIDDEN.test(ch)) throw new Error(`character reference to a forbidden character ${match} at ${where}`);
      return ch;
    }
    throw new Error(`unknown entity ${match} at ${where}`);
  });
}

export function parseXml(source: string): XmlElement {
  const bad = FORBIDDEN.exec(source);
  if (bad) throw new Error(`forbidden character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`);
  let i = 0;
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  skipSpace();
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (source.startsWith('</', i)) {
      const m = NAME.exec(source.slice(i + 2));
      if (!m) throw new Error(`bad end tag at ${i}`);
      const open = stack.pop();
      if (!open || open.name !== m[0]) throw new Error(`mismatched </${m[0]}> at ${i} (open: ${open?.name})`);
      i += 2 + m[0].length;
      skipSpace();
      if (source[i] !== '>') throw new Error(`bad end tag at ${i}`);
      i++;
      if (stack.length === 0) {
        skipSpace();
        if (i < source.length) throw new Error(`content after the root element at ${i}`);
      }
      continue;
    }
    if (source[i] === '<') {
      const m = NAME.exec(source.slice(i + 1));
      if (!m) throw new Error(`bad start tag at ${i}`);
      if (root && stack.length === 0) throw new Error(`second root element at ${i}`);
      const element: XmlElement = { name: m[0], attributes: {}, children: [], text: '' };
      i += 1 + m[0].length;
      for (;;) {
        const before = i;
        skipSpace();
        if (source.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (source[i] === '>') {
          i++;
          break;
        }
        if (i === before) throw new Error(`attributes must be separated by space at ${i}`);
        const a = NAME.exec(source.slice(i));
        if (!a) throw new Error(`bad attribute at ${i}`);
        i += a[0].length;
        skipSpace();
        if (source[i] !== '=') throw new Error(`expected = at ${i}`);
        i++;
        skipSpace();
        const quote = source[i];
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute at ${i}`);
        const end = source.indexOf(quote, i + 1);
        if (end < 0) throw new Error('unterminated attribute');
        const raw = source.slice(i + 1, end);
        if (raw.includes('<')) throw new Error(`< in attribute value at ${i}`);
        if (a[0] in element.attributes) throw new Error(`duplicate attribute ${a[0]} at ${i}`);
        // Attribute-value normalisation: literal whitespace characters become spaces.
        element.attributes[a[0]] = decode(raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '), i);
        i = end + 1;
      }
      const selfClosing = source[i - 2] === '/';
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
      else if (stack.length === 0) {
        skipSpace();
        if (i < source.length) throw new Error(`content after the root element at ${i}`);
      }
      continue;
    }
    const next = source.indexOf('<', i);
    const end = next < 0 ? source.length : next;
    const raw = source.slice(i, end);
    const parent = stack.at(-1);
    if (!parent) {
      if (raw.trim()) throw new Error(`text outside the root element at ${i}`);
    } else {
      if (raw.includes(']]>')) throw new Error(`]]> in text at ${i}`);
      // End-of-line handling: literal CR LF and CR become LF before anything else.
      parent.text += decode(raw.replace(/\r\n?/g, '\n'), i);
    }
    i = end;
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
