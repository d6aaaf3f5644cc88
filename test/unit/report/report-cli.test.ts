// `lsrif report` as a user runs it: the Markdown output compared exactly with the
// expected files (reviewed by hand; regenerate with the commands in each test), the
// --against deltas, eval_results, bad input, and the HTML file's self-containment.

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { lsrif, tempDir, writeFile } from "../cli-batch/run-cli.js";
import { readReport } from "../../../server/src/report/read-report.js";
import { buildReport } from "../../../server/src/report/render.js";
import type { ScoresReport } from "../../../server/src/report/model.js";
import { close, fixture } from "./report-fixture.js";

const F = "test/fixtures/report";
const expected = (name: string) => readFileSync(fixture(join("expected", name)), "utf8");

test("Markdown of a scores file against another, exactly", async () => {
  // node bin/lsrif.js report $F/scores-after.jsonl --against $F/scores-before.jsonl --instructions $F/instructions --format md
  const run = await lsrif(["report", `${F}/scores-after.jsonl`, "--against", `${F}/scores-before.jsonl`, "--instructions", `${F}/instructions`, "--format", "md"]);
  assert.equal(run.stderr, "");
  assert.equal(run.code, 0);
  assert.equal(run.stdout, expected("scores-after-against-before.md"));
});

test("Markdown of IFEval strict and loose results, exactly", async () => {
  // node bin/lsrif.js report $F/ifeval-strict.jsonl $F/ifeval-loose.jsonl --format md
  const run = await lsrif(["report", `${F}/ifeval-strict.jsonl`, `${F}/ifeval-loose.jsonl`, "--format", "md"]);
  assert.equal(run.code, 0);
  assert.equal(run.stdout, expected("ifeval.md"));
});

test("--against: deltas per constraint type, structure and depth, largest first", async () => {
  const report = await buildReport([fixture("scores-after.jsonl")], [fixture("scores-before.jsonl")]);
  const rows = report.against?.rows ?? [];
  const row = (group: string, key: string) => rows.find((r) => r.group === group && r.key === key);
  // Title: before 6/10 (see aggregate-scores.test.ts), after 10/10 (every after response has one).
  assert.ok(close(row("hard", "detectable_format:title")?.delta, 0.4));
  // no_comma after: lighthouse 2/3 (lighthouse-3 has a comma), storm-3/4 2/2, guide-3 1/1, moon 3/3, solo 1/1 = 9/10; before 5/10.
  assert.ok(close(row("hard", "punctuation:no_comma")?.after, 0.9));
  assert.ok(close(row("hard", "punctuation:no_comma")?.delta, 0.4));
  // Conditional (storm): 1/2 before, 1 after. Groups with all-equal R: 0/5 before, 3/5 after.
  assert.ok(close(row("structure", "conditional")?.delta, 0.5));
  assert.ok(close(row("overall", "groups with all-equal R")?.delta, 0.6));
  // Tone: 2/3 both times (lighthouse-3 judged NO in both runs).
  assert.ok(close(row("soft", "tone")?.delta, 0));
  // Largest change first.
  const sizes = rows.map((r) => Math.abs(r.delta));
  assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a));
  assert.equal(rows[0].key, "groups with all-equal R");
  // Soft "content" is undecided (judge errors) in both: left out, not a zero.
  assert.equal(row("soft", "content"), undefined);
});

test("eval_results: prompt- and instruction-level accuracy per mode and instruction id", async () => {
  const report = await readReport([fixture("ifeval-loose.jsonl"), fixture("ifeval-strict.jsonl")]);
  assert.equal(report.kind, "eval");
  if (report.kind !== "eval") return;
  // The totals `lsrif ifeval` printed when it made the fixture: strict 5/12 and 12/20, loose 6/12 and 13/20.
  assert.deepEqual(report.modes.map((m) => [m.mode, m.promptLevel.correct, m.promptLevel.total, m.instructionLevel.correct, m.instructionLevel.total]), [
    ["strict", 5, 12, 12, 20],
    ["loose", 6, 12, 13, 20],
  ]);
  // Per id, checked against a plain count over the rows of each file.
  for (const mode of ["strict", "loose"] as const) {
    const tally = new Map<string, [number, number]>();
    for (const text of readFileSync(fixture(`ifeval-${mode}.jsonl`), "utf8").split("\n").filter(Boolean)) {
      const row = JSON.parse(text) as { instruction_id_list: string[]; follow_instruction_list: boolean[] };
      row.instruction_id_list.forEach((id, i) => {
        const [ok, all] = tally.get(id) ?? [0, 0];
        tally.set(id, [ok + (row.follow_instruction_list[i] ? 1 : 0), all + 1]);
      });
    }
    for (const row of report.byInstruction) assert.deepEqual([row[mode]?.correct, row[mode]?.total], tally.get(row.key), `${mode} ${row.key}`);
    assert.equal(report.byInstruction.length, tally.size);
  }
  // english_lowercase: one of its two prompts passes only loosely.
  const lower = report.byInstruction.find((r) => r.key === "change_case:english_lowercase");
  assert.deepEqual([lower?.strict?.correct, lower?.loose?.correct, lower?.strict?.total], [1, 2, 2]);
});

test("bad lines are reported by file and line, counted, and left out; exit 2", async () => {
  const dir = tempDir("lsrif-report-");
  const good = readFileSync(fixture("scores-before.jsonl"), "utf8").split("\n").slice(0, 2).join("\n");
  const file = writeFile(dir, "scores.jsonl", `${good}\n{not json\n{"id":"x","instruction":"y","score":2,"complete":true,"tree":{}}\n\n`);
  const run = await lsrif(["report", file, "--format", "md"]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, new RegExp(`${file}:3: not valid JSON`));
  assert.match(run.stderr, new RegExp(`${file}:4: not a score line \\(score: `));
  assert.match(run.stdout, /\| 2 \| /); // the two good lines are reported
  assert.match(run.stdout, /## Lines not read/);
  const report = (await readReport([file])) as ScoresReport;
  assert.equal(report.responses, 2);
  assert.deepEqual(report.problems.first.map((p) => p.line), [3, 4]);
});

test("unusable input: a clear message, exit 2, no stack trace", async () => {
  const dir = tempDir("lsrif-report-");
  const cases: [string[], RegExp][] = [
    [["report", join(dir, "missing.jsonl")], /missing\.jsonl: cannot read: no such file/],
    [["report", writeFile(dir, "other.jsonl", '{"id":"a","instruction":"b","response":"c"}\n')], /neither score lines .* nor eval_results rows/],
    [["report", `${F}/scores-before.jsonl`, `${F}/ifeval-strict.jsonl`], /one scores file at a time/],
    [["report", `${F}/ifeval-strict.jsonl`, `${F}/ifeval-strict.jsonl`], /both strict results/],
    [["report", `${F}/scores-before.jsonl`, "--against", `${F}/ifeval-strict.jsonl`], /--against .* holds eval_results rows, but the report is of score lines/],
    [["report", `${F}/scores-before.jsonl`, "--format", "pdf"], /--format must be one of html, md, json/],
  ];
  for (const [args, message] of cases) {
    const run = await lsrif(args);
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
});

test("the HTML file is self-contained: inline SVG charts, no script, nothing fetched", async () => {
  const dir = tempDir("lsrif-report-");
  const out = join(dir, "report.html");
  const run = await lsrif(["report", `${F}/scores-after.jsonl`, "--against", `${F}/scores-before.jsonl`, "-o", out]);
  assert.equal(run.code, 0);
  assert.match(run.stderr, /report of 18 responses written to/);
  const html = readFileSync(out, "utf8");
  // Nine charts: distribution, structure, depth, hard, soft, ablation, groups, spread, against.
  assert.equal(html.match(/<svg /g)?.length, 9);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /(src|href)="https?:/);
  assert.match(html, /default-src 'none'/);
});

test("bad lines of the --against file are reported too", async () => {
  const dir = tempDir("lsrif-report-");
  const good = readFileSync(fixture("scores-before.jsonl"), "utf8");
  const other = writeFile(dir, "before.jsonl", `${good}oops\n`);
  const run = await lsrif(["report", `${F}/scores-after.jsonl`, "--against", other, "--format", "md"]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, new RegExp(`${other}:19: not valid JSON`));
  assert.match(run.stdout, /## Change against the other run/);
});
