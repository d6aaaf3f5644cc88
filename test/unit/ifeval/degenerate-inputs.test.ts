// Issue 9 items 1-3 on the reward path: the reproducers, shrunk to run in seconds. Each
// large input must complete with the verdict worked out by hand below (a quadratic checker
// would take minutes here; the timings themselves are in the bench, not in tests).

import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { verifyInstruction } from "../../../server/src/ifeval/verify.js";
import { main } from "../../../server/src/cli/main.js";
import type { Io } from "../../../server/src/cli/io.js";

const KB = 1024;
const N = 256 * KB;

function verdict(alias: string, response: string, args: Record<string, unknown>, mode: "strict" | "loose" = "loose"): boolean {
  const type = findHardType(alias);
  assert.ok(type, alias);
  return verifyInstruction(type, response, args, mode);
}

test("item 2: number_bullet_lists on a run of newlines then 'x' (no line starts with * or -)", () => {
  assert.equal(verdict("bullets", "\n".repeat(N) + "x", { num_bullets: 0 }), true);
  // one bullet at the end: "* x" after the run; the star then " " (not a star) starts a bullet line
  assert.equal(verdict("bullets", "\n".repeat(N) + "* x", { num_bullets: 1 }), true);
  // " \n" lines: \s* runs over all of them to the "-" of the last line: one dash bullet
  assert.equal(verdict("bullets", " \n".repeat(N / 2) + "- x", { num_bullets: 1 }, "strict"), true);
});

test("item 2: postscript on a run of spaces then 'x' (no marker) and then with one", () => {
  assert.equal(verdict("postscript", " ".repeat(N) + "x", { postscript_marker: "P.S." }), false);
  assert.equal(verdict("postscript", " ".repeat(N) + "P.S. bye", { postscript_marker: "P.S." }, "strict"), true);
  assert.equal(verdict("postscript", "\n".repeat(N) + "p. p. s hi", { postscript_marker: "P.P.S" }, "strict"), true);
});

test("item 2: number_sentences and capital_word_frequency on runs of whitespace", () => {
  // Punkt: no sentence end, so the text (rstripped) is one sentence; its tokens: "A", "B"
  const text = " ".repeat(N) + "A" + "\n".repeat(N) + "B" + " \t".repeat(N / 2);
  assert.equal(verdict("sentences", text, { num_sentences: 1, relation: "at least" }, "strict"), true);
  assert.equal(verdict("sentences", text, { num_sentences: 2, relation: "less than" }, "strict"), true);
  assert.equal(verdict("capital_words", text, { capital_frequency: 2, capital_relation: "at least" }, "strict"), true);
  assert.equal(verdict("capital_words", text, { capital_frequency: 3, capital_relation: "at least" }, "strict"), false);
});

test("item 2: number_placeholders on a run of '[' (no ']', no placeholder) and with one ']' at the end", () => {
  assert.equal(verdict("placeholders", "[".repeat(N), { num_placeholders: 1 }), false);
  // "[[[...[]": the first "[" matches up to the only "]": exactly one placeholder
  assert.equal(verdict("placeholders", "[".repeat(N) + "]", { num_placeholders: 1 }, "strict"), true);
  assert.equal(verdict("placeholders", "[".repeat(N) + "]", { num_placeholders: 2 }, "strict"), false);
});

test("title on a run of '<' (no '>>') and on many short titles", () => {
  assert.equal(verdict("title", "<".repeat(N), {}), false);
  assert.equal(verdict("title", "<".repeat(N) + "a>>", {}, "strict"), true);
  assert.equal(verdict("title", "<<\n>>".repeat(N / 8), {}, "strict"), false);
});

test("item 1: capital_word_frequency on a long run of commas completes (every token is ',')", () => {
  assert.equal(verdict("capital_words", ",".repeat(2 * 1024 * KB), { capital_frequency: 2, capital_relation: "at least" }), false);
  assert.equal(verdict("capital_words", ",".repeat(N) + " OK YES", { capital_frequency: 2, capital_relation: "at least" }, "strict"), true);
});

test("json_format accepts a valid JSON string of several MB (the string regex overflowed V8's stack)", () => {
  assert.equal(verdict("json", JSON.stringify("a".repeat(8 * 1024 * KB)), {}, "strict"), true);
  assert.equal(verdict("json", `{"a": "${"\\n".repeat(N)}"}`, {}, "strict"), true);
  assert.equal(verdict("json", `{"a": "${"\\x".repeat(N)}"}`, {}, "strict"), false);
});

function captureIo(): Io & { out: string; err: string } {
  const io = { out: "", err: "", stdout: (t: string) => { io.out += t; }, stderr: (t: string) => { io.err += t; }, readStdin: () => "" };
  return io;
}

const tmp = mkdtempSync(join(tmpdir(), "lsrif-degenerate-"));

test("item 1 and 3: lsrif score on 30 MB of commas reports the size error on the hard leaf, no crash", async () => {
  const lsr = join(tmp, "cw.lsr");
  writeFileSync(lsr, 'change_case:capital_word_frequency(capital_frequency: 2, capital_relation: "at least")\n');
  const response = join(tmp, "c.txt");
  writeFileSync(response, ",".repeat(30 * 1024 * KB));
  const io = captureIo();
  const code = await main(["score", lsr, response, "--json"], io);
  assert.equal(code, 0, io.err);
  const result = JSON.parse(io.out);
  const leaf = result.tree.children[0];
  assert.equal(leaf.status, "error");
  assert.equal(leaf.error, "response too large for hard checks: 30 MiB (31457280 bytes), over the limit of 16 MiB (16777216 bytes) (max response bytes; --max-response-bytes on the command line)");
  assert.equal(result.complete, false);
});

test("item 3: --max-response-bytes: over the limit an error per hard leaf, at the limit the checks run; bad values exit 2", async () => {
  const lsr = join(tmp, "two.lsr");
  writeFileSync(lsr, 'no_comma\nwords(relation: "at least", num_words: 1)\n');
  const response = join(tmp, "r.txt");
  writeFileSync(response, "é".repeat(50)); // 50 code units, 100 UTF-8 bytes
  const at = captureIo();
  assert.equal(await main(["score", lsr, response, "--json", "--max-response-bytes", "100"], at), 0, at.err);
  assert.deepEqual(JSON.parse(at.out).tree.children.map((c: { status: string }) => c.status), ["pass", "pass"]);
  const over = captureIo();
  assert.equal(await main(["score", lsr, response, "--json", "--max-response-bytes", "99"], over), 0, over.err);
  const leaves = JSON.parse(over.out).tree.children as { status: string; error: string }[];
  assert.deepEqual(leaves.map((c) => c.status), ["error", "error"]);
  assert.match(leaves[0].error, /100 bytes, over the limit of 99 bytes/);
  for (const bad of ["0", "-5", "ten", "129M", "1.5M"]) {
    const io = captureIo();
    assert.equal(await main(["score", lsr, response, `--max-response-bytes=${bad}`], io), 2, bad);
    assert.match(io.err, /--max-response-bytes must be a size/);
  }
  const units = captureIo();
  assert.equal(await main(["score", lsr, response, "--json", "--max-response-bytes", "1k"], units), 0, units.err);
});
