// The heap growth bound of lsrif's scoring processes (server/src/util/heap-growth.ts) yields to
// a growth the user chose, and leaves a process working with the flag set.

import assert from "node:assert/strict";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { heapGrowthGiven } from "../../../server/src/util/heap-growth.js";

test("a heap growth given on node's command line or in NODE_OPTIONS is the user's", () => {
  assert.equal(heapGrowthGiven([], undefined), false);
  assert.equal(heapGrowthGiven(["--max-old-space-size=4096"], "--enable-source-maps"), false);
  assert.equal(heapGrowthGiven(["--heap-growing-percent=80"], undefined), true);
  assert.equal(heapGrowthGiven([], "--max-old-space-size=8192 --heap_growing_percent=30"), true);
});

test("a process that bounded its heap growth still allocates and collects", () => {
  const module = join(__dirname, "../../../server/src/util/heap-growth.js");
  const script = `require(${JSON.stringify(module)}).boundHeapGrowth(); let keep = []; for (let i = 0; i < 200; i++) { keep.push("x".repeat(1 << 20) + i); if (keep.length > 4) keep.shift(); } console.log(keep.length)`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout.trim(), "4");
});
