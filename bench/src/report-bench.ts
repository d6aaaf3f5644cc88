// `lsrif report` on a generated scores file: N lines made from the report fixture's
// 18 score lines (ids renamed; an instruction id spans 144 lines: groups of 8-32), each run in a fresh
// process so its peak memory (maxRSS) is its own. Linear time and bounded memory mean
// 10x the lines take ~10x the time and about the same memory.

import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../../..");

export function writeScoresFile(path: string, lines: number): number {
  const templates = readFileSync(join(root, "test/fixtures/report/scores-before.jsonl"), "utf8").split("\n").filter(Boolean).map((t) => JSON.parse(t) as { id: string; instruction: string });
  const fd = openSync(path, "w");
  let bytes = 0;
  try {
    let chunk = "";
    for (let i = 0; i < lines; i++) {
      const t = templates[i % templates.length];
      chunk += JSON.stringify({ ...t, id: `r${i}`, instruction: `${t.instruction}-${Math.floor(i / (8 * templates.length))}` }) + "\n";
      if (chunk.length > 1 << 20) {
        bytes += writeSync(fd, chunk);
        chunk = "";
      }
    }
    bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

export interface ReportRun {
  lines: number;
  megabytes: number;
  /** Wall time; the machine is shared, so the CPU time is given too. */
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

/** Builds the report (HTML with charts) of `lines` generated lines in a child process. */
export function benchReport(lines: number): ReportRun {
  const dir = mkdtempSync(join(tmpdir(), "lsrif-report-bench-"));
  try {
    const file = join(dir, "scores.jsonl");
    const bytes = writeScoresFile(file, lines);
    const script = `
      const { buildReport, renderReport } = require(${JSON.stringify(join(root, "out/server/src/report/render.js"))});
      const start = performance.now();
      buildReport([${JSON.stringify(file)}], []).then((r) => renderReport(r, "html")).then((html) => {
        const ms = performance.now() - start;
        if (!html.includes("<svg")) throw new Error("no charts");
        const cpu = process.cpuUsage();
        console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
      });`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`report bench child failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split("\n").pop() as string) as { ms: number; cpuMs: number; maxRssMb: number };
    return { lines, megabytes: bytes / 1e6, ...out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
