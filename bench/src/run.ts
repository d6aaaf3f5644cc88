// `npm run bench`: every speed target, each measured beside its baseline in one run.
// Prints one table; record the figures in docs/benchmarks.md with this command.

import { benchIfeval, benchParse, benchResponseSize } from "./core-bench.js";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { benchCheckShapes, benchJsonImportErrors, benchLimitedAnswers, benchSymbols } from "./hostile-bench.js";
import { benchHighlights, benchSemanticTokens } from "./request-bench.js";
import { benchJudge } from "./judge-bench.js";
import { benchDegenerate, benchMemory } from "./degenerate-bench.js";
import { benchIfbench } from "./ifbench-bench.js";
import { benchLsp, serverStartMs } from "./lsp-bench.js";
import { benchReport } from "./report-bench.js";
import { benchServe } from "./serve-bench.js";
import { benchScopes } from "./scope-bench.js";

const rows: [string, string, string][] = [];
const root = join(__dirname, "../../..");
const fmt = (x: number, digits = 2) => x.toFixed(digits);

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);

  if (want("parse")) {
    const p = benchParse();
    rows.push(["parse+validate 1 MB .lsr (MB/s)", fmt(p.lsrMBps), `JSON grammar ${fmt(p.jsonMBps)} MB/s; ratio ${fmt(p.ratio)} (target >= 0.70)`]);
  }
  if (want("ifeval")) {
    const i = benchIfeval();
    rows.push(["IFEval 541 responses strict + loose (ms)", fmt(i.bothMs, 1), `strict ${fmt(i.strictMs, 1)}, loose ${fmt(i.looseMs, 1)}; target < 500; official Python 780`]);
  }
  if (want("ifbench")) {
    const b = benchIfbench();
    rows.push(["IFBench 294 responses strict + loose (ms)", fmt(b.bothMs, 1), `strict ${fmt(b.strictMs, 1)}, loose ${fmt(b.looseMs, 1)}; no official timing recorded`]);
  }
  if (want("size")) {
    const s = await benchResponseSize();
    rows.push(["score 10 MB vs 1 MB response (ratio)", fmt(s.ratio), `1 MB ${fmt(s.oneMbMs, 0)} ms, 10 MB ${fmt(s.tenMbMs, 0)} ms; linear is ~10`]);
  }
  if (want("degenerate")) {
    const d = benchDegenerate();
    for (const [shape, cell] of d.worstByShape) {
      rows.push([`hard checkers, 1 MB of ${shape}, loose: worst (x prose)`, fmt(cell.ratio), `${cell.type} ${fmt(cell.ms, 0)} ms (target <= 3)`]);
    }
    rows.push(["hard checkers, 1 MB of prose, loose: all of them (total ms)", fmt(d.proseTotalMs, 0), `worst cell overall ${d.worst.type} on ${d.worst.shape}: x${fmt(d.worst.ratio)}`]);
    if (only.includes("degenerate")) for (const c of d.cells) console.error(`${c.type}\t${c.shape}\t${fmt(c.ms, 1)} ms\tx${fmt(c.ratio)}`);
  }
  if (want("memory")) {
    for (const m of benchMemory()) {
      rows.push([`peak RSS, 16 MB of ${m.shape}, all hard checkers (x size)`, fmt(m.ratio, 1), `${fmt(m.peakRssMb, 0)} MB, ${fmt(m.ms / 1000, 1)} s CPU (target <= 20)`]);
    }
  }
  if (want("scopes")) {
    const s = await benchScopes();
    rows.push(["score with scopes, 10 MB vs 1 MB (ratio)", fmt(s.ratio), `1 MB ${fmt(s.oneMbMs, 0)} ms, 10 MB ${fmt(s.tenMbMs, 0)} ms; linear is ~10`]);
  }
  if (want("lsp")) {
    const l = await benchLsp();
    rows.push(["10,000-line .lsr: edit to diagnostics (ms)", `${fmt(l.lsrEditToDiagnosticsMedianMs, 1)} / p95 ${fmt(l.lsrEditToDiagnosticsP95Ms, 1)}`,
      `JSON service ${fmt(l.jsonEditToDiagnosticsMedianMs, 1)} / p95 ${fmt(l.jsonEditToDiagnosticsP95Ms, 1)} (target: not slower)`]);
    rows.push(["hover / completion p95 (ms)", `${fmt(l.lsrHoverP95Ms, 2)} / ${fmt(l.lsrCompletionP95Ms, 2)}`,
      `JSON service ${fmt(l.jsonHoverP95Ms, 2)} / ${fmt(l.jsonCompletionP95Ms, 2)}`]);
    const bundle = "dist/server/server.js";
    const bundled = existsSync(join(root, bundle)) ? `bundle ${fmt(await serverStartMs(bundle), 0)} ms` : "bundle not built (npm run bundle)";
    rows.push(["server start to initialize answer (ms)", bundled, `unbundled bin ${fmt(l.serverStartToReadyMs, 0)} ms (target < 300)`]);
  }
  if (want("vsix")) {
    const dir = mkdtempSync(join(tmpdir(), "lsrif-vsix-"));
    const out = join(dir, "lsrif.vsix");
    const r = spawnSync("npx", ["vsce", "package", "--no-dependencies", "-o", out], { cwd: root, encoding: "utf8" });
    rows.push([".vsix size (MB)", r.status === 0 ? fmt(statSync(out).size / 1e6) : "failed", "target < 2"]);
    rmSync(dir, { recursive: true, force: true });
  }
  if (want("judge")) {
    const j = await benchJudge();
    rows.push(["judge 1,000 verdicts @100 ms, conc. 8 (x ideal)", fmt(j.ratioToIdeal), `${fmt(j.firstRunMs, 0)} ms vs ideal ${fmt(j.idealMs, 0)} ms (target <= 1.10)`]);
    rows.push(["judge re-run from cache (speed-up)", fmt(j.cacheSpeedup, 0), `${fmt(j.cachedRunMs, 0)} ms (target >= 50x)`]);
  }
  if (want("serve")) {
    const s = await benchServe();
    rows.push([`serve: GRPO step ${s.items} items via /v1/score_batch (x in-process)`, fmt(s.batchRatio), `${fmt(s.batchMs, 0)} ms vs in-process ${fmt(s.inProcessMs, 0)} ms (target <= 1.5); CPU ${fmt(s.batchCpuMs, 0)} vs ${fmt(s.inProcessCpuMs, 0)} ms`]);
    rows.push([`serve: the same via /v1/score_batch with detail full (x in-process)`, fmt(s.batchFullMs / s.inProcessMs), `${fmt(s.batchFullMs, 0)} ms (report only: the result tree of every item)`]);
    rows.push([`serve: ${s.items} concurrent one-item /get_reward (x in-process)`, fmt(s.oneItemRatio), `${fmt(s.oneItemMs, 0)} ms (target <= 3); CPU ${fmt(s.oneItemCpuMs, 0)} ms`]);
    rows.push([`serve: ${s.softVerdicts} soft verdicts @100 ms, conc. 64 (x ideal)`, fmt(s.softRatio), `${fmt(s.softMs, 0)} ms vs ideal ${fmt(s.softIdealMs, 0)} ms (target <= 1.10); CPU ${fmt(s.softCpuMs, 0)} ms`]);
    rows.push(["serve: classifier --judge-batch 32 (requests per verdict)", fmt(s.classifierRequestsPerVerdict, 4), `${s.classifierRequests} requests, ${fmt(s.classifierMs, 0)} ms (target <= 0.0625)`]);
    for (const [label, p] of [["2 KB", s.pool], ["16 KB", s.longPool]] as const) {
      rows.push([`serve: hard checks, ${label} responses, pool of 1 / 2 workers (items/s)`, `${fmt(p.pool1ItemsPerS, 0)} / ${fmt(p.pool2ItemsPerS, 0)}`, `main thread ${fmt(p.mainThreadItemsPerS, 0)} items/s`]);
    }
  }
  if (want("shapes")) {
    const c = benchCheckShapes();
    const others = Object.entries(c.mbps).map(([shape, mbps]) => `${shape} ${fmt(mbps, 1)}`).join("; ");
    rows.push(["check 4 MB, slowest degenerate shape (MB/s, CPU time)", `${fmt(c.slowest.mbps)} (${c.slowest.shape})`, `${others} (target >= 1)`]);
    rows.push(["check 4 MB, slowest degenerate shape (MB/s, wall time)", fmt(Math.min(...Object.values(c.wallMbps))), "the same runs; on a loaded machine mostly waiting for a core"]);
    const j = benchJsonImportErrors();
    rows.push(["JSON import, 500k vs 40k bad items (time ratio)", fmt(j.timeRatio, 1), `${fmt(j.largeMs, 0)} vs ${fmt(j.smallMs, 0)} ms; size ratio ${fmt(j.sizeRatio, 1)} (linear)`]);
    const s = benchSymbols();
    rows.push(["documentSymbol 4 MB vs 100 KB (CPU time ratio)", Object.entries(s).map(([shape, r]) => `${shape} ${fmt(r.ratio, 0)}`).join("; "),
      `linear ~41; 4 MB vs 1 MB ${Object.entries(s).map(([shape, r]) => `${shape} ${fmt(r.ratioFrom1Mb, 1)}`).join(", ")} (linear 4); CPU ms at 100 KB / 1 MB / 4 MB ${Object.entries(s).map(([shape, r]) => `${shape} ${fmt(r.cpuMs.small, 0)} / ${fmt(r.cpuMs.medium, 0)} / ${fmt(r.cpuMs.large, 0)}`).join(", ")}; wall ratio ${Object.entries(s).map(([shape, r]) => `${shape} ${fmt(r.wallRatio, 0)}`).join(", ")}`]);
  }

  // In `shapes` too; `limits` alone runs only these rows.
  if (want("shapes") || only.includes("limits")) {
    const mb = (b: number) => fmt(b / 1e6, b < 1e6 ? 2 : 0);
    const answers = Object.entries(benchLimitedAnswers());
    for (const [feature, label] of [["outline", "documentSymbol"], ["folding", "foldingRange"]] as const) {
      const cells = answers.map(([shape, a]) => [shape, a[feature]] as const);
      const worst = cells.reduce((w, c) => (c[1].whole.cpuMs > w[1].whole.cpuMs ? c : w));
      rows.push([`${label} 4 MB, lsrif.maxItemsComputed 5000 vs none (CPU ms)`, `${fmt(worst[1].capped.cpuMs, 0)} vs ${fmt(worst[1].whole.cpuMs, 0)} (${worst[0]})`,
        cells.map(([shape, c]) => `${shape}: ${c.capped.items} of ${c.whole.items} items, ${mb(c.capped.bytes)} vs ${mb(c.whole.bytes)} MB JSON, ${fmt(c.capped.cpuMs, 0)} vs ${fmt(c.whole.cpuMs, 0)} ms`).join("; ")]);
    }
    const tokens = Object.entries(benchSemanticTokens());
    const slowest = tokens.reduce((w, c) => (c[1].cpuMs > w[1].cpuMs ? c : w));
    rows.push(["semanticTokens/full 4 MB, slowest shape (CPU ms; not capped)", `${fmt(slowest[1].cpuMs, 0)} (${slowest[0]})`,
      tokens.map(([shape, t]) => `${shape} ${fmt(t.cpuMs, 0)} ms, ${mb(t.bytes)} MB`).join("; ")]);
    const h = benchHighlights();
    rows.push([`documentHighlight, a name used ${h.uses.toLocaleString("en-US")} times in 4 MB (CPU ms)`, `${fmt(h.capped.cpuMs, 1)} vs ${fmt(h.whole.cpuMs, 0)}`,
      `lsrif.maxItemsComputed 5000 vs none; ${mb(h.capped.bytes)} vs ${mb(h.whole.bytes)} MB JSON`]);
  }

  if (want("report")) {
    const r = benchReport(100_000);
    rows.push(["lsrif report, 100,000 score lines (s)", fmt(r.ms / 1000), `CPU ${fmt(r.cpuMs / 1000)} s; ${fmt(r.megabytes, 0)} MB file, peak RSS ${fmt(r.maxRssMb, 0)} MB`]);
  }
  // Opt-in (a 1.3 GB file): `npm run bench -- report-1m`.
  if (only.includes("report-1m")) {
    const small = benchReport(100_000);
    const large = benchReport(1_000_000);
    rows.push(["lsrif report, 1,000,000 vs 100,000 lines (CPU time ratio)", fmt(large.cpuMs / small.cpuMs), `CPU ${fmt(large.cpuMs / 1000, 1)} s vs ${fmt(small.cpuMs / 1000, 1)} s, wall ${fmt(large.ms / 1000, 1)} s vs ${fmt(small.ms / 1000, 1)} s (linear ~10); peak RSS ${fmt(large.maxRssMb, 0)} vs ${fmt(small.maxRssMb, 0)} MB`]);
  }

  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ["measure", "value", "beside"][c].length));
  const line = (r: string[]) => `| ${r.map((x, c) => x.padEnd(widths[c])).join(" | ")} |`;
  console.log(line(["measure", "value", "beside"]));
  console.log(line(widths.map((w) => "-".repeat(w))));
  rows.forEach((r) => console.log(line(r)));
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
