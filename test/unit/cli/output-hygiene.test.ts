// Issue 9 items 10, 13, 14 and 15 at the command line: one diagnostic per line with no
// control characters, a capped `check --json`, a quiet exit when the reader of stdout goes
// away (`| head -1`), and import errors in check's `file:line:col: error CODE message` form.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const root = join(__dirname, "../../../..");
const bin = join(root, "bin/lsrif.js");
const tmp = mkdtempSync(join(tmpdir(), "lsrif-hygiene-"));
function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}
function lsrif(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DIAGNOSTIC_LINE = /^[^:]+:\d+:\d+: (error|warning|info|hint) LSR\d{3} /;

test("item 13: hostile source text gives exactly one printed line per diagnostic, without control characters", () => {
  const path = file("hostile.lsr", `"""a\nb""" no_comma\n\u001b]0;title\u0007\n${"z".repeat(200_000)}\n`);
  const r = lsrif(["check", path, "--json"]);
  assert.equal(r.code, 1, r.stderr);
  const diagnostics = JSON.parse(r.stdout) as { message: string }[];
  const text = lsrif(["check", path]);
  const lines = text.stdout.trimEnd().split("\n");
  // One line per diagnostic plus the summary line.
  assert.equal(lines.length, diagnostics.length + 1);
  for (const line of lines.slice(0, -1)) assert.match(line, DIAGNOSTIC_LINE);
  // eslint-disable-next-line no-control-regex -- the test looks for control characters
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text.stdout), "no control character but the line breaks");
  assert.ok(lines.every((line) => line.length < 1200), "the 200,000-character name is cut");
});

test("item 10: check --json on 50,000 stray braces prints 1,001 entries and exits 1", () => {
  const r = lsrif(["check", file("braces.lsr", "}".repeat(50_000)), "--json"]);
  assert.equal(r.code, 1);
  const diagnostics = JSON.parse(r.stdout) as { code: string; message: string }[];
  assert.equal(diagnostics.length, 1001);
  assert.equal(diagnostics[1000].code, "LSR098");
  assert.match(diagnostics[1000].message, /49000 more/);
});

test("item 14: `lsrif check … | head -1` exits quietly when the reader goes away", async () => {
  const path = file("many.lsr", "}".repeat(5_000) + "\n" + "x\n".repeat(5_000));
  for (const args of [["check", path], ["check", path, "--json"], ["help"]]) {
    const result = await new Promise<{ code: number | null; stderr: string; got: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      let got = 0;
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      // Like `head -c 1`: read the first chunk, then close the pipe.
      child.stdout.once("data", (chunk: Buffer) => {
        got = chunk.length;
        child.stdout.destroy();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr, got }));
    });
    assert.ok(result.got > 0);
    assert.equal(result.stderr, "", `${args.join(" ")}: ${result.stderr}`);
    assert.ok(result.code === 0 || result.code === 1, `${args.join(" ")}: exit ${result.code}`);
  }
});

test("item 15: import errors carry a code, in the same format as check's", () => {
  const path = file("bad.json", JSON.stringify({ composite_constraints: [{ composite_constraint: { type: "And", sub_constraints: { c1: { constraint: "x", instruction_id: "nope:\u001bnope" } } } }] }, null, 2));
  const imported = lsrif(["import", path]);
  assert.equal(imported.code, 2);
  const errorLines = imported.stderr.trimEnd().split("\n").filter((line) => line.startsWith(path));
  assert.equal(errorLines.length, 1);
  assert.match(errorLines[0], /^.+:\d+:\d+: error LSR100 composite_constraints\[0\]\.composite_constraint\.sub_constraints\.c1\.instruction_id: unknown instruction_id 'nope:\\u001bnope'/);
  // check prints the very same line for the same file.
  const checked = lsrif(["check", path]);
  assert.equal(checked.stdout.split("\n")[0], errorLines[0]);
});
