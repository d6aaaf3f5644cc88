// The help text is declared once (server/src/cli/usage.ts): every command answers `--help` with its own block,
// and README.md's command list names exactly the commands the CLI has.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { run } from "../../../server/src/cli/main.js";
import { COMMAND_USAGE, commandHelp, isCommand } from "../../../server/src/cli/usage.js";

const ROOT = join(__dirname, "../../../..");

async function help(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await run(args, { stdout: (t) => { out += t; }, stderr: () => undefined, readStdin: () => "" });
  return { code, out };
}

test("every command answers --help and -h with its usage block and exit 0", async () => {
  for (const name of Object.keys(COMMAND_USAGE)) {
    assert.ok(isCommand(name));
    for (const flag of ["--help", "-h"]) {
      const { code, out } = await help([name, flag]);
      assert.equal(code, 0, `${name} ${flag}`);
      assert.equal(out, commandHelp(name));
      assert.ok(out.startsWith(`Usage:\n  lsrif ${name} `), out.slice(0, 80));
    }
  }
});

test("score --help names the judge flags; check --help does not", async () => {
  assert.match((await help(["score", "--help"])).out, /--judge-url URL/);
  assert.doesNotMatch((await help(["check", "--help"])).out, /--judge-url/);
});

test("README's command list and the CLI's commands are the same set", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /## The command line\n\n```\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, "README has a command block under '## The command line'");
  const listed = new Set([...block[1].matchAll(/^lsrif ([a-z-]+)/gm)].map((m) => m[1]));
  assert.deepEqual([...listed].sort(), Object.keys(COMMAND_USAGE).sort());
});
