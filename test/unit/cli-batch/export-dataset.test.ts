// `lsrif export-dataset` as a real process: the VeRL parquet read back with a parquet
// reader (hyparquet; Debian 12 has no pyarrow), the TRL and OpenRLHF JSONL rows, broken
// instructions and bad flags.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { INSTRUCTIONS_JSONL, SEQUENCE_LSR } from "./fixtures.js";
import { lsrif, tempDir, writeFile } from "./run-cli.js";

const BROKEN_JSONL = INSTRUCTIONS_JSONL + JSON.stringify({ id: "bad", composite_constraints: [{ composite_constraint: { type: "Nope" } }] }) + "\n";

/** What `lsrif render` prints for the instruction with this id (the prompt the rows must carry). */
async function rendered(dir: string, id: string): Promise<string> {
  const line = INSTRUCTIONS_JSONL.trimEnd().split("\n").map((l) => JSON.parse(l)).find((x) => x.id === id);
  const file = writeFile(dir, `${id}.json`, JSON.stringify(line));
  const r = await lsrif(["render", file]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.replace(/\n$/, "");
}

/** What `lsrif export` gives for an instruction: the ground truth must be the same JSON. */
async function exported(dir: string, name: string, text: string): Promise<unknown> {
  const r = await lsrif(["export", writeFile(dir, name, text)]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  const { parquetReadObjects } = await import("hyparquet");
  const bytes = readFileSync(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return (await parquetReadObjects({ file })) as Record<string, unknown>[];
}

test("export-dataset --format verl: a parquet file with VeRL's columns, read back by hyparquet", async () => {
  const dir = tempDir("lsrif-export-verl-");
  const input = writeFile(dir, "in.jsonl", INSTRUCTIONS_JSONL);
  const out = join(dir, "train.parquet");
  const r = await lsrif(["export-dataset", "--instructions", input, "--format", "verl", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /wrote 2 verl rows/);

  const rows = await readParquet(out);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows.map((row) => Object.keys(row)), Array(2).fill(["data_source", "prompt", "ability", "reward_model", "extra_info"]));
  const [a, b] = rows as { data_source: string; prompt: { role: string; content: string }[]; reward_model: { style: string; ground_truth: string }; extra_info: { index: bigint; instruction_id: string; split: string } }[];
  assert.equal(a.data_source, "lsrif");
  assert.deepEqual(a.prompt, [{ role: "user", content: await rendered(dir, "a") }]);
  assert.deepEqual(b.prompt, [{ role: "user", content: await rendered(dir, "b") }]);
  assert.equal(a.reward_model.style, "rule");
  const lines = INSTRUCTIONS_JSONL.trimEnd().split("\n");
  assert.deepEqual(JSON.parse(a.reward_model.ground_truth), await exported(dir, "a-export.json", lines[0]));
  assert.deepEqual(JSON.parse(b.reward_model.ground_truth), await exported(dir, "b-export.json", lines[1]));
  assert.deepEqual(a.extra_info, { index: 0n, instruction_id: "a", split: "train" });
  assert.deepEqual(b.extra_info, { index: 1n, instruction_id: "b", split: "train" });
});

test("export-dataset --format verl --data-source names the rows' data source", async () => {
  const dir = tempDir("lsrif-export-source-");
  const input = writeFile(dir, "seq.lsr", SEQUENCE_LSR);
  const out = join(dir, "train.parquet");
  // A directory of .lsr files: the id is the file name.
  const r = await lsrif(["export-dataset", "--instructions", dir, "--format", "verl", "--out", out, "--data-source", "my_if"]);
  assert.equal(r.code, 0, r.stderr);
  const rows = (await readParquet(out)) as { data_source: string; extra_info: { instruction_id: string }; reward_model: { ground_truth: string } }[];
  assert.equal(rows.length, 1);
  assert.equal(rows[0].data_source, "my_if");
  assert.equal(rows[0].extra_info.instruction_id, "seq");
  assert.deepEqual(JSON.parse(rows[0].reward_model.ground_truth), await exported(tempDir("lsrif-export-x-"), "seq.lsr", readFileSync(input, "utf8")));
});

test("export-dataset --format trl, openrlhf and open-instruct: JSONL rows with the prompt as chat messages", async () => {
  const dir = tempDir("lsrif-export-jsonl-");
  const input = writeFile(dir, "in.jsonl", INSTRUCTIONS_JSONL);
  const lines = INSTRUCTIONS_JSONL.trimEnd().split("\n");
  const shapes = [
    ["trl", "prompt", "lsrif_instruction", []],
    ["openrlhf", "prompt", "label", []],
    ["open-instruct", "messages", "ground_truth", ["dataset"]],
  ] as const;
  for (const [format, promptColumn, column, more] of shapes) {
    const out = join(dir, `${format}.jsonl`);
    const r = await lsrif(["export-dataset", "--instructions", input, "--format", format, "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const rows = readFileSync(out, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    const keys = ["id", promptColumn, column, ...more];
    assert.deepEqual(rows.map((row) => Object.keys(row)), [keys, keys]);
    assert.deepEqual(rows.map((row) => row.id), ["a", "b"]);
    assert.deepEqual(rows[1][promptColumn], [{ role: "user", content: await rendered(dir, "b") }]);
    assert.deepEqual(JSON.parse(rows[0][column]), await exported(dir, `a-${format}.json`, lines[0]));
    if (format === "open-instruct") assert.deepEqual(rows.map((row) => row.dataset), ["lsrif", "lsrif"]);
  }
});

test("export-dataset: broken instructions are reported with their line, left out, and the exit code is 1", async () => {
  const dir = tempDir("lsrif-export-broken-");
  const input = writeFile(dir, "in.jsonl", BROKEN_JSONL);
  const out = join(dir, "trl.jsonl");
  const r = await lsrif(["export-dataset", "--instructions", input, "--format", "trl", "--out", out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`${input.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:\\d+: error`));
  assert.match(r.stderr, /1 instruction\(s\) with errors were left out: bad/);
  assert.deepEqual(readFileSync(out, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l).id), ["a", "b"]);
});

test("export-dataset: an unknown format or a missing flag is a usage error (exit 2), nothing written", async () => {
  const dir = tempDir("lsrif-export-usage-");
  const input = writeFile(dir, "in.jsonl", INSTRUCTIONS_JSONL);
  const bad = await lsrif(["export-dataset", "--instructions", input, "--format", "csv", "--out", join(dir, "x")]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be one of verl, trl, openrlhf, open-instruct \(got 'csv'\)/);
  const missing = await lsrif(["export-dataset", "--instructions", input, "--format", "trl"]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /needs --out/);
  const noInput = await lsrif(["export-dataset", "--instructions", join(dir, "nope"), "--format", "trl", "--out", join(dir, "y")]);
  assert.equal(noInput.code, 2);
  assert.match(noInput.stderr, /nope: cannot read/);
});
