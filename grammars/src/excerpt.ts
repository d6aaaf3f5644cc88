// Source text quoted in a message. Messages are one line with no control characters:
// a line break would split a `file:line:col: ...` line in two, and a raw escape
// sequence (colours, OSC window titles) would reach the user's terminal. Long text
// (a 2 MB identifier) is cut so a message stays short.

/** Characters quoted longer than this are cut and marked with "…". */
export const MAX_EXCERPT = 60;

/** A message longer than this is cut (a safety net; quoted parts are cut first). */
export const MAX_MESSAGE = 1000;

// C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides
// (which can make a message read differently from what it says).
const UNSAFE_CLASS = "[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]";
const UNSAFE = new RegExp(UNSAFE_CLASS, "g");
/** Without the g flag: a test has no lastIndex state, and is much cheaper than a replace. */
const HAS_UNSAFE = new RegExp(UNSAFE_CLASS);
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Control characters as visible escapes (`\n`, `\u001b`). */
export function escapeControls(text: string): string {
  if (!HAS_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** Source text for a message: cut to `max` characters, then control characters escaped. */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  return escapeControls(cut(text, max));
}

/** Any message made safe for one terminal line. */
export function oneLine(message: string, max = MAX_MESSAGE): string {
  return escapeControls(cut(message, max));
}
