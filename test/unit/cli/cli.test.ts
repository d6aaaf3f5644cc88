// The `lsrif` command as a user runs it: a real process, real files, exit codes.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const root = join(__dirname, "../../../..");
const bin = join(root, "bin/lsrif.js");
const example = (name: string) => join(root, "examples", name);

function lsrif(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "lsrif-cli-"));
function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

test("score --json: the passing example scores 1 with a complete tree", () => {
  const r = lsrif(["score", example("travel-guide.lsr"), example("travel-guide.pass.md"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.score, 1);
  assert.equal(out.complete, true);
  assert.equal(out.tree.kind, "parallel");
  assert.equal(out.tree.children[0].kind, "sequential");
});

test("score --json: the failing example, hand-computed", () => {
  // steps r = (0, 0.5, 0, 1): r' = (0, 0.5 * 0.5, 0, 1 * 0.5 * 0.5^0.5 * 0.5) ; mean / 4
  const r = lsrif(["score", example("travel-guide.lsr"), example("travel-guide.fail.md"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const expected = (0 + 0.25 + 0 + 0.25 * Math.SQRT1_2) / 4;
  assert.ok(Math.abs(JSON.parse(r.stdout).score - expected) < 1e-12);
  // --flat: applicable leaves title 0, words 1, highlights 0, placeholders 0, postscript 1 -> 2/5
  const flat = JSON.parse(lsrif(["score", example("travel-guide.lsr"), example("travel-guide.fail.md"), "--json", "--flat"]).stdout);
  assert.equal(flat.score, 2 / 5);
  // --gamma 1: plain mean of the steps (0 + 0.5 + 0 + 1) / 4
  const g1 = JSON.parse(lsrif(["score", example("travel-guide.lsr"), example("travel-guide.fail.md"), "--json", "--gamma", "1"]).stdout);
  assert.equal(g1.score, 1.5 / 4);
});

test("score reads the response from stdin with -", () => {
  const r = lsrif(["score", example("travel-guide.lsr"), "-", "--json"], readFileSync(example("travel-guide.pass.md"), "utf8"));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).score, 1);
});

test("soft constraints without a judge: unjudged, complete false", () => {
  const r = lsrif(["score", example("figure1.lsr"), example("travel-guide.pass.md"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.complete, false);
  assert.ok(out.summary.unjudged > 0);
});

test("check: file:line:col: severity code message, exit 1 on errors", () => {
  const bad = file("bad.lsr", "first no_coma\nthen words(relation: \"at least\")\n");
  const r = lsrif(["check", bad]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:1:7: error LSR010 Unknown constraint 'no_coma'`));
  assert.match(r.stdout, /:2:11: error LSR012 /);
  const json = JSON.parse(lsrif(["check", bad, "--json"]).stdout);
  assert.deepEqual(json.map((d: { code: string }) => d.code), ["LSR010", "LSR012"]);
  assert.equal(lsrif(["check", example("travel-guide.lsr")]).code, 0);
});

test("unusable input: exit 2, a clear message, no stack trace", () => {
  const missing = lsrif(["score", join(tmp, "nope.lsr"), example("travel-guide.pass.md")]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.lsr: cannot read: no such file/);
  assert.doesNotMatch(missing.stderr, /at .*\.js:\d+/);
  const broken = lsrif(["score", file("broken.lsr", "first { no_comma\n"), example("travel-guide.pass.md")]);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.lsr:\d+:\d+: error LSR001/);
  const badGamma = lsrif(["score", example("travel-guide.lsr"), example("travel-guide.pass.md"), "--gamma", "2"]);
  assert.equal(badGamma.code, 2);
  assert.match(badGamma.stderr, /--gamma must be a number between 0 and 1/);
  const unknown = lsrif(["frobnicate"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  const badJson = lsrif(["score", file("bad.json", '{"prompt": "x", "composite_constraints": [\n  {"composite_constraint": {"type": "Loop"}}]}'), example("travel-guide.pass.md")]);
  assert.equal(badJson.code, 2);
  assert.match(badJson.stderr, /bad\.json:\d+:\d+: error/);
});

test("export then import keeps the structure and every constraint", () => {
  const json = file("travel.json", lsrif(["export", example("travel-guide.lsr")]).stdout);
  const back = lsrif(["import", json]);
  assert.equal(back.code, 0, back.stderr);
  const lsr = file("travel-back.lsr", back.stdout);
  assert.equal(lsrif(["check", lsr]).code, 0);
  const a = JSON.parse(lsrif(["score", example("travel-guide.lsr"), example("travel-guide.fail.md"), "--json"]).stdout);
  const b = JSON.parse(lsrif(["score", lsr, example("travel-guide.fail.md"), "--json"]).stdout);
  assert.equal(b.score, a.score);
  assert.deepEqual(JSON.parse(lsrif(["export", lsr]).stdout), JSON.parse(readFileSync(json, "utf8")));
});

test("render prints the natural-language instruction", () => {
  const r = lsrif(["render", example("travel-guide.lsr")]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Kyoto/);
  assert.match(r.stdout, /first/i);
});
