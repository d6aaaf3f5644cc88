// detectable_format and detectable_content checkers: the official instructions_test.py
// cases (rewritten here, same texts and verdicts) plus hand cases whose counts are
// worked out in the comments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "./check-helper.js";

test("number_placeholders: official cases", () => {
  const fivePlaceholders = "Sure, here is a short template with 5 placeholders:\n[Name]\n[Email]\n[Phone]\n[Address]\n[Website]\n" +
    "This template can be used for a variety of purposes, such ascreating a contact list, sending out surveys, or creating a sign-up form.";
  assert.equal(check("detectable_content:number_placeholders", { num_placeholders: 5 }, fivePlaceholders), true);
  assert.equal(check("detectable_content:number_placeholders", { num_placeholders: 7 }, "My [adjective] [noun] is [adjective] [noun]. I [verb] and [verb]."), false); // 6 < 7
  assert.equal(check("placeholders", { num_placeholders: 1 }, "[a\nb]"), false); // '.' does not cross a newline
});

const BULLETS_1 = `
  A Markdown bullet point is a way of formatting text to create a list. To
  create a bullet point, start each line with an asterisk (*). For example:
  * This is a bullet point.
  *(no space required)Another bullet point.
  * (no newline ending required)Another bullet point.
  markdown bullet points are often used to create to-do lists or to list items
  in a step-by-step guide.`;
const BULLETS_2 = `
  Check that inline asterisk (*), *, will not be counted. Only * that starts a
  bullet list will be counted:
    * This is a bullet point.
    * Another bullet point.
    . dot is not counted`;
const BULLETS_3 = `
  Here are three bullets starting with asterisk:
  * I am a large language model, also known as a conversational AI.
  * I am trained on a massive amount of text data, and I am able to communicate.
  * I am still under development, but I am learning new things every day.`;
const BULLETS_4 = `
  Here are three markdown bullets:
  - I am a large language model, also known as a conversational AI.
  - I am trained on a massive amount of text data, and I am able to communicate.
  -I am still under development, but I am learning new things every day.`;
const BULLETS_5 = `
  Paragraph 1
  ***
  Paragraph 2
  ***
  Paragraph 3
  * only one bullet point
  `;

test("number_bullet_lists: official cases", () => {
  for (const [text, n] of [[BULLETS_1, 3], [BULLETS_2, 2], [BULLETS_3, 3], [BULLETS_4, 3], [BULLETS_5, 1]] as const)
    assert.equal(check("detectable_format:number_bullet_lists", { num_bullets: n }, text), true, text);
  // "---" is a dash line and "*italic*" starts with '*' then a non-'*': both count; "**bold**" does not. 2 in total.
  assert.equal(check("bullets", { num_bullets: 2 }, "---\n*italic* line\n**bold** line"), true);
});

test("constrained_response: official cases", () => {
  for (const text of ["\n My answer is no.\n", "My answer is no.   ",
    "\n  My answer is no. I am still under development and I am always learning and\n  improving."])
    assert.equal(check("detectable_format:constrained_response", {}, text), true);
  assert.equal(check("detectable_format:constrained_response", {}, "my answer is yes."), false); // case-sensitive
});

const HIGHLIGHTS_1 = `
  To highlight text with Markdown, you can use the * character before and after
  the text you want to highlight. For example, if you want to highlight the
  word \`hello\`, you would type:*hello*, You can also use the ** character to
  create bold text. For example, if you want to bold the word \`hello\`, you
  would type: **hello** `;
const HIGHLIGHTS_2 = `
  Sure, here are the numerical methods for solving partial differential
  equations highlighted with Markdown:
  *Finite difference methods
  *Finite element methods*
  *Boundary element methods
  *Monte Carlo methods
  I hope this helps!`;
const HIGHLIGHTS_3 = `
  There is allowed to be *two different* highlighted *sections in the same*
  line. **This is also true** for **double markdown highlights.**
  `;

test("number_highlighted_sections: official cases", () => {
  assert.equal(check("detectable_format:number_highlighted_sections", { num_highlights: 2 }, HIGHLIGHTS_1), true);
  assert.equal(check("detectable_format:number_highlighted_sections", { num_highlights: 2 }, HIGHLIGHTS_2), false);
  assert.equal(check("detectable_format:number_highlighted_sections", { num_highlights: 4 }, HIGHLIGHTS_3), true);
  // "**x**": the single-star pattern finds "**" twice (blank inside, not counted); the double pattern finds "**x**" once. Total 1.
  assert.equal(check("highlights", { num_highlights: 1 }, "**x**"), true);
  assert.equal(check("highlights", { num_highlights: 2 }, "**x**"), false);
});

test("multiple_sections: official cases and a case-sensitive splitter", () => {
  const sections1 = `
  Your response must have multiple sections. Mark the beginning of each section
  with "Section X", such as:
  Section 1
  [content of section 1]
  Section 2
  [content of section 2]`;
  const sections2 = "SECTION 1\n  [content of section 1]\n  SECTION 2\n  [content of section 2]";
  assert.equal(check("detectable_format:multiple_sections", { section_spliter: "Section", num_sections: 3 }, sections1), false);
  assert.equal(check("detectable_format:multiple_sections", { section_spliter: "SECTION", num_sections: 2 }, sections2), true);
  assert.equal(check("sections", { section_spliter: "Section", num_sections: 1 }, sections2), false);
});

test("title: official cases", () => {
  assert.equal(check("detectable_format:title", {}, "\n  <<Song of Joy>>\n  La la la. Happy song.\n  "), true);
  assert.equal(check("detectable_format:title", {}, "\n  Is it fine for title to be at the end?\n  <<This is the title>>\n  "), true);
  assert.equal(check("detectable_format:title", {}, "\n  << >>\n  There is no title.\n  "), false);
  assert.equal(check("detectable_format:title", {}, "\n  <<This is not a title.\n  This is a paragraph.>>\n  "), false);
});

test("json_format: fences are removed once, then Python json.loads", () => {
  assert.equal(check("json", {}, '```json\n{"a": NaN}\n```'), true);
  assert.equal(check("json", {}, "```JSON\n[1, 2]\n```"), true);
  assert.equal(check("json", {}, '  "just a string"  '), true);
  assert.equal(check("json", {}, '```python\n{"a": 1}\n```'), false); // "python" is left in front
  assert.equal(check("json", {}, '{"a": 1}\nThat is the JSON.'), false);
});

const POSTSCRIPT_1 = `
  I will do my best to follow your instructions and always start my responses
  with "My response is:". I will try to be as consistent as possible, but
  please be patient with me if I make a mistake. I am still under development,
  and I am always learning new things.

  P.S. I hope this is what you were looking for.`;

test("postscript: official cases", () => {
  assert.equal(check("detectable_content:postscript", { postscript_marker: "P.S." }, POSTSCRIPT_1), true);
  assert.equal(check("detectable_content:postscript", { postscript_marker: "PS:" }, POSTSCRIPT_1), false);
  const pps = "\n  Sure, here is my response with a postscript starting with P.P.S.:\n\n  My response is: I hope this answers your question.\n\n" +
    "  P.P.S. I am always happy to answer any other questions you may have.\n\n  Do you have any other questions for me?";
  assert.equal(check("detectable_content:postscript", { postscript_marker: "P.P.S" }, pps), true);
  const inline = "\n  The radius of a unit circle is 1. ... size and is just a point. (not starting a new line) P.S. I hope you enjoyed\n  my joke!";
  assert.equal(check("detectable_content:postscript", { postscript_marker: "P.S." }, inline), true);
  const lower = "\n  If the length of a square is one, the area of the square will also be one.\n  p.p.s what if the entire response was lower case letters?\n  ";
  assert.equal(check("detectable_content:postscript", { postscript_marker: "P.P.S" }, lower), true);
  const spaced = "\n  The mysteries of space and time are mysterious.\n  P. S. Sometimes there are even spaces between P. and S..\n  ";
  assert.equal(check("detectable_content:postscript", { postscript_marker: "P.S." }, spaced), true);
});
