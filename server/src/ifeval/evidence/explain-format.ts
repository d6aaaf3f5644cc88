// Evidence for detectable_format:*, detectable_content:*, startend:* and combination:*.

import { isPythonJson } from "../python/py-json.js";
import { compilePyRegex } from "../python/py-regex.js";
import { pyLstripChars, pyRstripChars, pyStrip, pyStripChars } from "../python/py-text.js";
import { firstAt, lineAt, matchSpans, plural, quote, type EvidenceSpan, type Explainer } from "./evidence.js";

const STAR_BULLET = compilePyRegex(String.raw`^\s*\*[^\*].*$`, { multiline: true })!;
const DASH_BULLET = compilePyRegex(String.raw`^\s*-.*$`, { multiline: true })!;
const PLACEHOLDER = compilePyRegex(String.raw`\[.*?\]`)!;
const TITLE = /<<[^\n]+>>/g;
const CONSTRAINED_OPTIONS = ["My answer is yes.", "My answer is no.", "My answer is maybe."];

function postscriptPattern(marker: string): RegExp | undefined {
  const stripped = pyStrip(marker);
  if (stripped === "P.P.S") return compilePyRegex(String.raw`\s*p\.\s?p\.\s?s.*$`, { multiline: true });
  if (stripped === "P.S.") return compilePyRegex(String.raw`\s*p\.\s?s\..*$`, { multiline: true });
  return compilePyRegex(String.raw`\s*` + stripped.toLowerCase() + ".*$", { multiline: true });
}

function unwrapJsonFence(response: string): string {
  let value = pyStrip(response);
  for (const prefix of ["```json", "```Json", "```JSON", "```"]) if (value.startsWith(prefix)) value = value.slice(prefix.length);
  if (value.endsWith("```")) value = value.slice(0, -3);
  return pyStrip(value);
}

export const FORMAT_EXPLAINERS: Record<string, Explainer> = {
  "detectable_format:number_bullet_lists": (text, a) => {
    const stars = matchSpans(text, STAR_BULLET);
    const dashes = matchSpans(text, DASH_BULLET);
    const count = stars.count + dashes.count;
    const spans = [...stars.spans, ...dashes.spans].sort((x, y) => x.start - y.start).slice(0, 20);
    return { holds: count === a.num_bullets, message: `${plural(count, "bullet line")}${firstAt(text, spans)}; needs exactly ${a.num_bullets as number}`, spans };
  },
  "detectable_format:number_highlighted_sections": (text, a) => {
    const single = matchSpans(text, /\*[^\n*]*\*/g, (h) => pyStrip(pyStripChars(h, "*")) !== "");
    const double = matchSpans(text, /\*\*[^\n*]*\*\*/g, (h) => pyStrip(h.slice(2, -2)) !== "");
    const count = single.count + double.count;
    const spans = [...single.spans, ...double.spans].sort((x, y) => x.start - y.start).slice(0, 20);
    return { holds: count >= (a.num_highlights as number), message: `${plural(count, "highlighted section")}; needs at least ${a.num_highlights as number}`, spans };
  },
  "detectable_format:multiple_sections": (text, a) => {
    const splitter = compilePyRegex(String.raw`\s?` + pyStrip(a.section_spliter as string) + String.raw`\s?\d+\s?`);
    const { count, spans } = splitter ? matchSpans(text, splitter) : { count: 0, spans: [] };
    // split() yields count+1 parts: the checker counts parts - 1, which is the number of splitter matches.
    return { holds: splitter !== undefined && count >= (a.num_sections as number), message: `${plural(count, `${quote(pyStrip(a.section_spliter as string))} section header`)}; needs at least ${a.num_sections as number}`, spans };
  },
  "detectable_format:title": (text) => {
    const { count, spans } = matchSpans(text, TITLE, (t) => pyStrip(pyRstripChars(pyLstripChars(t, "<"), ">")) !== "");
    if (count === 0) return { holds: false, message: "no title in double angular brackets, such as <<title>>", spans: [] };
    return { holds: true, message: `title ${quote(text.slice(spans[0].start, spans[0].end))} at line ${lineAt(text, spans[0].start)}`, spans: spans.slice(0, 1) };
  },
  "detectable_format:json_format": (text) => {
    const holds = isPythonJson(unwrapJsonFence(text));
    return { holds, message: holds ? "the whole response is valid JSON" : "the response (without a ``` fence) is not valid JSON", spans: [] };
  },
  "detectable_format:constrained_response": (text) => {
    const value = pyStrip(text);
    const option = CONSTRAINED_OPTIONS.find((o) => value.includes(o));
    if (!option) return { holds: false, message: `none of ${CONSTRAINED_OPTIONS.map((o) => quote(o)).join(", ")}`, spans: [] };
    const at = text.indexOf(option);
    return { holds: true, message: `found ${quote(option)} at line ${lineAt(text, at)}`, spans: [{ start: at, end: at + option.length }] };
  },
  "detectable_content:number_placeholders": (text, a) => {
    const { count, spans } = matchSpans(text, PLACEHOLDER);
    return { holds: count >= (a.num_placeholders as number), message: `${plural(count, "[placeholder]")}${firstAt(text, spans)}; needs at least ${a.num_placeholders as number}`, spans };
  },
  "detectable_content:postscript": (text, a) => {
    const pattern = postscriptPattern(a.postscript_marker as string);
    const lower = text.toLowerCase();
    const { count, spans } = pattern ? matchSpans(lower, pattern) : { count: 0, spans: [] };
    const marker = quote(pyStrip(a.postscript_marker as string));
    if (count === 0) return { holds: false, message: `no postscript starting with ${marker}`, spans: [] };
    const usable = lower.length === text.length ? spans.slice(0, 1) : [];
    return { holds: true, message: `postscript ${marker} at line ${lineAt(text, spans[0].start)}`, spans: usable };
  },
  "startend:end_checker": (text, a) => {
    const end = pyStripChars(pyStrip(text), '"');
    const phrase = pyStrip(a.end_phrase as string);
    const holds = end.toLowerCase().endsWith(phrase.toLowerCase());
    const tail = end.slice(Math.max(0, end.length - Math.max(phrase.length, 20)));
    const at = text.lastIndexOf(tail);
    return { holds, message: holds ? `ends with ${quote(phrase)}` : `ends with ${quote(tail)}; needs ${quote(phrase)}`, spans: at >= 0 && tail ? [{ start: at, end: at + tail.length }] : [] };
  },
  "startend:quotation": (text) => {
    const value = pyStrip(text);
    const holds = value.length > 1 && value.startsWith('"') && value.endsWith('"');
    if (holds) return { holds, message: "wrapped in double quotes", spans: [] };
    const what = !value.startsWith('"') ? `starts with ${quote(value.slice(0, 12))}` : `ends with ${quote(value.slice(-12))}`;
    return { holds, message: `${what}; needs the whole response in double quotes`, spans: [] };
  },
  "combination:repeat_prompt": (text, a) => {
    const wanted = pyStrip(a.prompt_to_repeat as string);
    const value = pyStrip(text);
    const holds = value.toLowerCase().startsWith(wanted.toLowerCase());
    let same = 0;
    while (same < wanted.length && same < value.length && value[same].toLowerCase() === wanted[same].toLowerCase()) same++;
    const start = text.indexOf(value.slice(0, 1));
    const spans: EvidenceSpan[] = !holds && start >= 0 ? [{ start: start + same, end: Math.min(text.length, start + same + 1) }] : [];
    return { holds, message: holds ? "starts by repeating the request" : `differs from the request after ${plural(same, "character")}: ${quote(value.slice(same, same + 30))}`, spans };
  },
  "combination:two_responses": (text) => {
    const parts = text.split("******");
    const answers = parts.filter((p) => pyStrip(p) !== "");
    const emptyInside = parts.some((p, i) => pyStrip(p) === "" && i !== 0 && i !== parts.length - 1);
    const { spans } = matchSpans(text, /\*{6}/g);
    if (emptyInside) return { holds: false, message: "an empty response between \"******\" separators", spans };
    if (answers.length !== 2) return { holds: false, message: `${plural(answers.length, "response")} separated by "******"; needs exactly 2`, spans };
    const same = pyStrip(answers[0]) === pyStrip(answers[1]);
    return { holds: !same, message: same ? "the two responses are the same" : "two different responses", spans };
  },
};
