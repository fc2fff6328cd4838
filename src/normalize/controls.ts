// Control characters in a source's text: no reader shows them and XML forbids them.

/** A control character other than tab, line feed, vertical tab, form feed and carriage return. */
export const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000e-\u001f]/g;

/**
 * A text without its control characters (tab, line ends and form feed stay), and how many went.
 * A terminal's colour and cursor codes go whole (ESC [ 3 1 m); a line of them alone goes with its
 * line end (a display's big delimiters), so the lines about it stay together.
 */
export function takeOutControls(text: string): [string, number] {
  if (!CONTROL.test(text)) return [text, 0];
  const n = (text.match(CONTROL_ALL) ?? []).length;
  const clean = text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '\u001b')
    .replace(/^[ \t]*[\u0000-\u0008\u000e-\u001f][\u0000-\u0008\u000e-\u001f \t]*\n/gm, '')
    .replace(CONTROL_ALL, '');
  return [clean, n];
}
