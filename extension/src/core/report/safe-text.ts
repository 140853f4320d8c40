/** C0 and C1 control characters but tab and newline: what could move a terminal's cursor or colour its text. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Characters XML 1.0 forbids (C0 but tab, newline, return; lone surrogates; U+FFFE, U+FFFF) plus C1 controls. */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `\xHH` or `\uHHHH`: the character stays visible to the reader without acting. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe for a terminal: control characters (ESC, NUL…) shown escaped, never emitted. */
export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_CONTROL, visible);
}

/** Text safe inside an XML 1.0 document, before entity escaping. */
export function xmlSafe(s: string): string {
  return s.replace(XML_FORBIDDEN, visible);
}
