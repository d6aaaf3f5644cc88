// Protocol: diagnostics pushed by the real server process, settings from the client,
// quick fixes applied to the text.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CodeAction, Diagnostic } from "vscode-languageserver-protocol";
import { applyEdits, LspSession } from "./lsp-harness.js";

describe("diagnostics and quick fixes over stdio", () => {
  let lsp: LspSession;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });

  it("publishes an unknown constraint with its exact range, code, source and data", async () => {
    const uri = "file:///diag/unknown.lsr";
    lsp.open(uri, 'prompt "Hi"\nno_coma\n');
    const diagnostics = await lsp.diagnosticsFor(uri, 1);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    // `no_coma` is the whole of line 1: characters 0..7.
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
    assert.equal(d.code, "LSR010");
    assert.equal(d.source, "lsrif");
    assert.equal(d.severity, 1);
    assert.equal((d.data as { code: string }).code, "LSR010");
    assert.ok((d.data as { replacements: string[] }).replacements.includes("no_comma"));
  });

  it("applies the did-you-mean fix, after which the file is clean", async () => {
    const uri = "file:///diag/fix.lsr";
    const text = 'prompt "Hi"\nno_coma\n';
    lsp.open(uri, text);
    const [d] = await lsp.diagnosticsFor(uri, 1);
    const actions = await lsp.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === "Change to 'no_comma'");
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(", ")}`);
    assert.equal(fix.isPreferred, true);
    const fixed = applyEdits(text, fix.edit!.changes![uri]);
    assert.equal(fixed, 'prompt "Hi"\nno_comma\n');
    lsp.change(uri, fixed, 2);
    assert.deepEqual(await lsp.diagnosticsFor(uri, 2), []);
  });

  it("re-analyses on change: an If without Else warns at 'if', and the fix adds an else branch", async () => {
    const uri = "file:///diag/if.lsr";
    lsp.open(uri, "no_comma\n");
    await lsp.diagnosticsFor(uri, 1);
    const text = "if no_comma {\n  lowercase\n}\n";
    lsp.change(uri, text, 2);
    const diagnostics = await lsp.diagnosticsFor(uri, 2);
    const warning = diagnostics.find((d) => d.code === "LSR031");
    assert.ok(warning);
    assert.equal(warning.severity, 2);
    assert.deepEqual(warning.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    assert.match(JSON.stringify(warning.message), /not applicable/);
    const actions = await lsp.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } });
    const add = actions.find((a) => a.title === "Add an 'else' branch");
    assert.ok(add);
    // Inserted right after the closing brace of the then-branch, indented like the 'if' (column 0).
    assert.equal(applyEdits(text, add.edit!.changes![uri]), "if no_comma {\n  lowercase\n} else {\n  \n}\n");
  });

  it("only the newest of several quick edits gets diagnostics published", async () => {
    const uri = "file:///diag/burst.lsr";
    lsp.open(uri, "no_comma\n");
    await lsp.diagnosticsFor(uri, 1);
    for (let v = 2; v <= 6; v++) lsp.change(uri, `no_comma\n${"x".repeat(v)}\n`, v);
    const last = await lsp.diagnosticsFor(uri, 6);
    assert.equal(last[0].code, "LSR010");
    // Versions 2..5 were superseded within the debounce window, so none was published.
    assert.deepEqual(lsp.published(uri).map((p) => p.version), [1, 6]);
  });

  it("marks an unused define as unnecessary and removes it with its line", async () => {
    const uri = "file:///diag/unused.lsr";
    const text = 'define short = words(relation: "less than", num_words: 50)\nno_comma\n';
    lsp.open(uri, text);
    const diagnostics = await lsp.diagnosticsFor(uri, 1);
    const unused = diagnostics.find((d) => d.code === "LSR061");
    assert.ok(unused);
    // The name `short` is characters 7..12 of line 0.
    assert.deepEqual(unused.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 12 } });
    assert.deepEqual(unused.tags, [1]);
    const actions = await lsp.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: unused.range, context: { diagnostics: [unused] } });
    assert.equal(applyEdits(text, actions[0].edit!.changes![uri]), "no_comma\n");
  });

  it("reads lsrif.maxNestingDepth from workspace/configuration (the harness answers 3)", async () => {
    const uri = "file:///diag/deep.lsr";
    lsp.open(uri, "and { and { and { and { no_comma } } } }\n");
    const isDeep = (ds: Diagnostic[]) => ds.some((d) => d.code === "LSR002");
    const diagnostics = await lsp.waitForDiagnostics(uri, isDeep);
    const deep = diagnostics.find((d) => d.code === "LSR002")!;
    // The fourth `and` (depth 4 > 3) starts at column 18.
    assert.deepEqual(deep.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 21 } });
    assert.match(JSON.stringify(deep.message), /limit is 3/);
  });

  it("clamps gamma with a quick fix", async () => {
    const uri = "file:///diag/gamma.lsr";
    const text = "gamma 1.5\nfirst no_comma\nthen lowercase\n";
    lsp.open(uri, text);
    const diagnostics = await lsp.diagnosticsFor(uri, 1);
    const d = diagnostics.find((x) => x.code === "LSR050")!;
    assert.deepEqual(d.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 9 } });
    const actions = await lsp.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.equal(applyEdits(text, actions[0].edit!.changes![uri]), "gamma 1\nfirst no_comma\nthen lowercase\n");
  });
});
