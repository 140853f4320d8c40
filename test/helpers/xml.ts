// XML 1.0 Char production, without DEL and C1 controls (the reports refuse them too).
const XML_CHARS = /^[\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
const NAME = '[A-Za-z_][\\w.-]*';
const ATTR = `\\s+${NAME}="(?:[^"<&]|&(?:amp|lt|gt|quot|apos);)*"`;
const TOKEN = new RegExp(`<\\?xml(?:${ATTR})*\\s*\\?>|<(/?)(${NAME})((?:${ATTR})*)\\s*(/?)>|([^<]+)|(<)`, 'gy');

/**
 * The first reason `xml` is not a well-formed XML 1.0 document of elements, attributes and text (no DTD, comments or
 * CDATA, which the reports never write), or undefined when it is one.
 */
export function xmlProblem(xml: string): string | undefined {
  if (!XML_CHARS.test(xml)) return 'a character XML cannot hold';
  const open: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [, close, name, , selfClosing, text, stray] = m;
    if (stray) return `a stray < at ${m.index}`;
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(text)) return `a bare & at ${m.index}`;
      if (!open.length && text.trim()) return `text outside the root at ${m.index}`;
    } else if (close) {
      if (open.pop() !== name) return `</${name}> closes nothing open at ${m.index}`;
    } else if (name) {
      if (!open.length && ++roots > 1) return `a second root <${name}>`;
      if (!selfClosing) open.push(name);
    }
    if (TOKEN.lastIndex === xml.length) break;
  }
  return open.length ? `<${open.at(-1)}> never closed` : roots === 1 ? undefined : 'no root element';
}
