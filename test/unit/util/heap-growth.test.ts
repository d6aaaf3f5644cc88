// The heap growth bound of lsrif's scoring processes (server/src/util/heap-growth.ts) yields to
// a growth the user chose, and leaves a process working with the flag set.

import assert from "node:assert/strict";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { heapGrowthGiven } from "../../../server/src/util/heap-growth.js";

test("a heap growth given on node's command line is the user's; Node refuses it in NODE_OPTIONS", () => {
  assert.equal(heapGrowthGiven([]), false);
  assert.equal(heapGrowthGiven(["--max-old-space-size=4096"]), false);
  assert.equal(heapGrowthGiven(["--heap-growing-percent=80"]), true);
  assert.equal(heapGrowthGiven(["--heap_growing_percent=30"]), true);
  // Why NODE_OPTIONS is not read: a process started with the flag there does not run.
  const refused = spawnSync(process.execPath, ["-e", "0"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "--heap-growing-percent=30" } });
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /not allowed in NODE_OPTIONS/);
});

test("a process that bounded its heap growth still allocates and collects", () => {
  const module = join(__dirname, "../../../server/src/util/heap-growth.js");
  const script = `require(${JSON.stringify(module)}).boundHeapGrowth(); let keep = []; for (let i = 0; i < 200; i++) { keep.push("x".repeat(1 << 20) + i); if (keep.length > 4) keep.shift(); } console.log(keep.length)`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), "4");
});
