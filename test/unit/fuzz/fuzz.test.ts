// Issue 9's fuzz test: generated and mutated .lsr documents, LsrInstruct JSON and responses
// through the CLI as a user runs it (in process, through `main`). Whatever the input, no
// command may crash, report an internal error (LSR099, "internal error"), or exit with a
// code other than 0, 1 or 2. The runs are a fixed number with a fixed seed, and each
// property also stops after a time budget so the suite stays bounded on a slow machine
// (that bound is not an assertion: an interrupted property passes with fewer runs).

import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { main } from "../../../server/src/cli/main.js";
import type { Io } from "../../../server/src/cli/io.js";
import { HARD_TYPES } from "../../../server/src/ifeval/registry.js";

const root = join(__dirname, "../../../..");
const TIME_BUDGET_MS = 60_000;
const tmp = mkdtempSync(join(tmpdir(), "lsrif-fuzz-"));

const seedsIn = (dir: string, ext: string) =>
  readdirSync(join(root, dir)).filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(root, dir, f), "utf8"));
const LSR_SEEDS = [...seedsIn("examples", ".lsr"), ...seedsIn("test/fixtures/grammar", ".lsr")];
const JSON_SEEDS = [...seedsIn("examples", ".json"), ...seedsIn("test/fixtures/interchange", ".json")];

interface Outcome { code: number; out: string; err: string }

async function lsrif(args: string[], stdin = ""): Promise<Outcome> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, readStdin: () => stdin };
  const code = await main(args, io);
  return { code, out, err };
}

function assertSane(what: string, r: Outcome): void {
  assert.ok([0, 1, 2].includes(r.code), `${what}: exit code ${r.code}\n${r.err}`);
  assert.doesNotMatch(r.err, /internal error/, `${what}: ${r.err}`);
  assert.doesNotMatch(r.out + r.err, /LSR099/, `${what}: ${r.out}${r.err}`);
}

// ---- .lsr documents: token soup from the language's vocabulary, and mutations of real files

const ALIASES = HARD_TYPES.flatMap((t) => t.aliases);
const LSR_TOKENS = [
  "first", "then", "finally", "if", "else", "define", "prompt", "gamma", "soft", "and", "or", "not",
  "{", "}", "(", ")", "[", "]", ":", ",", "=", "\n", "\n", " ", "  ", "\t", "#", "# note\n", '"', '"""', "'",
  '"text"', '"""long\ntext"""', "0", "1", "2", "-1", "0.5", "1e9", "true", "false", "null", "x", "_",
  "relation", "num_words", "keywords", "\"at least\"", "\"less than\"", "format", "tone", "style", "content",
  "\u00e9", "😀", "\u2028", "\\", "\\\"", ...ALIASES,
];

const tokenSoup = fc.array(fc.constantFrom(...LSR_TOKENS), { maxLength: 120 }).map((t) => t.join(" "));

type Edit = { kind: "delete" | "insert" | "duplicate"; at: number; length: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("delete", "insert", "duplicate"),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(fc.constantFrom(...LSR_TOKENS), fc.string({ maxLength: 8 })),
});

function mutate(seed: string, edits: Edit[]): string {
  let text = seed;
  for (const e of edits) {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    if (e.kind === "delete") text = text.slice(0, at) + text.slice(at + e.length);
    else if (e.kind === "insert") text = text.slice(0, at) + e.text + text.slice(at);
    else text = text.slice(0, at) + text.slice(at, at + e.length).repeat(3) + text.slice(at);
  }
  return text;
}

const mutated = (seeds: string[]) => fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([s, e]) => mutate(s, e));
const lsrDocument = fc.oneof(tokenSoup, mutated(LSR_SEEDS));

// ---- responses: prose, the characters the checkers parse, and degenerate runs

const RESPONSE_PIECES = [
  " ", "\n", "\n\n", "*", "**", "***", "******", "-", "---", "[", "]", "<<", ">>", ".", "!", "?", ",", "\"", "'",
  "P.S.", "P.P.S", "Section 1", "My answer is yes.", "```json", "```", "{", "}", "error", "temple", "The", "THE", "word",
  "\u00a0", "\u2028", "😀", "é", "\u0000", "\t",
];
const runOf = fc.tuple(fc.constantFrom(...RESPONSE_PIECES), fc.integer({ min: 1, max: 2000 })).map(([p, n]) => p.repeat(n));
const response = fc.oneof(
  fc.array(fc.constantFrom(...RESPONSE_PIECES), { maxLength: 200 }).map((p) => p.join("")),
  fc.array(runOf, { minLength: 1, maxLength: 3 }).map((r) => r.join("")),
  fc.string({ unit: "binary", maxLength: 300 }),
  mutated(readdirSync(join(root, "examples")).filter((f) => f.endsWith(".md")).map((f) => readFileSync(join(root, "examples", f), "utf8"))),
);

// ---- LsrInstruct JSON: mutated files, and generated trees with random types and kwargs

const kwargs = fc.dictionary(fc.constantFrom("relation", "num_words", "keywords", "num_bullets", "postscript_marker", "x"),
  fc.oneof(fc.jsonValue(), fc.constantFrom("at least", "less than", "P.S.", 3, -1, ["a"])), { maxKeys: 3 });
const leaf = fc.record({
  constraint: fc.oneof(fc.string({ maxLength: 20 }), fc.constant("Be brief.")),
  instruction_id: fc.option(fc.constantFrom(...HARD_TYPES.map((t) => t.id), "nope:nothing"), { nil: undefined }),
  kwargs: fc.option(kwargs, { nil: undefined }),
  category: fc.option(fc.constantFrom("tone", "format", "style", ""), { nil: undefined }),
}, { requiredKeys: ["constraint"] });
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({
      type: fc.constantFrom("And", "Chain", "Selection", "Or", ""),
      sub_constraints: fc.dictionary(fc.constantFrom("c1", "c2", "c3", "c4"), tie("tree"), { maxKeys: 4 }),
    })),
}));
const generatedJson = fc.record({
  prompt: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  gamma: fc.option(fc.oneof(fc.double(), fc.constant(0.5)), { nil: undefined }),
  composite_constraints: fc.array(fc.record({ composite_constraint: tree }), { maxLength: 3 }),
}).map((v) => JSON.stringify(v, null, 1));
const jsonDocument = fc.oneof(generatedJson, mutated(JSON_SEEDS));

const options = (numRuns: number) => ({ numRuns, seed: 20261201, interruptAfterTimeLimit: TIME_BUDGET_MS, markInterruptAsFailure: false });

test("fuzz: .lsr documents through check, format, render, export and score", async () => {
  const responseFile = join(tmp, "response.md");
  writeFileSync(responseFile, readFileSync(join(root, "examples/travel-guide.fail.md"), "utf8"));
  await fc.assert(fc.asyncProperty(lsrDocument, async (doc) => {
    for (const args of [["check", "-"], ["check", "-", "--json"], ["format", "-"], ["render", "-"], ["export", "-"], ["score", "-", responseFile, "--loose"]]) {
      assertSane(`lsrif ${args.join(" ")} on ${JSON.stringify(doc.slice(0, 200))}`, await lsrif(args, doc));
    }
  }), options(1500));
});

test("fuzz: LsrInstruct JSON through check, import and score", async () => {
  const responseFile = join(tmp, "response-json.md");
  writeFileSync(responseFile, readFileSync(join(root, "examples/product-faq.response.md"), "utf8"));
  await fc.assert(fc.asyncProperty(jsonDocument, async (doc) => {
    const file = join(tmp, "doc.json");
    writeFileSync(file, doc);
    for (const args of [["check", file], ["import", file], ["score", file, responseFile, "--json"]]) {
      assertSane(`lsrif ${args.join(" ")} on ${JSON.stringify(doc.slice(0, 200))}`, await lsrif(args));
    }
  }), options(1000));
});

test("fuzz: responses scored against every example, strict and loose", async () => {
  const instructions = [...readdirSync(join(root, "examples")).filter((f) => f.endsWith(".lsr") || f.endsWith(".json")).map((f) => join(root, "examples", f))];
  // Every hard checker, in two instructions (some pairs contradict: LSR041).
  const call = (t: (typeof HARD_TYPES)[number]) => {
    const args = Object.entries(t.example.args).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    return t.aliases[0] + (args.length ? `(${args.join(", ")})` : "");
  };
  const apart = new Set(["change_case:english_capital", "detectable_format:json_format"]);
  const groups = [HARD_TYPES.filter((t) => !apart.has(t.id)), HARD_TYPES.filter((t) => apart.has(t.id))];
  const allHard = groups.map((types, i) => {
    const file = join(tmp, `all-hard-${i}.lsr`);
    writeFileSync(file, types.map(call).join("\n") + "\n");
    return file;
  });
  for (const file of allHard) assert.equal((await lsrif(["check", file])).code, 0, `${file} is valid`);
  instructions.push(...allHard);
  await fc.assert(fc.asyncProperty(response, async (text) => {
    for (const instruction of instructions) {
      for (const mode of [[], ["--loose"]]) {
        const r = await lsrif(["score", instruction, "-", "--json", ...mode], text);
        assertSane(`lsrif score ${instruction} ${mode.join(" ")} on ${JSON.stringify(text.slice(0, 200))}`, r);
        assert.equal(r.code, 0, r.err);
        const result = JSON.parse(r.out) as { score: number };
        assert.ok(result.score >= 0 && result.score <= 1, `score ${result.score}`);
      }
    }
  }), options(600));
});
