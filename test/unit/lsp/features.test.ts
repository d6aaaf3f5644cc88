// The pure editor features on marked fixtures: `<|>` is where the user's cursor is, `<|…|>` the range the feature
// must report. Long answers (hover Markdown, completion lists, token lists) are kept in test/unit/lsp/expect/ and
// updated with UPDATE=1 (review the diff before committing).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { quickFixes } from "../../../server/src/lsp/features/code-actions.js";
import { completionsAt } from "../../../server/src/lsp/features/completion.js";
import { hoverAt } from "../../../server/src/lsp/features/hover.js";
import { semanticTokens } from "../../../server/src/lsp/features/semantic-tokens.js";
import { signatureAt } from "../../../server/src/lsp/features/signature-help.js";
import { expectFile } from "../../helpers/expect-file.js";
import { cursorOf, fixture, markRanges } from "../../helpers/markers.js";

const EXPECT = "test/unit/lsp/expect";

/** Hover at the cursor: the range it covers (written back as markers) and its Markdown. */
function checkHover(marked: string, name: string): void {
  const f = fixture(marked);
  const hover = hoverAt(analyze(f.text), cursorOf(f));
  assert.ok(hover, "no hover at the cursor");
  assert.deepEqual([{ start: hover.range.start, end: hover.range.end }], f.ranges.map(({ start, end }) => ({ start, end })),
    `hover range: got ${markRanges(f.text, [hover.range])}`);
  expectFile(`${EXPECT}/hover-${name}.md`, hover.markdown);
}

function completionLabels(marked: string): string[] {
  const f = fixture(marked);
  return completionsAt(analyze(f.text), f.text, cursorOf(f)).map((c) => c.label);
}

describe("hover on marked fixtures", () => {
  it("a constraint name shows its type's docs over the name", () => {
    checkHover('prompt "Write."\n<|no_c<|>omma|>\n', "no-comma");
  });
  it("`first` shows the sequence's logic tree over the keyword", () => {
    checkHover('prompt "Write."\n<|fi<|>rst|> lowercase\nthen soft style "Formal."\n', "first");
  });
  it("an argument name shows its description", () => {
    checkHover('words(<|rel<|>ation|>: "at least", num_words: 10)\n', "argument");
  });
  it("nothing on a comment", () => {
    const f = fixture("# a comm<|>ent\nlowercase\n");
    assert.equal(hoverAt(analyze(f.text), cursorOf(f)), undefined);
  });
});

describe("completion on marked fixtures", () => {
  it("argument names of the call, without those already given", () => {
    assert.deepEqual(completionLabels('words(num_words: 10, <|>)\n'), ["relation"]);
  });
  it("enum values of a relation argument", () => {
    assert.deepEqual(completionLabels('words(relation: <|>)\n'), ["less than", "at least"]);
  });
  it("the list at the start of a line", () => {
    const f = fixture("lowercase\n<|>");
    const entries = completionsAt(analyze(f.text), f.text, cursorOf(f));
    expectFile(`${EXPECT}/completion-line-start.txt`, entries.map((e) => `${e.kind} ${e.label}`).join("\n"));
  });
  it("the replaced range is the word under the cursor", () => {
    const f = fixture("<|low<|>|>\n");
    const entries = completionsAt(analyze(f.text), f.text, cursorOf(f));
    const lowercase = entries.find((e) => e.label === "lowercase");
    assert.ok(lowercase);
    assert.deepEqual(lowercase.range, { start: f.ranges[0].start, end: f.ranges[0].end });
  });
});

describe("signature help on marked fixtures", () => {
  it("the active parameter follows the cursor", () => {
    const f = fixture('words(relation: "at least", <|>)\n');
    const info = signatureAt(f.text, cursorOf(f));
    assert.ok(info);
    const active = info.parameters[info.activeParameter];
    assert.equal(info.label.slice(active.label[0], active.label[1]), "num_words: integer");
    expectFile(`${EXPECT}/signature-words.txt`, `${info.label}\n${info.documentation}`);
  });
  it("nothing outside a call", () => {
    const f = fixture("lowercase <|>\n");
    assert.equal(signatureAt(f.text, cursorOf(f)), undefined);
  });
});

describe("code actions on marked fixtures", () => {
  it("an unknown constraint gets did-you-mean fixes replacing the marked name", () => {
    const f = fixture("<|lowercas|>\n");
    const fixes = quickFixes(analyze(f.text), f.text, f.ranges[0]);
    const edits = fixes.flatMap((fix) => fix.edits.map((e) => `${fix.diagnostic.code} ${fix.title}: ${markRanges(f.text, [e.range]).trimEnd()} -> ${e.newText}`));
    expectFile(`${EXPECT}/fixes-unknown-name.txt`, edits.join("\n"));
    for (const fix of fixes) for (const e of fix.edits) assert.deepEqual({ start: e.range.start, end: e.range.end }, { start: f.ranges[0].start, end: f.ranges[0].end });
  });
});

describe("semantic tokens on marked fixtures", () => {
  it("every token of a small instruction, by line, column and type", () => {
    const text = 'prompt "Write."\ndefine calm = soft tone "Calm."\nfirst words(relation: "at least", num_words: 10)\nthen calm\n';
    const analysis = analyze(text);
    const tokens = semanticTokens(text, analysis.ast, new Set(analysis.names.keys()), new LineIndex(text));
    const lines = text.split("\n");
    const dump = tokens.map((t) => `${t.line}:${t.character} ${JSON.stringify(lines[t.line].slice(t.character, t.character + t.length))} ${[t.type, ...t.modifiers].join(".")}`);
    expectFile(`${EXPECT}/semantic-tokens.txt`, dump.join("\n"));
  });
});
