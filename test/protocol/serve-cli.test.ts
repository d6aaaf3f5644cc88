// `lsrif serve` as a real process: --port 0 with --port-file, JSON log lines on
// stdout, SIGTERM draining (the request in flight finishes, a new one gets 503,
// exit 0), and LSRIF_SERVE_TOKEN.

import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startLoopbackJudge } from "../helpers/loopback-judge.js";

const root = join(__dirname, "../../..");
const bin = join(root, "bin/lsrif.js");

interface Served {
  child: ChildProcess;
  url: string;
  lines: () => Record<string, unknown>[];
  exited: Promise<number | null>;
}

async function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), "lsrif-serve-cli-"));
  writeFileSync(join(dir, "hard.lsr"), "no_comma\nchange_case:english_lowercase\n");
  writeFileSync(join(dir, "soft.lsr"), 'no_comma\nsoft style "Use a formal tone."\n');
  const portFile = join(dir, "url");
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", "--port-file", portFile, "--instructions", dir, ...args], {
    cwd: root, env: { PATH: process.env.PATH ?? "", HOME: dir, ...env }, stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  while (!existsSync(portFile)) {
    if (child.exitCode !== null) throw new Error(`serve exited early: ${stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const text = readFileSync(portFile, "utf8");
  assert.match(text, /^http:\/\/127\.0\.0\.1:\d+\n$/);
  return { child, url: text.trim(), exited, lines: () => stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { reward: Record<string, number> } };
};

test("serve --port 0 --port-file: the URL in the file and the listening log line agree", async () => {
  const served = await serve([]);
  try {
    const listening = served.lines().find((line) => line.event === "listening");
    assert.equal(listening?.url, served.url);
    const res = await post(`${served.url}/v1/score`, { instruction_id: "hard", response: "hello world" });
    assert.deepEqual(res.body.reward, { score: 1, flat: 1, hard: 1, soft: 0, complete: 1, error: 0 });
  } finally {
    served.child.kill("SIGTERM");
    assert.equal(await served.exited, 0);
  }
});

test("SIGTERM drains: the request in flight finishes, a new one gets 503, exit 0", async () => {
  const judge = await startLoopbackJudge({ latencyMs: 2000 });
  const served = await serve(["--judge-url", judge.chatBaseUrl, "--judge-model", "m", "--no-cache"]);
  try {
    const inFlight = post(`${served.url}/v1/score`, { instruction_id: "soft", response: "Dear sir" });
    while (judge.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    served.child.kill("SIGTERM");
    while (!served.lines().some((line) => line.event === "draining")) await new Promise((resolve) => setTimeout(resolve, 10));
    const late = await post(`${served.url}/v1/score`, { instruction_id: "hard", response: "hello world" });
    assert.equal(late.status, 503);
    const done = await inFlight;
    assert.equal(done.status, 200);
    // no_comma passes, the judge says YES: 1.
    assert.equal(done.body.reward.score, 1);
    assert.equal(await served.exited, 0);
    const events = served.lines().map((line) => line.event);
    assert.deepEqual(events.filter((e) => ["listening", "signal", "draining", "stopped"].includes(e as string)), ["listening", "signal", "draining", "stopped"]);
  } finally {
    served.child.kill("SIGKILL");
    await judge.close();
  }
});

test("LSRIF_SERVE_TOKEN: 401 without the bearer, 200 with it; the token never in the logs", async () => {
  const token = "tok-" + "x".repeat(20);
  const served = await serve([], { LSRIF_SERVE_TOKEN: token });
  try {
    assert.equal((await post(`${served.url}/v1/score`, { instruction_id: "hard", response: "a" })).status, 401);
    assert.equal((await post(`${served.url}/v1/score`, { instruction_id: "hard", response: "a" }, { authorization: `Bearer ${token}` })).status, 200);
    assert.equal((await fetch(`${served.url}/health`)).status, 200);
  } finally {
    served.child.kill("SIGINT");
    assert.equal(await served.exited, 0);
  }
  assert.ok(!JSON.stringify(served.lines()).includes(token));
});
