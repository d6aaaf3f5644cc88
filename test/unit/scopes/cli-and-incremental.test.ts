// Scopes through the command line (export --paper warnings, score --json spans) and
// through incremental re-analysis (scoped files take the full path and equal analyze).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { reanalyzeWithMode } from "../../../server/src/analysis/incremental.js";

const root = join(__dirname, "../../../..");
const example = (name: string) => join(root, "examples", name);

function lsrif(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin/lsrif.js"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("lsrif export keeps scopes; --paper drops them with a warning naming each, at its line", () => {
  const full = lsrif(["export", example("figure1.lsr")]);
  assert.equal(full.code, 0, full.stderr);
  assert.equal((full.stdout.match(/"scope"/g) ?? []).length, 3);
  assert.equal(full.stderr, "");
  const paper = lsrif(["export", example("figure1.lsr"), "--paper"]);
  assert.equal(paper.code, 0, paper.stderr);
  assert.equal(paper.stdout.includes('"scope"'), false);
  const warnings = paper.stderr.trim().split("\n");
  // figure1.lsr: the first step's block opens on line 14 col 22; the each-item leaf on line 20 col 13; the else leaf on line 22 col 18.
  assert.deepEqual(warnings, [
    `${example("figure1.lsr")}:14:22: warning: scope 'in paragraph 1' dropped: the paper's format has no scopes`,
    `${example("figure1.lsr")}:20:13: warning: scope 'each item' dropped: the paper's format has no scopes`,
    `${example("figure1.lsr")}:22:18: warning: scope 'in paragraph 1' dropped: the paper's format has no scopes`,
  ]);
});

test("lsrif score --json: every checked leaf has spans; scoped nodes say their scope", () => {
  const r = lsrif(["score", example("figure1.lsr"), example("figure1.pass.md"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { tree: Node };
  interface Node { kind: string; status: string; spans?: unknown[]; scope?: string; children: Node[] }
  const leaves: Node[] = [];
  const visit = (n: Node) => (n.kind === "hard" || n.kind === "soft" ? leaves.push(n) : n.children.forEach(visit));
  visit(out.tree);
  const checked = leaves.filter((l) => l.status !== "not-applicable");
  assert.ok(checked.length >= 6);
  for (const leaf of checked) assert.ok(Array.isArray(leaf.spans) && leaf.spans.length > 0, JSON.stringify(leaf));
  const response = readFileSync(example("figure1.pass.md"), "utf8");
  const whole = checked.filter((l) => JSON.stringify(l.spans) === JSON.stringify([{ start: 0, end: response.length }]));
  // The unscoped leaves (the checklist format, the condition, the style) are checked on the whole response.
  assert.equal(whole.length, 3);
});

test("incremental re-analysis leaves scoped files to the full analysis, with the same result", () => {
  const text = readFileSync(example("figure1.lsr"), "utf8");
  const previous = { text, analysis: analyze(text) };
  const next = text.replace('"At most three sentences."', '"No more than three sentences."');
  const r = reanalyzeWithMode(previous, next);
  assert.equal(r.mode, "full");
  assert.deepEqual(r.analysis.instruction, analyze(next).instruction);
  // Typing a scope into an unscoped file also takes the full path.
  const plain = "no_comma\nlowercase\n";
  const typed = reanalyzeWithMode({ text: plain, analysis: analyze(plain) }, "no_comma\nin paragraph 1 lowercase\n");
  assert.equal(typed.mode, "full");
  assert.deepEqual(typed.analysis.diagnostics, analyze("no_comma\nin paragraph 1 lowercase\n").diagnostics);
});
