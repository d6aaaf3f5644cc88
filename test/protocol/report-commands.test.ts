// The report view's server commands over the real protocol: lsrif.report answers the
// page body (SVG charts), its style and the drill-down lists behind every mark;
// lsrif.reportLine reads a line back; bad arguments and files are clean errors.

import { strict as assert } from "node:assert";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { ReportViewJson } from "../../server/src/lsp/report-commands.js";
import { LspSession, REPO_ROOT } from "./lsp-harness.js";

const fixture = (name: string) => path.join(REPO_ROOT, "test/fixtures/report", name);
let lsp: LspSession;
before(async () => (lsp = await LspSession.start()));
after(async () => lsp.stop());

const execute = <T>(command: string, args: unknown[]) => lsp.request<T>("workspace/executeCommand", { command, arguments: args });

test("lsrif.report: charts, style and a drill-down list for every mark", async () => {
  const view = await execute<ReportViewJson>("lsrif.report", [[pathToFileURL(fixture("scores-before.jsonl")).href]]);
  assert.equal(view.title, fixture("scores-before.jsonl"));
  assert.equal(view.body.match(/<svg /g)?.length, 8);
  assert.match(view.css, /svg text \{ fill: var\(--fg\); \}/);
  // Every mark's aria-label is a drill-down key (charts.ts and drill-down.ts agree).
  const keys = [...view.body.matchAll(/role="graphics-symbol"[^>]*aria-label="([^"]*)"|aria-label="([^"]*)"[^>]*role="graphics-symbol"/g)].map((m) => m[1] ?? m[2]);
  const dataKeys = keys.filter((k) => /^(distribution|structure|depth|hard|soft|ablation|groups|spread):/.test(k));
  assert.ok(dataKeys.length >= 40, `${dataKeys.length} data marks`);
  for (const key of dataKeys) assert.ok(view.drillDown[key.replace(/&#39;/g, "'")], `no drill-down for ${key}`);
  // The responses that failed no_comma (see test/unit/report/aggregate-scores.test.ts).
  const noComma = view.drillDown["hard:punctuation:no_comma"];
  assert.deepEqual(noComma.refs.examples.map((r) => r.label), ["guide-3", "lighthouse-2", "moon-2", "solo-1", "storm-4"]);
  assert.equal(noComma.file, fixture("scores-before.jsonl"));
  assert.deepEqual(view.problems, []);
});

test("lsrif.reportLine: the score line behind a listed response", async () => {
  const view = await execute<ReportViewJson>("lsrif.report", [[fixture("scores-before.jsonl")]]);
  const ref = view.drillDown["hard:punctuation:no_comma"].refs.examples[1];
  const line = await execute<{ line: number; value: { id: string; tree: { kind: string } } }>("lsrif.reportLine", [fixture("scores-before.jsonl"), ref.line]);
  assert.equal(line.value.id, "lighthouse-2");
  assert.equal(line.value.tree.kind, "parallel");
  const missing = await execute<{ error: string }>("lsrif.reportLine", [fixture("scores-before.jsonl"), 999]);
  assert.match(missing.error, /has no line 999/);
});

test("eval results and bad requests", async () => {
  const view = await execute<ReportViewJson>("lsrif.report", [[fixture("ifeval-strict.jsonl"), fixture("ifeval-loose.jsonl")]]);
  assert.equal(view.body.match(/<svg /g)?.length, 2);
  assert.equal(view.drillDown["instruction:loose:punctuation:no_comma"].refs.count, 2);
  await assert.rejects(execute("lsrif.report", [[]]), /invalid arguments/);
  await assert.rejects(execute("lsrif.report", [[fixture("nothing.jsonl")]]), /nothing\.jsonl: cannot read: no such file/);
  await assert.rejects(execute("lsrif.reportLine", [fixture("scores-before.jsonl"), 0]), /invalid arguments/);
});
