// `lsrif generate` as a user runs it: determinism, resume after a kill (to the same files as a clean run), the
// llm proposer against a scripted loopback chat endpoint (good JSON, malformed JSON, a contradiction, unknown ids,
// a reply fixed by the re-ask), and errors with file and line.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { chatCompletionBody, startLoopbackJudge, type LoopbackJudge } from "../../helpers/loopback-judge.js";
import { lsrif, root, tempDir, writeFile } from "../cli-batch/run-cli.js";

const seedsText = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `s${i}`, prompt: `Write a short note about topic number ${i}.` })).join("\n") + "\n";
const lines = (path: string) => readFileSync(path, "utf8").split("\n").filter((l) => l !== "");

describe("lsrif generate --proposer sample", () => {
  it("gives byte-identical files for the same seed and writes a summary", async () => {
    const dir = tempDir("lsrif-gen-");
    const seeds = writeFile(dir, "seeds.jsonl", seedsText(20));
    const a = await lsrif(["generate", "--seeds", seeds, "--out", join(dir, "a.jsonl"), "--seed", "3", "--summary-json", join(dir, "a.json")]);
    const b = await lsrif(["generate", "--seeds", seeds, "--out", join(dir, "b.jsonl"), "--seed", "3"]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(readFileSync(join(dir, "a.jsonl"), "utf8"), readFileSync(join(dir, "b.jsonl"), "utf8"));
    const rows = lines(join(dir, "a.jsonl")).map((l) => JSON.parse(l));
    const rejects = lines(join(dir, "a.rejects.jsonl")).map((l) => JSON.parse(l));
    const summary = JSON.parse(readFileSync(join(dir, "a.json"), "utf8"));
    // 3 instructions per seed unless 12 draws could not find 3 acceptable ones.
    assert.equal(rows.length, 60);
    assert.equal(summary.accepted, 60);
    assert.equal(summary.rejected, rejects.length);
    assert.equal(Object.values(summary.byStructure as Record<string, number>).reduce((x, y) => x + y, 0), 60);
    assert.deepEqual(Object.keys(rows[0]).slice(0, 3), ["prompt", "composite_constraints", "id"]);
    assert.equal(rows[0].seed_id, "s0");
    assert.equal(rows[0].provenance.proposer, "sample");
  });

  it("a dataset it writes is scored by score-batch without conversion", async () => {
    const dir = tempDir("lsrif-gen-");
    const seeds = writeFile(dir, "seeds.jsonl", seedsText(2));
    const out = join(dir, "d.jsonl");
    assert.equal((await lsrif(["generate", "--seeds", seeds, "--out", out])).code, 0);
    const ids = lines(out).map((l) => JSON.parse(l).id as string);
    writeFile(dir, "r.jsonl", ids.map((id) => JSON.stringify({ id: `${id}-r`, instruction: id, response: "hello" })).join("\n") + "\n");
    const scored = await lsrif(["score-batch", "--instructions", out, "--in", join(dir, "r.jsonl"), "--out", join(dir, "s.jsonl")]);
    assert.ok(scored.code === 0 || scored.code === 1, scored.stderr);
    assert.equal(lines(join(dir, "s.jsonl")).length, ids.length);
  });

  it("resumes a run cut mid-seed (a half-written line, a seed with rows but no rejects) to the clean run's files", async () => {
    const dir = tempDir("lsrif-gen-");
    const seeds = writeFile(dir, "seeds.jsonl", seedsText(12));
    const clean = join(dir, "clean.jsonl");
    assert.equal((await lsrif(["generate", "--seeds", seeds, "--out", clean, "--seed", "9", "--max-per-type", "4"])).code, 0);
    const cleanRows = lines(clean);
    const cleanRejects = lines(join(dir, "clean.rejects.jsonl"));
    // Keep the rows of the first 5 seeds and half of the 6th seed's first row; keep no rejects of seed 5.
    const cut = cleanRows.findIndex((l) => JSON.parse(l).seed_id === "s5");
    const cutOut = join(dir, "cut.jsonl");
    writeFileSync(cutOut, cleanRows.slice(0, cut).join("\n") + "\n" + cleanRows[cut].slice(0, 40));
    writeFileSync(join(dir, "cut.rejects.jsonl"), cleanRejects.filter((l) => Number(JSON.parse(l).seed_id.slice(1)) < 5).map((l) => l + "\n").join(""));
    const resumed = await lsrif(["generate", "--seeds", seeds, "--out", cutOut, "--seed", "9", "--max-per-type", "4"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, /4 seeds from an earlier run/);
    assert.equal(readFileSync(cutOut, "utf8"), readFileSync(clean, "utf8"));
    assert.equal(readFileSync(join(dir, "cut.rejects.jsonl"), "utf8"), readFileSync(join(dir, "clean.rejects.jsonl"), "utf8"));
  });

  it("resumes after kill -9 to the clean run's files", async () => {
    const dir = tempDir("lsrif-gen-");
    const seeds = writeFile(dir, "seeds.jsonl", seedsText(400));
    const clean = join(dir, "clean.jsonl");
    assert.equal((await lsrif(["generate", "--seeds", seeds, "--out", clean, "--near-dedupe", "0.9"])).code, 0);
    const killed = join(dir, "killed.jsonl");
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [join(root, "bin/lsrif.js"), "generate", "--seeds", seeds, "--out", killed, "--near-dedupe", "0.9"], { stdio: "ignore" });
      // Kill once the first rows are on disk (polling the file), so the kill lands mid-run.
      const poll = setInterval(() => {
        let size = 0;
        try { size = readFileSync(killed, "utf8").length; } catch { /* not yet created */ }
        if (size > 20_000) { clearInterval(poll); child.kill("SIGKILL"); }
      }, 5);
      child.on("close", () => { clearInterval(poll); resolve(); });
    });
    const partial = lines(killed).length;
    const resumed = await lsrif(["generate", "--seeds", seeds, "--out", killed, "--near-dedupe", "0.9"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.ok(partial < lines(clean).length, `the kill came after the run finished (${partial} rows)`);
    assert.equal(readFileSync(killed, "utf8"), readFileSync(clean, "utf8"));
    assert.equal(readFileSync(join(dir, "killed.rejects.jsonl"), "utf8"), readFileSync(join(dir, "clean.rejects.jsonl"), "utf8"));
  });

  it("bad input: a seeds line that is not a seed, an unknown proposer, llm without an endpoint", async () => {
    const dir = tempDir("lsrif-gen-");
    const seeds = writeFile(dir, "seeds.jsonl", '{"id": "a", "prompt": "One."}\n{"id": "b"}\n');
    const bad = await lsrif(["generate", "--seeds", seeds, "--out", join(dir, "o.jsonl")]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, `lsrif: ${seeds}:2: prompt: Invalid input: expected string, received undefined (a seed line is {"id": "...", "prompt": "..."})\n`);
    const good = writeFile(dir, "good.txt", "One.\n");
    assert.equal((await lsrif(["generate", "--seeds", good, "--out", join(dir, "o.jsonl"), "--proposer", "gpt"])).stderr, "lsrif: --proposer must be sample or llm (got 'gpt')\n");
    assert.match((await lsrif(["generate", "--seeds", good, "--out", join(dir, "o.jsonl"), "--proposer", "llm"])).stderr, /--proposer llm needs a chat endpoint/);
  });
});

describe("lsrif generate --proposer llm (scripted loopback endpoint)", () => {
  let endpoint: LoopbackJudge;
  const composite = (type: string, ...subs: unknown[]) => ({ type, sub_constraints: Object.fromEntries(subs.map((s, i) => [`c${i + 1}`, s])) });
  const noComma = { constraint: "Do not use commas.", instruction_id: "punctuation:no_comma", kwargs: {} };
  const quoted = { constraint: "Wrap the answer in double quotes.", instruction_id: "startend:quotation", kwargs: {} };
  const warm = { constraint: "Keep a warm tone.", category: "tone" };
  const lower = { constraint: "All lowercase.", instruction_id: "change_case:english_lowercase", kwargs: {} };
  const upper = { constraint: "All capitals.", instruction_id: "change_case:english_capital", kwargs: {} };
  /** The reply for each seed by the seed's text, and the re-ask's reply. */
  const replies: Record<string, string> = {
    "Good seed.": JSON.stringify({ composite_constraints: [composite("And", noComma, warm), composite("Chain", quoted, warm)] }),
    "Malformed seed.": "Sure! Here are some constraints: none.",
    "Contradictory seed.": JSON.stringify({ composite_constraints: [composite("And", lower, upper)] }),
    "Unknown-id seed.": JSON.stringify({ composite_constraints: [composite("And", { constraint: "Rhyme.", instruction_id: "poetry:rhyme", kwargs: {} }, warm)] }),
    "Reask seed.": JSON.stringify({ composite_constraints: [composite("And", { ...noComma, instruction_id: "no_commaa" }, warm)] }),
  };
  const reaskReply = JSON.stringify({ composite_constraints: [composite("And", noComma, quoted)] });

  before(async () => {
    endpoint = await startLoopbackJudge({
      handle: (request) => {
        const messages = (request.body as { messages: { role: string; content: string }[] }).messages;
        if (messages.length > 2) {
          // A re-ask: the Unknown-id seed's model repeats its mistake; the Reask seed's model fixes it.
          const seed = messages[1].content.split("\n")[1];
          return { body: chatCompletionBody(seed === "Reask seed." ? reaskReply : replies[seed] ?? "{}") };
        }
        const seed = messages[1].content.split("\n")[1];
        return { body: chatCompletionBody(replies[seed] ?? "{}") };
      },
    });
  });
  after(() => endpoint.close());

  it("keeps good composites, re-asks once about bad ones, and rejects with a reason what stays bad", async () => {
    const dir = tempDir("lsrif-gen-");
    const seeds = writeFile(dir, "seeds.txt", Object.keys(replies).join("\n") + "\n");
    const out = join(dir, "o.jsonl");
    const args = ["generate", "--seeds", seeds, "--out", out, "--proposer", "llm", "--proposer-url", endpoint.chatBaseUrl, "--proposer-model", "m", "--cache-dir", join(dir, "cache")];
    const run = await lsrif(args, { LSRIF_JUDGE_API_KEY: "secret-key-1" });
    assert.equal(run.code, 0, run.stderr);
    const rows = lines(out).map((l) => JSON.parse(l));
    assert.deepEqual(rows.map((r) => [r.seed_id, r.structure, r.validation.reasked]), [["1", "parallel", false], ["1", "sequential", false], ["5", "parallel", true]]);
    const rejects = lines(join(dir, "o.rejects.jsonl")).map((l) => JSON.parse(l));
    assert.deepEqual(rejects.map((r) => [r.seed_id, r.reason]), [["2", "proposer-error"], ["3", "contradiction"], ["4", "unknown-id"]]);
    assert.deepEqual(rejects[0].messages, ["the reply is not JSON"]);
    assert.equal(rows[0].provenance.model, "m");
    // One request per seed, plus one re-ask each for seeds 3, 4 and 5; the key only in the header.
    assert.equal(endpoint.requests.length, 8);
    for (const r of endpoint.requests) assert.equal(r.headers.authorization, "Bearer secret-key-1");
    assert.ok(!readFileSync(out, "utf8").includes("secret-key-1"));
    // A second run is served from the reply cache: no new request, the same files.
    const before = readFileSync(out, "utf8");
    writeFileSync(out, "");
    writeFileSync(join(dir, "o.rejects.jsonl"), "");
    assert.equal((await lsrif(args, { LSRIF_JUDGE_API_KEY: "secret-key-1" })).code, 0);
    assert.equal(endpoint.requests.length, 8);
    assert.equal(readFileSync(out, "utf8"), before);
  });
});

describe("lsrif generate --probe (scripted loopback endpoint)", () => {
  let endpoint: LoopbackJudge;
  const hard = (id: string) => ({ constraint: id, instruction_id: id, kwargs: {} });
  const proposal = JSON.stringify({ composite_constraints: [
    { type: "And", sub_constraints: { c1: hard("punctuation:no_comma"), c2: hard("change_case:english_lowercase") } },
    { type: "And", sub_constraints: { c1: hard("punctuation:no_comma"), c2: hard("startend:quotation") } },
  ] });
  before(async () => {
    endpoint = await startLoopbackJudge({
      handle: (request) => {
        const messages = (request.body as { messages: { role: string }[] }).messages;
        // The proposer's request has a system message; a probe sends the rendered prompt alone.
        return { body: chatCompletionBody(messages[0].role === "system" ? proposal : "hello world") };
      },
    });
  });
  after(() => endpoint.close());

  it("keeps an instruction some sample meets, drops one no sample meets, and with --drop-easy one all samples meet", async () => {
    const dir = tempDir("lsrif-gen-");
    const seeds = writeFile(dir, "seeds.txt", "Say hello.\n");
    const args = (out: string, ...more: string[]) => ["generate", "--seeds", seeds, "--out", join(dir, out), "--proposer", "llm", "--proposer-url", endpoint.chatBaseUrl,
      "--proposer-model", "m", "--probe", "2", "--no-cache", ...more];
    const first = await lsrif(args("a.jsonl"));
    assert.equal(first.code, 0, first.stderr);
    // "hello world" has no comma and is lowercase (composite 1: both samples pass), but is not quoted (composite 2).
    const rows = lines(join(dir, "a.jsonl")).map((l) => JSON.parse(l));
    assert.deepEqual(rows.map((r) => r.probe), [{ samples: 2, pass_rate: 1, mean_score: 1 }]);
    // Composite 2: no_comma passes, quotation fails: R = (1 + 0) / 2 = 0.5 for each sample.
    assert.deepEqual(lines(join(dir, "a.rejects.jsonl")).map((l) => [JSON.parse(l).candidate, JSON.parse(l).reason]), [[2, "probe-all-fail"]]);
    assert.equal((await lsrif(args("b.jsonl", "--drop-easy"))).code, 0);
    assert.deepEqual(lines(join(dir, "b.jsonl")), []);
    assert.deepEqual(lines(join(dir, "b.rejects.jsonl")).map((l) => JSON.parse(l).reason), ["probe-all-pass", "probe-all-fail"]);
  });
});
