/** C0 and C1 control characters but tab and newline: what could move a terminal's cursor or colour its text. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * What an XML 1.0 document cannot hold (C0 but tab, newline, return; lone surrogates; U+FFFE, U+FFFF), plus DEL and C1
 * controls, which XML allows but which act on the terminal a report is read in.
 */
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

/** Text safe inside an XML 1.0 document, before entity escaping: what XML cannot hold is removed (command output may hold any byte). */
export function xmlSafe(s: string): string {
  return s.replace(XML_FORBIDDEN, '');
}

/** Escapes text for XML content and attributes, after removing what XML cannot hold. */
export function xmlEsc(s: unknown): string {
  return xmlSafe(String(s)).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
