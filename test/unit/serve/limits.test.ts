// Auth, body limits, malformed bodies, the in-flight cap, draining and the bind
// rule of `lsrif serve`, against real servers on port 0.

import assert from "node:assert/strict";
import { test } from "node:test";
import { runServe } from "../../../server/src/cli/commands/serve.js";
import { CliError } from "../../../server/src/cli/io.js";
import { createJudge } from "../../../server/src/judge/settings.js";
import { isLoopbackHost } from "../../../server/src/serve/server.js";
import { startLoopbackJudge } from "../../helpers/loopback-judge.js";
import { startTestServer } from "./harness.js";

const TOKEN = "s3cret-serve-token";

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

test("with LSRIF_SERVE_TOKEN: missing or wrong bearer -> 401 everywhere but /health", async () => {
  const server = await startTestServer({ token: TOKEN });
  try {
    const item = { instruction_id: "hard", response: "hello world" };
    assert.equal((await server.get("/health")).status, 200);
    const missing = await server.post("/v1/score", item);
    assert.equal(missing.status, 401);
    assert.match(missing.body.error, /bearer token/);
    assert.equal((await server.post("/v1/score", item, { authorization: `Bearer ${TOKEN}x` })).status, 401);
    assert.equal((await server.post("/v1/score", item, { authorization: TOKEN })).status, 401);
    assert.equal((await server.post("/get_reward", { query: [] }, { authorization: "Bearer " })).status, 401);
    assert.equal((await server.get("/metrics")).status, 401);
    const ok = await server.post("/v1/score", item, { authorization: `Bearer ${TOKEN}` });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.reward.score, 1);
    assert.equal((await server.get("/metrics", { authorization: `Bearer ${TOKEN}` })).status, 200);
    assert.ok(!JSON.stringify(server.logs).includes(TOKEN));
  } finally {
    await server.close();
  }
});

test("no token: a non-loopback --host is refused unless --insecure-no-token", async () => {
  const io = { stdout: () => {}, stderr: () => {}, readStdin: () => "" };
  await assert.rejects(runServe(["--host", "0.0.0.0", "--port", "0"], io, {}), (error: unknown) => {
    assert.ok(error instanceof CliError);
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /refusing to listen on 0\.0\.0\.0 without a token: set LSRIF_SERVE_TOKEN, or pass --insecure-no-token/);
    return true;
  });
  for (const host of ["127.0.0.1", "127.1.2.3", "::1", "localhost"]) assert.ok(isLoopbackHost(host), host);
  for (const host of ["0.0.0.0", "::", "10.0.0.1", "example.com", "128.0.0.1"]) assert.ok(!isLoopbackHost(host), host);
  await assert.rejects(runServe(["--soft-value", "half"], io, {}), /--soft-value must be binary or probability/);
  await assert.rejects(runServe(["--fallback-score", "2"], io, {}), /--fallback-score must be a number between 0 and 1/);
});

test("a body over --body-limit is a 413 with a message", async () => {
  const server = await startTestServer({ bodyLimit: 1000 });
  try {
    const res = await server.post("/v1/score", { instruction_id: "hard", response: "x".repeat(2000) });
    assert.equal(res.status, 413);
    assert.equal(res.body.error, "the request body is larger than 1000 bytes (--body-limit)");
    assert.equal((await server.post("/v1/score", { instruction_id: "hard", response: "hello world" })).status, 200);
  } finally {
    await server.close();
  }
});

test("malformed JSON and schema-invalid bodies are a 400 with a message", async () => {
  const server = await startTestServer();
  try {
    const broken = await server.post("/v1/score", '{"instruction_id": "hard", "response": ');
    assert.equal(broken.status, 400);
    assert.match(broken.body.error, /^malformed JSON body: /);
    const invalid = await server.post("/v1/score", { instruction_id: "hard", response: 3, gamma: 2 });
    assert.equal(invalid.status, 400);
    assert.match(invalid.body.error, /^invalid body: response: .*; gamma: /);
    const batch = await server.post("/v1/score_batch", { item: [] });
    assert.equal(batch.status, 400);
    assert.match(batch.body.error, /^invalid body: items: /);
    const reward = await server.post("/get_reward", { query: "not a list" });
    assert.equal(reward.status, 400);
  } finally {
    await server.close();
  }
});

test("beyond --max-in-flight a request gets 503; the one in flight finishes", async () => {
  const judgeServer = await startLoopbackJudge({ latencyMs: 1500 });
  const judge = createJudge({ baseUrl: judgeServer.chatBaseUrl, model: "m" });
  const server = await startTestServer({ judge, maxInFlight: 1 });
  try {
    const first = server.post("/v1/score", { instruction_id: "sequence", response: "A keeper lives here." });
    await until(() => judgeServer.requests.length > 0);
    const second = await server.post("/v1/score", { instruction_id: "hard", response: "hello world" });
    assert.equal(second.status, 503);
    assert.equal(second.body.error, "too many requests in flight (--max-in-flight 1)");
    assert.equal((await server.get("/health")).status, 200);
    // The gauge is read at scrape time: one request in flight now (/metrics itself is not counted).
    const inFlight = (text: string) => Number(/^lsrif_requests_in_flight (\d+)$/m.exec(text)?.[1]);
    assert.equal(inFlight((await server.get("/metrics")).text), 1);
    const done = await first;
    assert.equal(done.status, 200);
    assert.equal(done.body.reward.error, 0);
    // The count drops when the reply's socket write closes, which may follow the client's read by a moment.
    await until(async () => inFlight((await server.get("/metrics")).text) === 0);
  } finally {
    await server.close();
    judge.dispose();
    await judgeServer.close();
  }
});

test("stop() drains: the request in flight finishes, new ones get 503, then the server closes", async () => {
  const judgeServer = await startLoopbackJudge({ latencyMs: 1500 });
  const judge = createJudge({ baseUrl: judgeServer.chatBaseUrl, model: "m" });
  const server = await startTestServer({ judge });
  try {
    const first = server.post("/v1/score", { instruction_id: "sequence", response: "A keeper lives here." });
    await until(() => judgeServer.requests.length > 0);
    const stopped = server.stop();
    const late = await server.post("/v1/score", { instruction_id: "hard", response: "hello world" });
    assert.equal(late.status, 503);
    assert.equal(late.body.error, "the server is shutting down");
    const done = await first;
    assert.equal(done.status, 200);
    // Every soft verdict is YES by default: r = [1, 1, 1] -> 1.
    assert.equal(done.body.reward.score, 1);
    await stopped;
    await assert.rejects(fetch(server.url + "/health"));
    assert.deepEqual(server.logs.filter((e) => e.event === "draining" || e.event === "stopped").map((e) => e.event), ["draining", "stopped"]);
  } finally {
    await server.close();
    judge.dispose();
    await judgeServer.close();
  }
});
