// `lsrif ifeval` end to end on temporary files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runIfevalCommand } from "../../../server/src/cli/ifeval-command.js";

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

function files(input: string, responses: string) {
  const dir = mkdtempSync(join(tmpdir(), "lsrif-ifeval-"));
  writeFileSync(join(dir, "input.jsonl"), input);
  writeFileSync(join(dir, "responses.jsonl"), responses);
  return { dir, input: join(dir, "input.jsonl"), responses: join(dir, "responses.jsonl"), out: join(dir, "res", "results.jsonl") };
}

const ROW_A = { key: 1, prompt: "Say hi without commas.", instruction_id_list: ["punctuation:no_comma"], kwargs: [{}] };
const ROW_B = { key: 2, prompt: "Say hi in two words.", instruction_id_list: ["length_constraints:number_words", "punctuation:no_comma"], kwargs: [{ num_words: 3, relation: "less than" }, {}] };

test("good input: exit 0, official-format results, both accuracies printed", async () => {
  const f = files(
    [ROW_A, ROW_B].map((r) => JSON.stringify(r)).join("\n") + "\n",
    [{ prompt: ROW_A.prompt, response: "Hi there" }, { prompt: ROW_B.prompt, response: "Hi, you" }].map((r) => JSON.stringify(r)).join("\n"),
  );
  const { out, io } = capture();
  assert.equal(await runIfevalCommand({ input: f.input, responses: f.responses, loose: false, out: f.out }, io), 0);
  assert.equal(out.stderr, "");
  // Row A passes; row B: 2 words < 3 passes, the comma fails. Prompt level 1/2, instruction level 2/3.
  assert.match(out.stdout, /prompt-level: 0\.5 \(1\/2\)/);
  assert.match(out.stdout, /instruction-level: 0\.6666666666666666 \(2\/3\)/);
  assert.equal(readFileSync(f.out, "utf8").split("\n")[1],
    '{"follow_all_instructions": false, "follow_instruction_list": [true, false], "instruction_id_list": ["length_constraints:number_words", "punctuation:no_comma"], "prompt": "Say hi in two words.", "response": "Hi, you"}');
});

test("bad lines are reported with file:line and give exit 2; good rows are still evaluated", async () => {
  const f = files(
    [
      JSON.stringify(ROW_A),
      "{not json",
      JSON.stringify({ ...ROW_B, kwargs: [{ num_words: -1, relation: "less than" }, {}] }),
      JSON.stringify({ ...ROW_B, key: 3, instruction_id_list: ["no:such_type"], kwargs: [{}] }),
      JSON.stringify({ key: 4, prompt: "Unanswered", instruction_id_list: ["punctuation:no_comma"], kwargs: [{}] }),
    ].join("\n"),
    JSON.stringify({ prompt: ROW_A.prompt, response: "Hi" }) + "\n" + JSON.stringify({ prompt: "x" }) + "\n",
  );
  const { out, io } = capture();
  assert.equal(await runIfevalCommand({ input: f.input, responses: f.responses, loose: true, out: f.out }, io), 2);
  assert.match(out.stderr, /input\.jsonl:2: not valid JSON/);
  assert.match(out.stderr, /input\.jsonl:3: instruction 1 \(length_constraints:number_words\): num_words: /);
  assert.match(out.stderr, /input\.jsonl:4: instruction 1: unknown instruction id "no:such_type"/);
  assert.match(out.stderr, /responses\.jsonl:2: response: /);
  assert.match(out.stderr, /input\.jsonl:5: no response for the prompt of key 4/);
  assert.match(out.stdout, /prompt-level: 1 \(1\/1\)/);
});

test("an unreadable file gives exit 2 and names the file", async () => {
  const { out, io } = capture();
  assert.equal(await runIfevalCommand({ input: "/nonexistent/input.jsonl", responses: "/nonexistent/r.jsonl", loose: false, out: "/tmp/x" }, io), 2);
  assert.match(out.stderr, /\/nonexistent\/input\.jsonl: cannot read/);
});
