// Protocol: the soft-constraint judge behind `lsrif.score`, against the real server
// process and a real loopback HTTP judge. Settings come from the client's answer to
// workspace/configuration; the key from the client's answer to lsrif/judgeApiKey.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import { CancellationTokenSource } from "vscode-jsonrpc/node";
import { effectiveJudgeSection, RESTRICTED_JUDGE_KEYS, type InspectedSetting } from "../../server/src/lsp/judge-trust.js";
import type { ScoreNode, ScoreResult } from "../../server/src/scoring/result.js";
import { startLoopbackJudge, type LoopbackJudge } from "../helpers/loopback-judge.js";
import { JudgeSession, waitFor, type JudgeSessionOptions } from "./judge-harness.js";

const POLITE = "The tone is polite.";
const WEATHER = "The response mentions the weather.";
const INSTRUCTION = `prompt "Greet the reader."
first soft style "${POLITE}"
then soft content "${WEATHER}"
finally no_comma
`;
const RESPONSE = "Hello there. I hope you are well.";
const KEY = "sk-test-0123456789abcdef";

/** The soft leaves of a result, in document order. */
function softLeaves(result: ScoreResult): ScoreNode[] {
  const out: ScoreNode[] = [];
  const visit = (node: ScoreNode) => {
    if (node.kind === "soft") out.push(node);
    node.children.forEach(visit);
  };
  visit(result.tree);
  return out;
}

describe("judge in the language server", () => {
  let loopback: LoopbackJudge;
  let cacheDir: string;
  let session: JudgeSession | undefined;
  let n = 0;

  before(async () => {
    loopback = await startLoopbackJudge({ verdicts: { [POLITE]: "YES", [WEATHER]: "NO" }, evidence: { [POLITE]: "Says hello.", [WEATHER]: "No weather." } });
  });
  after(async () => { await loopback.close(); });
  afterEach(async () => {
    await session?.stop();
    session = undefined;
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
    loopback.requests.length = 0;
  });

  const chat = (baseUrl = loopback.chatBaseUrl) => ({ judge: { kind: "chat", baseUrl, model: "loopback-model", concurrency: 4, timeoutMs: 5000 } });

  async function start(lsrif: () => unknown, options: Pick<JudgeSessionOptions, "handlers" | "env"> = {}): Promise<{ s: JudgeSession; uri: string }> {
    cacheDir = mkdtempSync(join(tmpdir(), "lsrif-judge-protocol-"));
    session = await JudgeSession.start({ lsrif, initializationOptions: { judgeCacheDir: cacheDir }, ...options });
    const uri = `file:///judge/doc${++n}.lsr`;
    await session.open(uri, INSTRUCTION);
    return { s: session, uri };
  }

  it("chat judge: exact score, the key only in the Authorization header, second run from the cache", async () => {
    const { s, uri } = await start(() => chat(), { handlers: { "lsrif/judgeApiKey": () => ({ apiKey: KEY }) } });
    const first = await s.score(uri, RESPONSE);
    // Steps r = [1 (polite: YES), 0 (weather: NO), 1 (no comma in the response)] at gamma 0.5:
    // r'1 = 1; r'2 = 0; r'3 = 1 * 0.5^(1-1) * 0.5^(1-0) = 0.5. R = (1 + 0 + 0.5) / 3 = 0.5.
    assert.equal(first.score, 0.5);
    assert.equal(first.complete, true);
    const [polite, weather] = softLeaves(first);
    assert.deepEqual([polite.status, polite.probability, polite.evidence, polite.cached], ["pass", 0.9, "Says hello.", undefined]);
    // The loopback's logprobs: ln 0.1 for YES, ln 0.9 for NO, so P(YES) = 0.1 / (0.1 + 0.9) = 0.1 up to rounding.
    assert.deepEqual([weather.status, weather.evidence], ["fail", "No weather."]);
    assert.ok(Math.abs((weather.probability ?? NaN) - 0.1) < 1e-12, `P(YES) ${weather.probability}`);
    assert.deepEqual(s.requestsFor("lsrif/judgeApiKey"), [{ baseUrl: loopback.chatBaseUrl }]);
    assert.ok(loopback.requests.length >= 2, `expected at least one request per soft constraint, saw ${loopback.requests.length}`);
    for (const request of loopback.requests) {
      assert.equal(request.headers.authorization, `Bearer ${KEY}`);
      assert.ok(!request.raw.includes(KEY), "the key must never be in a request body");
    }
    assert.ok(s.logs.some((line) => line.startsWith("judge: ")), "judge log lines reach the client console");
    assert.ok(!s.logs.some((line) => line.includes(KEY)), "the key must never be logged");

    const sent = loopback.requests.length;
    const second = await s.score(uri, RESPONSE);
    assert.equal(loopback.requests.length, sent, "the second scoring is served from the cache");
    assert.equal(second.score, 0.5);
    assert.deepEqual(softLeaves(second).map((leaf) => [leaf.status, leaf.cached]), [["pass", true], ["fail", true]]);
  });

  it("kind none sends nothing and asks for no key; switching to chat takes effect without a restart", async () => {
    let lsrif: unknown = { judge: { kind: "none", baseUrl: loopback.chatBaseUrl, model: "loopback-model" } };
    const { s, uri } = await start(() => lsrif, { handlers: { "lsrif/judgeApiKey": () => ({ apiKey: KEY }) } });
    const unjudged = await s.score(uri, RESPONSE);
    // Both soft steps are unjudged and left out of the mean and the penalty chain:
    // only step 3 (no comma, r = 1) counts, r'3 = 1, so R = 1 and the result is incomplete.
    assert.equal(unjudged.score, 1);
    assert.equal(unjudged.complete, false);
    assert.deepEqual(softLeaves(unjudged).map((leaf) => leaf.status), ["unjudged", "unjudged"]);
    assert.equal(loopback.requests.length, 0);
    assert.equal(s.requestsFor("lsrif/judgeApiKey").length, 0);

    lsrif = chat();
    await s.changeConfiguration();
    const judged = await s.score(uri, RESPONSE);
    assert.equal(judged.score, 0.5); // as in the first test
    assert.equal(loopback.requests.length, 3); // the capability probe, then one verdict per soft leaf
  });

  it("without lsrif/judgeApiKey in the client the key comes from LSRIF_JUDGE_API_KEY", async () => {
    const { s, uri } = await start(() => chat(), { env: { LSRIF_JUDGE_API_KEY: "env-key-42" } });
    const result = await s.score(uri, RESPONSE);
    assert.equal(result.score, 0.5);
    assert.ok(loopback.requests.length > 0);
    for (const request of loopback.requests) assert.equal(request.headers.authorization, "Bearer env-key-42");
  });

  it("a client answering no key sends no Authorization header", async () => {
    const { s, uri } = await start(() => chat(), { handlers: { "lsrif/judgeApiKey": () => ({}) }, env: { LSRIF_JUDGE_API_KEY: "must-not-be-used" } });
    await s.score(uri, RESPONSE);
    assert.ok(loopback.requests.length > 0);
    for (const request of loopback.requests) assert.equal(request.headers.authorization, undefined);
  });

  it("invalid judge settings: soft constraints are errors naming the setting, the server keeps working", async () => {
    const { s, uri } = await start(() => chat("ftp://judge.example/v1"), { handlers: { "lsrif/judgeApiKey": () => ({ apiKey: KEY }) } });
    const result = await s.score(uri, RESPONSE);
    // Only the hard step is known (r'3 = 1), so R = 1, incomplete.
    assert.equal(result.score, 1);
    assert.equal(result.complete, false);
    for (const leaf of softLeaves(result)) {
      assert.equal(leaf.status, "error");
      assert.match(leaf.error ?? "", /invalid judge settings: lsrif\.judge\.baseUrl/);
    }
    assert.ok(s.logs.some((line) => line.startsWith("showMessage: LsrIF: the judge settings are invalid")));
    assert.equal(s.requestsFor("lsrif/judgeApiKey").length, 0);
    assert.equal((await s.score(uri, "x")).applicable, true, "the server still answers");
  });

  it("cancelling the scoring aborts the in-flight judge requests", async () => {
    // The probe (request 0) is answered; every later request hangs until the client goes away.
    const hanging = await startLoopbackJudge({ handle: (_request, index) => (index === 0 ? undefined : { hang: true }) });
    try {
      const { s, uri } = await start(() => chat(hanging.chatBaseUrl), { handlers: { "lsrif/judgeApiKey": () => ({ apiKey: KEY }) } });
      const cancel = new CancellationTokenSource();
      const scoring = s.score(uri, RESPONSE, cancel).then((value) => ({ value }), (error: unknown) => ({ error }));
      await waitFor("the verdict requests to be in flight", () => hanging.requests.length >= 2);
      cancel.cancel();
      const outcome = await scoring;
      await waitFor("every hanging request to be aborted", () => hanging.requests.slice(1).every((r) => r.closedEarly === true));
      // vscode-languageserver still answers a cancelled request, here with the verdicts it had: none.
      assert.ok("value" in outcome, `expected an answer, got ${String((outcome as { error: unknown }).error)}`);
      assert.equal(outcome.value.complete, false);
      assert.deepEqual(softLeaves(outcome.value).map((leaf) => leaf.error), ["cancelled", "cancelled"]);
    } finally {
      await hanging.close();
    }
  });

  it("an edit while the judge is busy does not move the ranges of the version being scored", async () => {
    const slow = await startLoopbackJudge({ verdicts: { [POLITE]: "YES", [WEATHER]: "NO" }, latencyMs: 400 });
    try {
      const { s, uri } = await start(() => chat(slow.chatBaseUrl), { handlers: { "lsrif/judgeApiKey": () => ({ apiKey: KEY }) } });
      // Two top-level items: an edit inside the first moves the second's ranges (re-used in place).
      const text = `soft style "${POLITE}"\nfirst soft content "${WEATHER}"\nthen no_comma\n`;
      const doc = `${uri}.two-items.lsr`;
      await s.open(doc, text);
      const scoring = s.score(doc, RESPONSE);
      await waitFor("a verdict request to be in flight", () => slow.requests.length >= 1);
      const edited = text.replace("polite", "polite and warm");
      s.connection.sendNotification("textDocument/didChange", { textDocument: { uri: doc, version: 2 }, contentChanges: [{ text: edited }] });
      await waitFor("diagnostics for version 2", () => s.published.has(`${doc}@2`));
      const result = await scoring;
      const hard = result.tree.children[1].children[1];
      const at = text.indexOf("no_comma");
      assert.equal(hard.id, "punctuation:no_comma");
      assert.deepEqual(hard.range, { start: at, end: at + "no_comma".length }, "ranges of the scored version");
    } finally {
      await slow.close();
    }
  });

  it("vscode-lm: the client judges each soft constraint (lsrif/lmJudge), exact score", async () => {
    const verdicts: Record<string, unknown> = {
      [POLITE]: { status: "pass", probability: 0.8, evidence: "Hello there." },
      [WEATHER]: { status: "fail", evidence: "Nothing about the weather." },
    };
    const { s, uri } = await start(() => ({ judge: { kind: "vscode-lm" } }), {
      handlers: { "lsrif/lmJudge": (p) => verdicts[(p as { constraint: string }).constraint] ?? { status: "error", error: "unexpected" } },
    });
    const result = await s.score(uri, RESPONSE);
    // Same steps as the chat test: r = [1, 0, 1], R = (1 + 0 + 0.5) / 3 = 0.5.
    assert.equal(result.score, 0.5);
    assert.equal(result.complete, true);
    assert.deepEqual(softLeaves(result).map((leaf) => [leaf.status, leaf.probability, leaf.evidence]), [
      ["pass", 0.8, "Hello there."],
      ["fail", undefined, "Nothing about the weather."],
    ]);
    const asked = s.requestsFor("lsrif/lmJudge") as { constraint: string; category?: string; response: string; prompt?: string }[];
    assert.deepEqual(asked.map((p) => [p.constraint, p.category, p.response, p.prompt]).sort(), [
      [WEATHER, "content", RESPONSE, "Greet the reader."],
      [POLITE, "style", RESPONSE, "Greet the reader."],
    ]);
    assert.equal(loopback.requests.length, 0);
  });

  it("vscode-lm: cancelling the scoring cancels the client's lsrif/lmJudge requests", async () => {
    let cancelled = 0;
    const { s, uri } = await start(() => ({ judge: { kind: "vscode-lm" } }), {
      handlers: {
        "lsrif/lmJudge": (_p, token) => new Promise((resolve) => {
          token.onCancellationRequested(() => {
            cancelled++;
            resolve({ status: "error", error: "cancelled" });
          });
        }),
      },
    });
    const cancel = new CancellationTokenSource();
    const scoring = s.score(uri, RESPONSE, cancel);
    await waitFor("both soft constraints to be asked", () => s.requestsFor("lsrif/lmJudge").length === 2);
    cancel.cancel();
    const result = await scoring;
    await waitFor("$/cancelRequest for both", () => cancelled === 2);
    assert.deepEqual(softLeaves(result).map((leaf) => leaf.error), ["cancelled", "cancelled"]);
  });

  it("vscode-lm: a malformed verdict from the client is an error, never a pass or fail", async () => {
    const { s, uri } = await start(() => ({ judge: { kind: "vscode-lm" } }), { handlers: { "lsrif/lmJudge": () => ({ status: "maybe" }) } });
    const result = await s.score(uri, RESPONSE);
    assert.equal(result.complete, false);
    assert.deepEqual(softLeaves(result).map((leaf) => leaf.status), ["error", "error"]);
  });
});

describe("which layers of lsrif.judge the editor sends (workspace trust)", () => {
  // A cloned repository's .vscode/settings.json tries to redirect the judge and lower the concurrency.
  const layers: Record<string, InspectedSetting> = {
    kind: { defaultValue: "none", globalValue: "chat", workspaceValue: "classifier", workspaceFolderValue: "vscode-lm" },
    baseUrl: { defaultValue: "", globalValue: "https://judge.mine.example/v1", workspaceValue: "http://judge.attacker.example/v1" },
    model: { defaultValue: "", workspaceValue: "exfiltrate" },
    concurrency: { defaultValue: 4, workspaceValue: 2, workspaceFolderValue: 1 },
    timeoutMs: { defaultValue: 60000 },
    cache: { defaultValue: true, globalValue: false },
  };
  const inspect = (key: string) => layers[key];

  it("untrusted: kind, baseUrl and model only from user settings or defaults; other settings from the workspace", () => {
    assert.deepEqual(effectiveJudgeSection(inspect, false), {
      kind: "chat", baseUrl: "https://judge.mine.example/v1", model: "", concurrency: 2, timeoutMs: 60000, cache: false,
    });
  });

  it("trusted: workspace values win over user values; workspace-folder values are never used", () => {
    assert.deepEqual(effectiveJudgeSection(inspect, true), {
      kind: "classifier", baseUrl: "http://judge.attacker.example/v1", model: "exfiltrate", concurrency: 2, timeoutMs: 60000, cache: false,
    });
  });

  it("the restricted keys are the ones package.json declares", () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    };
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [...RESTRICTED_JUDGE_KEYS].map((key) => `lsrif.judge.${key}`));
  });
});
