// The start of Python langdetect's cleaned text: `MAIL_RE.sub(" ", URL_RE.sub(" ", text))`,
// of which Detector.append reads only the first 10,000 code points. Cleaning the whole of a
// large response made several copies of it per call (hundreds of MB for 16 MB of prose, and
// most of the time), so only as much as those code points need is cleaned, exactly:
// - the URL pass runs on the whole text, match by match, and stops once enough is written;
// - the e-mail pass runs on that prefix; a match starting at q depends only on the next
//   MAIL_MAX_LENGTH characters, so up to MAIL_MAX_LENGTH before the prefix's end (or all of
//   it when the prefix is the whole text) the result is the full text's. When that is too
//   short (a run of e-mail addresses), the prefix doubles.

export const URL_PATTERN = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
export const MAIL_PATTERN = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;
/** The longest e-mail match: 64 + "@" + 255 + 255. */
const MAIL_MAX_LENGTH = 575;

interface Prefix {
  value: string;
  /** Whether `value` is the replacement of the whole text. */
  complete: boolean;
}

/**
 * At least `units` code units (fewer only at the end) of `text.replace(regex, " ")`, reading
 * matches that start before `limit` only; the regex never matches the empty string.
 */
function replacedPrefix(text: string, regex: RegExp, units: number, limit = text.length): Prefix {
  const pieces: string[] = [];
  let length = 0;
  let last = 0;
  regex.lastIndex = 0;
  while (length < units) {
    const match = regex.exec(text);
    const matchStart = match === null || match.index >= limit ? -1 : match.index;
    const until = matchStart < 0 ? Math.max(last, limit) : matchStart;
    const take = Math.min(until - last, units - length);
    pieces.push(text.slice(last, last + take));
    length += take;
    if (matchStart < 0 || take < until - last) {
      last += take;
      break;
    }
    pieces.push(" ");
    length += 1;
    last = matchStart + match![0].length;
  }
  return { value: pieces.join(""), complete: limit === text.length && last >= text.length };
}

/** A prefix of the cleaned text with at least `units` code units (the whole of it when shorter). */
export function cleanedPrefix(text: string, units: number): string {
  for (let wanted = units + MAIL_MAX_LENGTH; ; wanted *= 2) {
    const urls = replacedPrefix(text, URL_PATTERN, wanted);
    if (urls.complete) return replacedPrefix(urls.value, MAIL_PATTERN, Infinity).value;
    const exact = replacedPrefix(urls.value, MAIL_PATTERN, Infinity, Math.max(0, urls.value.length - MAIL_MAX_LENGTH));
    if (exact.value.length >= units) return exact.value;
  }
}
