// Protocol: hover, completion, signature help, rename, formatting, semantic tokens,
// symbols, folding, code lens and commands, against the real server process.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type {
  CompletionItem, DocumentSymbol, FoldingRange, Hover, MarkupContent, SemanticTokens, SignatureHelp, TextEdit, WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { format } from "../../grammars/src/index.js";
import { applyEdits, LspSession, withCursor } from "./lsp-harness.js";

const FIGURE_1 = `prompt """Write a short guide to fixing a failing build."""
gamma 0.5
define lowercase_checklist = soft format "All checklist items are lowercase."
first {
  soft content "A short instructional paragraph."
  sentences(relation: "less than", num_sentences: 4)
}
then soft format "Append a checklist with bullet points."
then if contains(keywords: ["error"]) {
  lowercase_checklist
} else {
  soft format "The paragraph begins with a bolded core idea."
}
finally soft style "Use a formal, technical style."
`;

describe("editing features over stdio", () => {
  let lsp: LspSession;
  let n = 0;
  before(async () => { lsp = await LspSession.start(); });
  after(async () => { await lsp.stop(); });

  async function openAt(marked: string): Promise<{ uri: string; text: string; position: { line: number; character: number } }> {
    const { text, position } = withCursor(marked);
    const uri = `file:///edit/doc${++n}.lsr`;
    lsp.open(uri, text);
    await lsp.diagnosticsFor(uri, 1);
    return { uri, text, position };
  }

  async function hover(marked: string): Promise<string> {
    const { uri, position } = await openAt(marked);
    const result = await lsp.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position });
    assert.ok(result, "expected a hover");
    return (result.contents as MarkupContent).value;
  }

  it("hover on 'first' shows the sequence as a box-drawing tree with shares and penalties at gamma 0.5", async () => {
    const value = await hover(FIGURE_1.replace("first {", "fi<|>rst {"));
    // Four steps split the score in quarters; step 1 is a block of two, so 1/8 each.
    assert.match(value, /├─ step 1: Parallel/);
    assert.match(value, /\[soft content\] "A short instructional paragraph\." {2}— 1\/8/);
    assert.match(value, /step 2: \[soft format\] "Append a checklist with bullet points\." {2}— 1\/4; counts at most 0\.5 if step 1 fails/);
    // Step 4 after three failed steps: 0.5^3 = 0.125.
    assert.match(value, /└─ step 4: .* 0\.125 if all fail/);
    assert.match(value, /if: \[hard\] keywords:existence\(keywords: \["error"\]\) {2}— condition, not scored/);
  });

  it("hover on the prompt shows the whole instruction's tree", async () => {
    const value = await hover(FIGURE_1.replace("prompt", "pro<|>mpt"));
    assert.match(value, /The whole instruction/);
    assert.match(value, /^Parallel/m);
  });

  it("hover on a constraint shows its arguments and a passing and failing example", async () => {
    const value = await hover(FIGURE_1.replace("sentences(", "sent<|>ences("));
    assert.match(value, /\*\*length_constraints:number_sentences\*\*/);
    assert.match(value, /`relation: "less than" \| "at least"`/);
    assert.match(value, /Passes with/);
    assert.match(value, /Fails:/);
  });

  it("hover on gamma shows the formula with the file's value", async () => {
    const value = await hover("gam<|>ma 0.25\nfirst no_comma\nthen lowercase\n");
    assert.match(value, /r'_i = r_i \* prod_\{j<i\} gamma\^\(1 - r_j\)/);
    // One failed step: 0.25; two: 0.25^2 = 0.0625.
    assert.match(value, /counts at most 0\.25, after two at most 0\.0625/);
  });

  it("completes argument names, then enum values, then soft categories", async () => {
    const names = await openAt('words(<|>)\n');
    const argItems = await lsp.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri: names.uri }, position: names.position });
    assert.deepEqual(argItems.map((i) => i.label).sort(), ["num_words", "relation"]);
    const values = await openAt("words(relation: <|>)\n");
    const valueItems = await lsp.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri: values.uri }, position: values.position });
    assert.deepEqual(valueItems.map((i) => (i.textEdit as TextEdit).newText), ['"less than"', '"at least"']);
    const soft = await openAt("soft <|>\n");
    const softItems = await lsp.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri: soft.uri }, position: soft.position });
    assert.equal(softItems.length, 25);
    assert.ok(softItems.some((i) => i.label === "tone"));
  });

  it("completes keywords, constraint aliases with summaries, defined names and snippets at item start", async () => {
    const doc = await openAt('define brief = words(relation: "less than", num_words: 9)\nbrief\n<|>\n');
    const items = await lsp.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri: doc.uri }, position: doc.position });
    const labels = items.map((i) => i.label);
    for (const expected of ["first", "if", "soft", "no_comma", "punctuation:no_comma", "brief", "if/else", "first/then/finally"]) {
      assert.ok(labels.includes(expected), `missing ${expected}`);
    }
    const noComma = items.find((i) => i.label === "no_comma")!;
    assert.match(noComma.detail ?? "", /comma/i);
  });

  it("gives signature help inside a call with the active argument", async () => {
    const doc = await openAt('words(relation: "at least", <|>)\n');
    const help = await lsp.request<SignatureHelp>("textDocument/signatureHelp", { textDocument: { uri: doc.uri }, position: doc.position });
    assert.equal(help.signatures[0].label, 'words(num_words: integer, relation: "less than" | "at least")');
    assert.equal(help.activeParameter, 0, "num_words is the argument not given yet");
  });

  it("renames a defined name at its definition and every reference", async () => {
    const doc = await openAt("define x = no_comma\nx\nand { <|>x }\n");
    const prepared = await lsp.request<{ range: unknown; placeholder: string }>("textDocument/prepareRename", { textDocument: { uri: doc.uri }, position: doc.position });
    assert.equal(prepared.placeholder, "x");
    const edit = await lsp.request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri: doc.uri }, position: doc.position, newName: "calm" });
    assert.equal(applyEdits(doc.text, edit.changes![doc.uri]), "define calm = no_comma\ncalm\nand { calm }\n");
    const defs = await lsp.request<{ range: { start: unknown } }>("textDocument/definition", { textDocument: { uri: doc.uri }, position: doc.position });
    assert.deepEqual(defs.range.start, { line: 0, character: 7 });
    await assert.rejects(lsp.request("textDocument/rename", { textDocument: { uri: doc.uri }, position: doc.position, newName: "then" }), /not a valid name/);
  });

  it("formats the whole document as grammars' format() does, and never edits a file with syntax errors", async () => {
    const messy = "first   no_comma\n   then {lowercase}\n";
    const doc = await openAt(`${messy}<|>`);
    const edits = await lsp.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: doc.uri }, options: { tabSize: 2, insertSpaces: true } });
    // worked by hand: one item per line, a step body after its keyword, 2-space indent
    assert.equal(applyEdits(doc.text, edits), "first no_comma\nthen {\n  lowercase\n}\n");
    assert.equal(format(messy, { indent: 2 }), "first no_comma\nthen {\n  lowercase\n}\n");
    const broken = await openAt("first { no_comma <|>\n");
    const none = await lsp.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: broken.uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(none, []);
  });

  it("classifies semantic tokens (decoded from the relative encoding)", async () => {
    const doc = await openAt('define x = no_comma\nfirst x\nthen soft style "A" # c\n<|>');
    const init = await lsp.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri: doc.uri } });
    const types = ["keyword", "function", "string", "variable", "parameter", "number", "comment", "enumMember"];
    const mods = ["declaration", "soft", "defaultLibrary"];
    const decoded: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < init.data.length; i += 5) {
      const [dl, dc, len, type, modBits] = init.data.slice(i, i + 5);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      const m = mods.filter((_, b) => modBits & (1 << b));
      decoded.push(`${line}:${char}:${len} ${types[type]}${m.length ? `.${m.join(".")}` : ""}`);
    }
    assert.deepEqual(decoded, [
      "0:0:6 keyword", "0:7:1 variable.declaration", "0:11:8 function.defaultLibrary",
      "1:0:5 keyword", "1:6:1 variable",
      "2:0:4 keyword", "2:5:4 keyword", "2:10:5 enumMember", "2:16:3 string.soft", "2:20:3 comment",
    ]);
  });

  it("gives the outline and folding ranges", async () => {
    const doc = await openAt("# a\n# b\nfirst {\n  no_comma\n  lowercase\n}\nthen soft \"x\"\n<|>");
    const symbols = await lsp.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: doc.uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, "Sequential");
    assert.deepEqual(symbols[0].children!.map((c) => c.name), ["first", "then"]);
    assert.deepEqual(symbols[0].children![0].children!.map((c) => c.name), ["no_comma", "lowercase"]);
    const folds = await lsp.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: doc.uri } });
    const simple = folds.map((f) => `${f.startLine}-${f.endLine}:${f.kind}`).sort();
    // Comment run on lines 0-1; the block opened on line 2 folds to line 4 (the brace on 5 stays); the sequence spans 2-6.
    assert.deepEqual(simple, ["0-1:comment", "2-4:region", "2-6:region"]);
  });

  it("puts two code lenses above the instruction", async () => {
    const doc = await openAt('# header\nprompt "P"\nno_comma\n<|>');
    const lenses = await lsp.request<{ range: { start: unknown }; command: { command: string } }[]>("textDocument/codeLens", { textDocument: { uri: doc.uri } });
    assert.deepEqual(lenses.map((l) => l.command.command), ["lsrif.scoreResponse", "lsrif.renderPrompt"]);
    assert.deepEqual(lenses[0].range.start, { line: 1, character: 0 });
  });

  it("executes render and score; after scoring, hover shows the constraint's last verdict", async () => {
    const doc = await openAt('prompt "Write a poem."\nno_<|>comma\nlowercase\n');
    const rendered = await lsp.request<string>("workspace/executeCommand", { command: "lsrif.render", arguments: [doc.uri] });
    assert.match(rendered, /^Write a poem\.\n\nYour response must follow these instructions:/);
    const result = await lsp.request<{ score: number }>("workspace/executeCommand", { command: "lsrif.score", arguments: [doc.uri, "hello, world"] });
    // no_comma fails (0), lowercase passes (1): Parallel mean 0.5.
    assert.equal(result.score, 0.5);
    const hover = await lsp.request<Hover>("textDocument/hover", { textDocument: { uri: doc.uri }, position: doc.position });
    assert.match((hover.contents as MarkupContent).value, /\*\*Last verdict:\*\* fail/);
    await assert.rejects(lsp.request("workspace/executeCommand", { command: "lsrif.score", arguments: [doc.uri, 42] }), /invalid arguments/);
  });

  it("scores with stripThinking (the lsrif.score.stripThinking setting): the text after the last </think>", async () => {
    const doc = await openAt("no_comma\nlowercase<|>\n");
    const score = (response: string) =>
      lsp.request<{ score: number; reason?: string }>("workspace/executeCommand", { command: "lsrif.score", arguments: [doc.uri, response, { stripThinking: true }] });
    // After the last </think>: "hello world" passes both -> 1 (the thinking's comma and capital are not scored).
    assert.equal((await score("<think>Hmm, Yes</think>hello world")).score, 1);
    // No </think>: 0 without checking.
    const none = await score("hello world");
    assert.equal(none.score, 0);
    assert.equal(none.reason, "no </think>");
  });

  it("answers the logic tree with LSP ranges and imports JSON", async () => {
    const doc = await openAt("first no_comma\nthen lowercase<|>\n");
    const tree = await lsp.request<{ root: { kind: string; children: { kind: string; range: unknown }[] } }>("workspace/executeCommand", { command: "lsrif.logicTree", arguments: [doc.uri] });
    assert.equal(tree.root.children[0].kind, "sequential");
    assert.deepEqual(tree.root.children[0].range, { start: { line: 0, character: 0 }, end: { line: 1, character: 14 } });
    const bad = await lsp.request<{ lsr?: string; errors: unknown[] }>("workspace/executeCommand", { command: "lsrif.importJson", arguments: ["{ not json", "x.json"] });
    assert.equal(bad.lsr, undefined);
    assert.equal(bad.errors.length, 1);
  });

  it("survives requests for unknown documents and nonsense positions", async () => {
    const hover = await lsp.request("textDocument/hover", { textDocument: { uri: "file:///nope.lsr" }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    const doc = await openAt("no_comma<|>\n");
    const far = await lsp.request("textDocument/completion", { textDocument: { uri: doc.uri }, position: { line: 999, character: 999 } });
    // A position past the end is clamped to the end of the document (line 1, column 0).
    const end = await lsp.request("textDocument/completion", { textDocument: { uri: doc.uri }, position: { line: 1, character: 0 } });
    assert.deepEqual(far, end);
  });
});
