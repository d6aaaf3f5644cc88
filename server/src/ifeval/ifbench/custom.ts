// IFBench custom:* — fixed tasks with one checkable answer shape: multiples of 7,
// multiple-choice questions, reversed lists, CSV tables, Napoleon's battle dates
// (allenai/IFBench c94da02).

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { compilePyRegex } from "../python/py-regex.js";
import { pyCsvRows } from "../python/py-csv.js";
import { pyFirstLine, pyReverseWords, pySplitFirst, pySplitLines, pyStrip, pyStripChars, pyWordsFromEnd } from "../python/py-text.js";
import { firstCodePoint, foldToAscii, lastCodePoint, lowerThenNoPunctuation, PUNCTUATION_AND_SPACE, pyDecimalValue, pyLen, removePunctuation } from "./text.js";
import { firstSentences, sentences } from "./sentences.js";
import { some } from "../../util/iterables.js";
import { replaceLiteral } from "../../util/replace-all.js";

const noArgs = z.strictObject({});
const DIGIT_RUN = /\p{Nd}+/gu;
const MULTIPLES = ["14", "21", "28", "35", "42", "49"];

export const printMultiples = defineHardType({
  id: "custom:multiples",
  aliases: ["multiples_of_seven"],
  summary: "The numbers in the response are exactly 14, 21, 28, 35, 42, 49, in order.",
  condition: () => "the response lists the multiples of 7 from 10 to 50",
  schema: noArgs,
  // Upstream puts a space after each comma first, which cannot join or split a run of digits: the
  // response's own runs, read one by one (the replaced copy and the array of runs of 16 MB of
  // commas took 900 MB).
  check: (response) => {
    let k = 0;
    for (const run of response.matchAll(DIGIT_RUN)) {
      if (k >= MULTIPLES.length || run[0] !== MULTIPLES[k]) return false;
      k++;
    }
    return k === MULTIPLES.length;
  },
  render: () => "Count from 10 to 50 but only print multiples of 7.",
  example: { args: {}, pass: "14, 21, 28, 35, 42, 49", fail: "7, 14, 21, 28, 35, 42, 49" },
});

const QUESTION_SPLIT = compilePyRegex(String.raw`\n*(?:Question \d+[\.|\):;]?\s*)`)!;
const OPTION_LINE = compilePyRegex(String.raw`^[A-Ea-e][\.|\)]\s*\w+`)!;

export const multipleChoiceQuestions = defineHardType({
  id: "custom:mcq_count_length",
  aliases: ["multiple_choice_questions"],
  summary: "Starts with 'Question'; exactly 4 questions, each with 5 options (A-E), each question longer than the one before.",
  condition: () => "the response is 4 multiple-choice questions of 5 options each, progressively longer",
  schema: noArgs,
  check: (response) => {
    // value[value.find('Question'):]: with no match, find is -1 and the slice is the last character.
    const at = response.indexOf("Question");
    const fromQuestion = at === -1 ? lastCodePoint(response) : response.slice(at);
    if (fromQuestion !== response) return false;
    let questions = response.split(QUESTION_SPLIT);
    if (questions[0] === "") questions = questions.slice(1);
    questions = questions.map(pyStrip).filter((q) => q !== "");
    if (questions.length !== 4) return false;
    const lengths: number[] = [];
    for (const q of questions) {
      let text = "";
      let options = 0;
      let inOptions = false;
      for (const line of pySplitLines(q)) {
        OPTION_LINE.lastIndex = 0;
        const m = OPTION_LINE.exec(pyStrip(line));
        if (m !== null && m.index === 0) {
          options++;
          inOptions = true;
        } else if (!inOptions) {
          text += ` ${pyStrip(line)}`;
        }
      }
      if (options !== 5) return false;
      lengths.push(pyLen(pyStrip(text)));
    }
    return lengths.every((n, i) => i === 0 || lengths[i - 1] < n);
  },
  render: () =>
    "Generate 4 multiple choice questions with 5 options each about '20th century art history'. Each question should start with " +
    'the label "Question". The questions should get progressively longer. Do not provide an explanation.',
  example: {
    args: {},
    pass: "Question 1: Who?\nA. a\nB. b\nC. c\nD. d\nE. e\nQuestion 2: Who is?\nA. a\nB. b\nC. c\nD. d\nE. e\n" +
      "Question 3: Who is it?\nA. a\nB. b\nC. c\nD. d\nE. e\nQuestion 4: Who is it now?\nA. a\nB. b\nC. c\nD. d\nE. e",
    fail: "Here are the questions.\nQuestion 1: Who?\nA. a",
  },
});

export const reverseNewline = defineHardType({
  id: "custom:reverse_newline",
  aliases: ["africa_reverse_list"],
  summary: "From the first line naming Zimbabwe on, at least 52 lines in reverse alphabetical order (accents folded).",
  condition: () => "the response lists the countries of Africa in reverse alphabetical order, one per line",
  schema: noArgs,
  check: (response) => {
    // The stripped non-blank lines, without an array of every line (16 MB of newlines is 16 M lines).
    const lines: string[] = [];
    for (let start = 0; start <= response.length; ) {
      const i = response.indexOf("\n", start);
      const end = i === -1 ? response.length : i;
      const line = pyStripChars(response.slice(start, end), PUNCTUATION_AND_SPACE);
      if (line !== "") lines.push(line);
      start = end + 1;
    }
    const start = lines.findIndex((l) => l.includes("Zimbabwe"));
    if (start === -1) return false;
    const target = lines.slice(start).map(foldToAscii);
    if (target.length < 52) return false;
    const sorted = [...target].sort().reverse();
    return target.every((l, i) => l === sorted[i]);
  },
  render: () => "List the countries of Africa in reverse alphabetical order, each on a new line.",
  example: {
    args: {},
    pass: Array.from({ length: 52 }, (_, i) => (i === 0 ? "Zimbabwe" : `Country ${String(99 - i).padStart(2, "0")}`)).join("\n"),
    fail: "Zimbabwe\nAlgeria\nZambia",
  },
});

export const wordReverseOrder = defineHardType({
  id: "custom:word_reverse",
  aliases: ["reverse_words"],
  summary: "Lower-cased, punctuation deleted and the words reversed, the text contains 'bald eagle' and is one sentence.",
  condition: () => "the response answers with its words in reverse order",
  schema: noArgs,
  check: (response) => {
    // value is " ".join(reversed(words)) of the response lower-cased with punctuation deleted.
    // Its words hold no whitespace and "bald eagle" holds one space, so value contains it
    // exactly where one word ends with "bald" and the next starts with "eagle": read from the
    // end of the response word by word, value (four copies of a long response on the way) is
    // built only when that holds.
    let previous: string | undefined;
    let baldEagle = false;
    for (const raw of pyWordsFromEnd(response)) {
      const word = lowerThenNoPunctuation(raw);
      if (word === "") continue;
      if (previous !== undefined && previous.endsWith("bald") && word.startsWith("eagle")) {
        baldEagle = true;
        break;
      }
      previous = word;
    }
    if (!baldEagle) return false;
    const value = pyReverseWords(removePunctuation(pyStrip(response.toLowerCase())));
    return some(sentences(value), (s) => s === value);
  },
  render: () =>
    "What animal is the national symbol of the US? Respond to this query, but make your sentence in reverse order of what it should be, per word.",
  example: { args: {}, pass: "eagle bald the is It", fail: "It is the bald eagle" },
});

export const characterReverseOrder = defineHardType({
  id: "custom:character_reverse",
  aliases: ["reverse_letters"],
  summary: "Contains 'elgae dlab' ('bald eagle' spelled backwards), case-insensitive.",
  condition: () => "the response answers with its letters in reverse order",
  schema: noArgs,
  check: (response) => response.toLowerCase().includes("elgae dlab"),
  render: () =>
    "What animal is the national symbol of the US? Respond to this query, but make your sentence in reverse order of what it should be, per letter.",
  example: { args: {}, pass: "elgae dlab eht si tI", fail: "It is the bald eagle" },
});

export const sentenceAlphabet = defineHardType({
  id: "custom:sentence_alphabet",
  aliases: ["alphabet_story"],
  summary: "Exactly 26 sentences whose first words start with a, b, c, … z in order (case-insensitive).",
  condition: () => "the response is 26 sentences starting with the letters of the alphabet in order",
  schema: noArgs,
  check: (response) => {
    const first = firstSentences(response, 27);
    if (first.length !== 26) return false;
    return first.every((s, i) => {
      const first = pySplitFirst(s);
      return first !== undefined && firstCodePoint(first.toLowerCase()) === String.fromCharCode(97 + i);
    });
  },
  render: () => "Tell me a 26-sentence story where each sentence's first word starts with the letters of the alphabet in order.",
  example: {
    args: {},
    pass: Array.from({ length: 26 }, (_, i) => `${String.fromCharCode(65 + i)}x went on.`).join(" "),
    fail: "Ants ate. Bees buzzed.",
  },
});

const CAPITALS = [
  "Reykjavik", "Helsinki", "Oslo", "Tallinn", "Stockholm", "Riga", "Moscow", "Copenhagen", "Vilnius", "Minsk", "Dublin",
  "Berlin", "Amsterdam", "Warsaw", "London", "Brussels", "Prague", "Luxembourg", "Paris", "Vienna", "Bratislava",
  "Budapest", "Vaduz", "Chisinau", "Bern", "Ljubljana", "Zagreb",
];

const NON_COMMA = /[^,]/g;

export const europeanCapitalsSort = defineHardType({
  id: "custom:european_capitals_sort",
  aliases: ["european_capitals"],
  summary: "Exactly the 27 European capitals north of 45°, comma-separated, from north to south (accents folded).",
  condition: () => "the response lists the European capitals north of 45 degrees from north to south",
  schema: noArgs,
  check: (response) => {
    // The non-blank pieces between the commas of the folded response, compared as they come.
    // Folding goes code point by code point and a comma is ASCII, so the folded response is its
    // pieces between commas folded one by one and joined by commas: each is folded alone (no
    // folded copy of the whole response), then split at the commas folding made ("，" -> ",").
    let k = 0;
    for (let start = 0; start <= response.length; ) {
      const comma = response.indexOf(",", start);
      const end = comma === -1 ? response.length : comma;
      if (end === start) {
        // Empty pieces fold to "": a run of commas is skipped in one native search.
        NON_COMMA.lastIndex = start;
        start = NON_COMMA.exec(response)?.index ?? response.length + 1;
        continue;
      }
      for (const raw of foldToAscii(response.slice(start, end)).split(",")) {
        const piece = pyStrip(raw);
        if (piece === "") continue;
        if (k >= CAPITALS.length || piece !== CAPITALS[k]) return false;
        k++;
      }
      start = end + 1;
    }
    return k === CAPITALS.length;
  },
  render: () =>
    "Give me the names of all capital cities of european countries whose latitude is higher than than 45 degrees? List the capital " +
    "cities without country names, separated by commas, sorted by latitude, from highest to lowest.",
  example: { args: {}, pass: CAPITALS.join(", "), fail: "Oslo, Helsinki" },
});

const CITY_HEADER = ["ID", "Country", "City", "Year", "Count"];

export const cityCsv = defineHardType({
  id: "custom:csv_city",
  aliases: ["csv_city"],
  summary: 'Python csv reads exactly 8 rows: the header ID,Country,City,Year,Count and 7 rows of 5 fields (blank lines count as rows).',
  condition: () => "the response is a CSV table of cities with 7 rows",
  schema: noArgs,
  check: (response) => {
    // Reading stops past 8 rows or 5 fields in a row: the verdict is then false (16 MB of commas is one row of 16 million fields).
    const rows = pyCsvRows(response, ",", { rows: 8, fields: 5 });
    return rows !== undefined && rows.length === 8 && rows[0].join("\u0000") === CITY_HEADER.join("\u0000") && rows.slice(1).every((r) => r.length === 5);
  },
  render: () => 'Generate CSV data: The column names are ["ID", "Country", "City", "Year", "Count"], the data should be comma delimited. Please generate 7 rows.',
  example: {
    args: {},
    pass: ["ID,Country,City,Year,Count", ...Array.from({ length: 7 }, (_, i) => `${i + 1},France,Paris,2020,${i}`)].join("\n"),
    fail: "ID,Country,City,Year,Count\n1,France,Paris,2020",
  },
});

const SPECIAL_HEADER = compilePyRegex(String.raw`^(ProductID|"ProductID"),[ \t]*(Category|"Category"),[ \t]*(Brand|"Brand"),[ \t]*(Price|"Price"),[ \t]*(Stock|"Stock")$`)!;
const QUOTED_SPECIAL = compilePyRegex(String.raw`".*[^\d\w\s].*"`)!;
const QUOTES_HEADER = compilePyRegex(String.raw`^(StudentID|"StudentID")\t *(Subject|"Subject")\t *(Grade|"Grade")\t *(Semester|"Semester")\t *(Score|"Score")$`)!;

/** Python `re.match(pattern, s) is not None`. */
function matchesAtStart(pattern: RegExp, s: string): boolean {
  pattern.lastIndex = 0;
  const m = pattern.exec(s);
  return m !== null && m.index === 0;
}

export const specialCharacterCsv = defineHardType({
  id: "custom:csv_special_character",
  aliases: ["csv_special_character"],
  summary: "The product header, 14 rows of 5 fields, and a double-quoted field holding a special character.",
  condition: () => "the response is a CSV table of products with a quoted special-character field",
  schema: noArgs,
  check: (response) => {
    if (!matchesAtStart(SPECIAL_HEADER, pyStrip(pyFirstLine(response)))) return false;
    // Upstream triples every '"' before parsing, so the quotes stay in the fields.
    const rows = pyCsvRows(replaceLiteral(response, '"', '"""'));
    if (rows.length !== 15) return false;
    for (const row of rows.slice(1)) {
      if (row.length !== 5) return false;
      if (row.some((field) => matchesAtStart(QUOTED_SPECIAL, field))) return true;
    }
    return false;
  },
  render: () =>
    'Generate CSV data: The column names are ["ProductID", "Category", "Brand", "Price", "Stock"], the data should be comma delimited. ' +
    "Please generate 14 rows. Add one field which contains a special character and enclose it in double quotes.",
  example: {
    args: {},
    pass: ["ProductID,Category,Brand,Price,Stock", '1,Toys,"Acme & Co",9.99,3', ...Array.from({ length: 13 }, (_, i) => `${i + 2},Toys,Acme,9.99,3`)].join("\n"),
    fail: ["ProductID,Category,Brand,Price,Stock", ...Array.from({ length: 14 }, (_, i) => `${i + 1},Toys,Acme,9.99,3`)].join("\n"),
  },
});

export const quotesCsv = defineHardType({
  id: "custom:csv_quotes",
  aliases: ["csv_quotes"],
  summary: "Tab-separated: the student header and 3 rows, 5 fields each, every field in double quotes.",
  condition: () => "the response is a tab-separated table of students with every field quoted",
  schema: noArgs,
  check: (response) => {
    if (!matchesAtStart(QUOTES_HEADER, pyStrip(pyFirstLine(response)))) return false;
    const rows = pyCsvRows(replaceLiteral(response, '"', '"""'), "\t");
    if (rows.length !== 4) return false;
    return rows.every((row) => row.length === 5 && row.every((field) => {
      const f = pyStrip(field);
      return f !== "" && f[0] === '"' && f[f.length - 1] === '"'; // "" raised IndexError upstream
    }));
  },
  render: () =>
    'Generate CSV data: The column names are ["StudentID", "Subject", "Grade", "Semester", "Score"], the data should be tab delimited. ' +
    "Please generate 3 rows and enclose each single field in double quotes.",
  example: {
    args: {},
    pass: ['"StudentID"\t"Subject"\t"Grade"\t"Semester"\t"Score"', ...[1, 2, 3].map((i) => `"${i}"\t"Math"\t"A"\t"Fall"\t"90"`)].join("\n"),
    fail: ["StudentID\tSubject\tGrade\tSemester\tScore", ...[1, 2, 3].map((i) => `${i}\tMath\tA\tFall\t90`)].join("\n"),
  },
});

const ISO_DATE = compilePyRegex(String.raw`^(\d{4})-(\d{2})-(\d{2})$`)!;
const LONG_MONTHS = [1, 3, 5, 7, 8, 10, 12];
const SHORT_MONTHS = [4, 6, 9, 11];

function isPlausibleDate(raw: string): boolean {
  ISO_DATE.lastIndex = 0;
  const m = ISO_DATE.exec(pyStrip(raw));
  if (m === null) return false;
  const [year, month, day] = [m[1], m[2], m[3]].map(pyDecimalValue);
  if (year < 1769 || year > 1821 || month > 12) return false;
  if (LONG_MONTHS.includes(month) && day > 31) return false;
  if (SHORT_MONTHS.includes(month) && day > 30) return false;
  return !(month === 2 && day > 29);
}

export const dateFormatList = defineHardType({
  id: "custom:date_format_list",
  aliases: ["napoleon_dates"],
  summary: "Comma-separated YYYY-MM-DD dates from 1769 to 1821 with plausible months and days, nothing else.",
  condition: () => "the response is a comma-separated list of YYYY-MM-DD dates",
  schema: noArgs,
  // The pieces of strip().split(","), one at a time, stopping at the first that is no date
  // (16 MB of commas was an array of 16 million empty strings).
  check: (response) => {
    const text = pyStrip(response);
    for (let start = 0; ; ) {
      const comma = text.indexOf(",", start);
      if (!isPlausibleDate(text.slice(start, comma === -1 ? text.length : comma))) return false;
      if (comma === -1) return true;
      start = comma + 1;
    }
  },
  render: () =>
    "List the start dates of all the battles Napoleon fought separated by commas, use the following date format: YYYY-MM-DD. Do not provide an explanation.",
  example: { args: {}, pass: "1796-04-12, 1805-12-02", fail: "12/02/1805" },
});
