// A hard constraint read as a condition on the response ("the response contains the
// keyword 'error'"), for `if` conditions. The registry's render() words a constraint as
// an instruction ("Include the keyword ..."), which does not read after "If".

type Args = Record<string, unknown>;
type Phrase = (args: Args) => string | undefined;

const LANGUAGE_NAMES: Record<string, string> = {
  en: "English", es: "Spanish", pt: "Portuguese", ar: "Arabic", hi: "Hindi", fr: "French", ru: "Russian",
  de: "German", ja: "Japanese", it: "Italian", bn: "Bengali", uk: "Ukrainian", th: "Thai", ur: "Urdu",
  ta: "Tamil", te: "Telugu", bg: "Bulgarian", ko: "Korean", pl: "Polish", he: "Hebrew", fa: "Persian",
  vi: "Vietnamese", ne: "Nepali", sw: "Swahili", kn: "Kannada", mr: "Marathi", gu: "Gujarati",
  pa: "Punjabi", ml: "Malayalam", fi: "Finnish", zh: "Chinese", nl: "Dutch", tr: "Turkish",
};

const quote = (s: string): string => `'${s}'`;

function num(args: Args, name: string): number | undefined {
  const v = args[name];
  return typeof v === "number" ? v : undefined;
}

function str(args: Args, name: string): string | undefined {
  const v = args[name];
  return typeof v === "string" ? v : undefined;
}

function strings(args: Args, name: string): string[] | undefined {
  const v = args[name];
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string") ? v : undefined;
}

/** "'a'", "'a' and 'b'", "'a', 'b' and 'c'" */
function list(items: string[], conjunction: string): string {
  const quoted = items.map(quote);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** IFEval relations: "at least" (>=) and "less than" (<). */
function compared(relation: string | undefined, n: number | undefined, noun: string): string | undefined {
  if (n === undefined || (relation !== "at least" && relation !== "less than")) return undefined;
  return `${relation === "at least" ? "at least" : "fewer than"} ${n} ${noun}${n === 1 ? "" : "s"}`;
}

const PHRASES: Record<string, Phrase> = {
  "keywords:existence": (a) => {
    const k = strings(a, "keywords");
    return k && `the response contains the keyword${k.length > 1 ? "s" : ""} ${list(k, "and")}`;
  },
  "keywords:frequency": (a) => {
    const word = str(a, "keyword");
    const times = compared(str(a, "relation"), num(a, "frequency"), "time");
    return word !== undefined && times ? `the word ${quote(word)} appears ${times} in the response` : undefined;
  },
  "keywords:forbidden_words": (a) => {
    const k = strings(a, "forbidden_words");
    return k && `the response does not contain the word${k.length > 1 ? "s" : ""} ${list(k, "or")}`;
  },
  "keywords:letter_frequency": (a) => {
    const letter = str(a, "letter");
    const times = compared(str(a, "let_relation"), num(a, "let_frequency"), "time");
    return letter !== undefined && times ? `the letter ${quote(letter)} appears ${times} in the response` : undefined;
  },
  "language:response_language": (a) => {
    const code = str(a, "language");
    if (code === undefined) return undefined;
    return `the response is written in ${LANGUAGE_NAMES[code] ?? `the language with code ${quote(code)}`}`;
  },
  "length_constraints:number_sentences": (a) => {
    const count = compared(str(a, "relation"), num(a, "num_sentences"), "sentence");
    return count && `the response has ${count}`;
  },
  "length_constraints:number_paragraphs": (a) => {
    const n = num(a, "num_paragraphs");
    return n === undefined ? undefined : `the response has exactly ${n} paragraph${n === 1 ? "" : "s"} separated by the markdown divider ***`;
  },
  "length_constraints:number_words": (a) => {
    const count = compared(str(a, "relation"), num(a, "num_words"), "word");
    return count && `the response has ${count}`;
  },
  "length_constraints:nth_paragraph_first_word": (a) => {
    const total = num(a, "num_paragraphs");
    const nth = num(a, "nth_paragraph");
    const word = str(a, "first_word");
    if (total === undefined || nth === undefined || word === undefined) return undefined;
    return `the response has exactly ${total} paragraph${total === 1 ? "" : "s"} and paragraph ${nth} begins with the word ${quote(word)}`;
  },
  "detectable_content:number_placeholders": (a) => {
    const n = num(a, "num_placeholders");
    return n === undefined ? undefined : `the response contains at least ${n} placeholder${n === 1 ? "" : "s"} in square brackets`;
  },
  "detectable_content:postscript": (a) => {
    const marker = str(a, "postscript_marker");
    return marker === undefined ? undefined : `the response ends with a postscript starting with ${quote(marker)}`;
  },
  "detectable_format:number_bullet_lists": (a) => {
    const n = num(a, "num_bullets");
    return n === undefined ? undefined : `the response has exactly ${n} bullet point${n === 1 ? "" : "s"}`;
  },
  "detectable_format:constrained_response": () =>
    "the response is one of 'My answer is yes.', 'My answer is no.' or 'My answer is maybe.'",
  "detectable_format:number_highlighted_sections": (a) => {
    const n = num(a, "num_highlights");
    return n === undefined ? undefined : `the response highlights at least ${n} section${n === 1 ? "" : "s"} with markdown`;
  },
  "detectable_format:multiple_sections": (a) => {
    const n = num(a, "num_sections");
    const splitter = str(a, "section_spliter");
    if (n === undefined || splitter === undefined) return undefined;
    return `the response has at least ${n} section${n === 1 ? "" : "s"}, each starting with ${quote(`${splitter} X`)}`;
  },
  "detectable_format:json_format": () => "the entire response is valid JSON",
  "detectable_format:title": () => "the response contains a title wrapped in double angular brackets, such as <<title>>",
  "combination:two_responses": () => "the response gives two different responses separated by six asterisks (******)",
  "combination:repeat_prompt": () => "the response begins by repeating the request word for word",
  "startend:end_checker": (a) => {
    const phrase = str(a, "end_phrase");
    return phrase === undefined ? undefined : `the response ends with the exact phrase ${quote(phrase)}`;
  },
  "change_case:capital_word_frequency": (a) => {
    const times = compared(str(a, "capital_relation"), num(a, "capital_frequency"), "time");
    return times && `words in all capital letters appear ${times} in the response`;
  },
  "change_case:english_capital": () => "the response is in English and entirely in capital letters",
  "change_case:english_lowercase": () => "the response is in English and entirely in lowercase letters",
  "punctuation:no_comma": () => "the response contains no commas",
  "startend:quotation": () => "the entire response is wrapped in double quotation marks",
};

/** The condition phrase for a hard constraint, or undefined when its type or arguments are not known here. */
export function hardConditionPhrase(id: string, args: Args): string | undefined {
  return PHRASES[id]?.(args);
}

/** The ids this table covers (the 25 IFEval types). */
export const PHRASED_TYPE_IDS: readonly string[] = Object.keys(PHRASES);
