// detectable_format:* — bullets, highlights, sections, title, JSON, fixed answer options.

import { z } from "zod";
import { countSchema, defineHardType } from "../hard-type.js";
import { compilePyRegex } from "../python/py-regex.js";
import { isPythonJson } from "../python/py-json.js";
import { pyLstripChars, pyRstripChars, pyStrip, pyStripChars } from "../python/py-text.js";
import { countBulletLines, titleMatches } from "../regex-scans.js";

// IFEval: re.findall(r"^\s*\*[^\*].*$") and (r"^\s*-.*$"), MULTILINE, as linear scans.

export const numberBulletLists = defineHardType({
  id: "detectable_format:number_bullet_lists",
  aliases: ["bullets", "bullet_points", "number_bullet_lists"],
  summary: "Exactly N lines that start with a markdown bullet (* or -); '---' rules and '*italic*' lines count too.",
  schema: z.strictObject({ num_bullets: countSchema("Exact number of bullet lines.", 0) }),
  check: (response, args) => countBulletLines(response, "*") + countBulletLines(response, "-") === args.num_bullets,
  render: (args) => `Your answer must contain exactly ${args.num_bullets} bullet points in markdown, such as:\n* This is point 1.\n* This is point 2`,
  example: { args: { num_bullets: 2 }, pass: "* apples\n* pears", fail: "* apples\n* pears\n* plums" },
});

const SINGLE_HIGHLIGHT = /\*[^\n*]*\*/g;
const DOUBLE_HIGHLIGHT = /\*\*[^\n*]*\*\*/g;

export const numberHighlightedSections = defineHardType({
  id: "detectable_format:number_highlighted_sections",
  aliases: ["highlights", "number_highlighted_sections"],
  summary: "At least N non-blank markdown highlights, *like this* or **like this**.",
  schema: z.strictObject({ num_highlights: countSchema("Minimum number of highlighted sections.") }),
  check: (response, args) => {
    let count = 0;
    // matchAll, not match: the array of every "**" of a run of stars is 14 bytes per character.
    for (const [h] of response.matchAll(SINGLE_HIGHLIGHT)) if (pyStrip(pyStripChars(h, "*")) !== "") count++;
    for (const [h] of response.matchAll(DOUBLE_HIGHLIGHT)) if (pyStrip(h.slice(2, -2)) !== "") count++;
    return count >= args.num_highlights;
  },
  render: (args) => `Highlight at least ${args.num_highlights} sections in your answer with markdown, i.e. *highlighted section*.`,
  example: { args: { num_highlights: 2 }, pass: "Use *salt* and *pepper*.", fail: "Use *salt* and pepper." },
});

export const multipleSections = defineHardType({
  id: "detectable_format:multiple_sections",
  aliases: ["sections", "multiple_sections"],
  summary: "At least N sections, each started by the splitter word and a number (e.g. 'Section 1').",
  schema: z.strictObject({
    section_spliter: z
      .string()
      .refine((s) => pyStrip(s) !== "" && sectionSplitter(s) !== undefined, "a non-empty word (read as a Python regex)")
      .describe('The word that starts each section, e.g. "Section" or "SECTION" (case-sensitive).'),
    num_sections: countSchema("Minimum number of sections."),
  }),
  check: (response, args) => {
    const splitter = sectionSplitter(args.section_spliter);
    return splitter !== undefined && response.split(splitter).length - 1 >= args.num_sections;
  },
  render: (args) =>
    `Your response must have ${args.num_sections} sections. Mark the beginning of each section with ${args.section_spliter} X, such as:\n` +
    `${args.section_spliter} 1\n[content of section 1]\n${args.section_spliter} 2\n[content of section 2]`,
  example: { args: { section_spliter: "Section", num_sections: 2 }, pass: "Section 1\nIntro.\nSection 2\nBody.", fail: "Section 1\nEverything." },
});

function sectionSplitter(spliter: string): RegExp | undefined {
  return compilePyRegex(String.raw`\s?` + pyStrip(spliter) + String.raw`\s?\d+\s?`);
}

// IFEval: re.findall(r"<<[^\n]+>>", response), as a linear scan.

export const title = defineHardType({
  id: "detectable_format:title",
  aliases: ["title"],
  summary: "Contains a title wrapped in double angular brackets, such as <<poem of joy>>.",
  schema: z.strictObject({}),
  check: (response) => {
    for (const t of titleMatches(response)) if (pyStrip(pyRstripChars(pyLstripChars(t, "<"), ">")) !== "") return true;
    return false;
  },
  render: () => "Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.",
  example: { args: {}, pass: "<<Spring>>\nBuds open.", fail: "Spring\nBuds open." },
});

/** Python's chain: strip, drop one leading ```json / ```Json / ```JSON / ``` and one trailing ```, strip. */
function unwrapJsonFence(response: string): string {
  let value = pyStrip(response);
  for (const prefix of ["```json", "```Json", "```JSON", "```"]) {
    if (value.startsWith(prefix)) value = value.slice(prefix.length);
  }
  if (value.endsWith("```")) value = value.slice(0, -3);
  return pyStrip(value);
}

export const jsonFormat = defineHardType({
  id: "detectable_format:json_format",
  aliases: ["json", "json_format"],
  summary: "The whole response (optionally in a ``` fence) parses with Python json.loads.",
  schema: z.strictObject({}),
  check: (response) => isPythonJson(unwrapJsonFence(response)),
  render: () => "Entire output should be wrapped in JSON format. You can use markdown ticks such as ```.",
  example: { args: {}, pass: '```json\n{"answer": 42}\n```', fail: "The answer is 42." },
});

const CONSTRAINED_OPTIONS = ["My answer is yes.", "My answer is no.", "My answer is maybe."];

export const constrainedResponse = defineHardType({
  id: "detectable_format:constrained_response",
  aliases: ["constrained_response", "yes_no_maybe"],
  summary: 'Contains one of "My answer is yes." / "My answer is no." / "My answer is maybe." (case-sensitive).',
  schema: z.strictObject({}),
  check: (response) => {
    const value = pyStrip(response);
    return CONSTRAINED_OPTIONS.some((option) => value.includes(option));
  },
  render: () => 'Answer with one of the following options: "My answer is yes.", "My answer is no.", "My answer is maybe."',
  example: { args: {}, pass: "My answer is no.", fail: "No, I do not think so." },
});
