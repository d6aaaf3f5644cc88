// lsrif.maxItemsComputed: the outline and the folding ranges cut to a number of items.
// The outline keeps symbols breadth-first (all top-level ones before any child), the
// folds keep the outermost first; both keep the order and shape of the full answer.
// Checked for every limit from 0 to past the full size on small fixtures, against the
// full answer pruned here by an independent breadth-first walk.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LineIndex } from "../../../grammars/src/index.js";
import { analyze } from "../../../server/src/analysis/analyze.js";
import { cappedFoldingRanges, foldingRanges, type FoldRange } from "../../../server/src/lsp/features/folding.js";
import { cappedDocumentSymbols, countDocumentSymbols, documentSymbols, type OutlineSymbol } from "../../../server/src/lsp/features/symbols.js";
import { rangesAround } from "../../../server/src/lsp/features/names.js";
import { limitMessage, ResultLimitNotices, type LimitedFeature } from "../../../server/src/lsp/result-limits.js";
import { DEFAULT_MAX_ITEMS_COMPUTED, parseSettings } from "../../../server/src/lsp/settings.js";

const FIXTURES: Record<string, string> = {
  mixed: `# header one
# header two
prompt "P"
define brief = soft "Be brief."
first {
  no_comma
  soft "A"
} then if lowercase {
  brief
} else {
  highlights(num_highlights: 2)
}
and {
  # inside
  # the block
  and {
    soft """multi
line"""
  }
}
else { stray }
`,
  deep: "and {\n".repeat(6) + 'soft "x"\n' + "}\n".repeat(6) + "and {\n  no_comma\n}\n",
  wide: Array.from({ length: 12 }, (_, i) => `first {\n  soft "s${i}"\n  no_comma\n} then lowercase\n`).join(""),
};

function outlineOf(text: string) {
  const analysis = analyze(text);
  return { ast: analysis.ast, names: new Set(analysis.names.keys()) };
}

/** The full outline pruned to its first `k` symbols in breadth-first order (computed here, level by level). */
function pruneBreadthFirst(full: OutlineSymbol[], k: number): OutlineSymbol[] {
  const copy = (s: OutlineSymbol): OutlineSymbol => ({ ...s, children: [] });
  const roots: OutlineSymbol[] = [];
  let level: { source: OutlineSymbol; into: OutlineSymbol[] }[] = full.map((s) => ({ source: s, into: roots }));
  let left = k;
  while (level.length > 0 && left > 0) {
    const nextLevel: typeof level = [];
    for (const { source, into } of level) {
      if (left === 0) break;
      const kept = copy(source);
      into.push(kept);
      left--;
      for (const child of source.children) nextLevel.push({ source: child, into: kept.children });
    }
    level = nextLevel;
  }
  return roots;
}

const countTree = (symbols: OutlineSymbol[]): number => symbols.reduce((n, s) => n + 1 + countTree(s.children), 0);

/** Each children list of `capped` is a prefix of the same list in `full` (same symbols, same order, no holes). */
function assertPrefixTree(capped: OutlineSymbol[], full: OutlineSymbol[], path = "root"): void {
  assert.ok(capped.length <= full.length, `${path}: more children than the full outline`);
  capped.forEach((s, i) => {
    const { children, ...rest } = s;
    const { children: fullChildren, ...fullRest } = full[i];
    assert.deepEqual(rest, fullRest, `${path}[${i}] is not the full outline's symbol at that place`);
    assertPrefixTree(children, fullChildren, `${path}[${i}]`);
  });
}

describe("outline under lsrif.maxItemsComputed", () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`${name}: every limit gives the breadth-first prefix of the full outline`, () => {
      const { ast, names } = outlineOf(text);
      const full = documentSymbols(ast, names);
      const total = countTree(full);
      assert.ok(total > 5, "the fixture should have a few levels of symbols");
      assert.equal(countDocumentSymbols(ast), total);
      for (let k = 0; k <= total + 2; k++) {
        const capped = cappedDocumentSymbols(ast, names, k);
        assert.equal(capped.kept, Math.min(k, total), `kept at limit ${k}`);
        assert.equal(countTree(capped.symbols), capped.kept, `symbols in the answer at limit ${k}`);
        assert.equal(capped.cut, k < total, `cut at limit ${k}`);
        assertPrefixTree(capped.symbols, full);
        assert.deepEqual(capped.symbols, pruneBreadthFirst(full, k), `breadth-first at limit ${k}`);
      }
    });
  }

  it("limit 0 keeps nothing, limit 1 the first top-level symbol alone", () => {
    const { ast, names } = outlineOf(FIXTURES.mixed);
    assert.deepEqual(cappedDocumentSymbols(ast, names, 0), { symbols: [], kept: 0, cut: true });
    const one = cappedDocumentSymbols(ast, names, 1);
    assert.deepEqual(one.symbols.map((s) => [s.name, s.children.length]), [["prompt", 0]]);
  });

  it("a small limit shows the top level whole before any child (names by hand)", () => {
    const { ast, names } = outlineOf(FIXTURES.mixed);
    // Top level: prompt, define brief, Sequential, Parallel (the stray else has no symbol): 4. Then the
    // Sequential's steps first and then, and the outer Parallel's inner Parallel: 3 more at depth 1.
    const capped = cappedDocumentSymbols(ast, names, 6);
    assert.deepEqual(capped.symbols.map((s) => s.name), ["prompt", "brief", "Sequential", "Parallel"]);
    assert.deepEqual(capped.symbols[2].children.map((s) => s.name), ["first", "then"]);
    assert.deepEqual(capped.symbols[2].children.map((s) => s.children.length), [0, 0]);
    assert.deepEqual(capped.symbols[3].children, []);
    assert.equal(capped.cut, true);
  });

  it("reads only as many children as it keeps (the work is bounded by the limit, not by the block)", () => {
    const text = `first {\n${"  no_comma\n".repeat(1000)}}\n`;
    const { ast, names } = outlineOf(text);
    const sequence = ast.items[0];
    assert.ok(sequence.kind === "sequence" && sequence.steps[0].body?.kind === "and");
    const step = sequence.steps[0];
    const body = step.body as Extract<typeof step.body, { kind: "and" }>;
    // The same tree, with the block's items behind a proxy that counts reads of an item.
    let itemReads = 0;
    const counted = new Proxy(body.items, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) itemReads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const watched = { ...ast, items: [{ ...sequence, steps: [{ ...step, body: { ...body, items: counted } }] }] };
    const capped = cappedDocumentSymbols(watched, names, 5);
    // Sequential, first, then 3 of the 1,000 constraints; the 4th read finds the limit reached.
    assert.equal(capped.kept, 5);
    assert.equal(capped.symbols[0].children[0].children.length, 3);
    assert.ok(itemReads <= 4, `read ${itemReads} of the block's 1,000 items to keep 3`);
  });

  it("an empty document is never cut, even at limit 0", () => {
    const { ast, names } = outlineOf("# only a comment\n");
    assert.deepEqual(cappedDocumentSymbols(ast, names, 0), { symbols: [], kept: 0, cut: false });
  });
});

const foldKey = (f: FoldRange): string => `${f.startLine}-${f.endLine}:${f.kind}`;
const contains = (outer: FoldRange, inner: FoldRange): boolean => outer.startLine <= inner.startLine && inner.endLine <= outer.endLine;

describe("folding under lsrif.maxItemsComputed", () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`${name}: every limit keeps an in-order part of the full answer, never a fold without its container`, () => {
      const lines = new LineIndex(text);
      const { ast } = analyze(text);
      const full = foldingRanges(ast, lines);
      assert.ok(full.length > 3, "the fixture should have nested folds");
      for (let k = 0; k <= full.length + 2; k++) {
        const capped = cappedFoldingRanges(ast, lines, k);
        assert.equal(capped.total, full.length);
        assert.equal(capped.cut, k < full.length, `cut at limit ${k}`);
        assert.equal(capped.folds.length, Math.min(k, full.length), `folds at limit ${k}`);
        // A subsequence of the full answer, in its order.
        let at = 0;
        for (const fold of capped.folds) {
          while (at < full.length && full[at] !== fold && foldKey(full[at]) !== foldKey(fold)) at++;
          assert.ok(at < full.length, `limit ${k}: ${foldKey(fold)} out of order or not in the full answer`);
          at++;
        }
        const kept = new Set(capped.folds.map(foldKey));
        for (const dropped of full.filter((f) => !kept.has(foldKey(f)))) {
          for (const fold of capped.folds) {
            assert.ok(!(contains(dropped, fold) && foldKey(dropped) !== foldKey(fold)), `limit ${k}: ${foldKey(fold)} kept, its container ${foldKey(dropped)} dropped`);
          }
        }
      }
    });
  }

  it("mixed, by hand: the outermost folds first, then the ones inside, the first of them in order", () => {
    const text = FIXTURES.mixed;
    const lines = new LineIndex(text);
    const { ast } = analyze(text);
    // Outermost: the header comments 0-1, the sequence 4-11, the outer and 12-18 (its brace on 19).
    // Inside one: the first step's block 4-6, the if 7-10 (else brace on 11), the comment run 13-14,
    // the inner and 15-17; inside two: the if's then block 7-8 and else block 9-10, the multi-line
    // soft text 16-17. So a limit of 5 keeps the 3 outermost and the first 2 inside one.
    assert.deepEqual(foldingRanges(ast, lines).map(foldKey),
      ["0-1:comment", "4-11:region", "4-6:region", "7-10:region", "7-8:region", "9-10:region", "12-18:region", "13-14:comment", "15-17:region", "16-17:region"]);
    assert.deepEqual(cappedFoldingRanges(ast, lines, 3).folds.map(foldKey), ["0-1:comment", "4-11:region", "12-18:region"]);
    assert.deepEqual(cappedFoldingRanges(ast, lines, 5).folds.map(foldKey), ["0-1:comment", "4-11:region", "4-6:region", "7-10:region", "12-18:region"]);
    assert.deepEqual(cappedFoldingRanges(ast, lines, 0).folds, []);
  });
});

describe("the message when an answer is cut", () => {
  function notices() {
    const shown: string[] = [];
    const logged: string[] = [];
    const connection = {
      sendNotification: (_type: unknown, params: { message: string }) => {
        shown.push(params.message);
        return Promise.resolve();
      },
      console: { info: (m: string) => logged.push(m) },
    };
    return { shown, logged, notices: new ResultLimitNotices(connection as never) };
  }
  const cut = (limit = 10, total = 25) => ({ cut: true, limit, total: () => total });
  const whole = { cut: false, limit: 10 };

  it("says it once per document, logs each feature, and again only after the document was whole", () => {
    const { shown, logged, notices: n } = notices();
    const report = (feature: LimitedFeature, outcome: Parameters<ResultLimitNotices["report"]>[2], uri = "file:///dir/big%20one.lsr") => n.report(uri, feature, outcome);
    report("outline", cut());
    report("outline", cut());
    report("folding", cut(10, 12));
    assert.deepEqual(shown, [limitMessage("big one.lsr", "outline", 10, 25)]);
    assert.equal(logged.length, 2);
    assert.match(logged[1], /big one\.lsr has 10 of 12 folding ranges/);
    report("outline", whole);
    report("outline", cut());
    assert.equal(shown.length, 1, "folding is still cut: the document was never whole");
    report("folding", whole);
    report("outline", whole);
    report("outline", cut());
    assert.equal(shown.length, 2);
    report("outline", cut(), "file:///other.lsr");
    assert.equal(shown.length, 3);
    n.forget("file:///other.lsr");
    report("outline", cut(), "file:///other.lsr");
    assert.equal(shown.length, 4);
  });

  it("counts the total only when the message is due, and says nothing at limit 0", () => {
    const { shown, logged, notices: n } = notices();
    let counted = 0;
    const outcome = { cut: true, limit: 5000, total: () => ++counted * 123456 };
    n.report("file:///a.lsr", "outline", outcome);
    n.report("file:///a.lsr", "outline", outcome);
    assert.equal(counted, 1);
    assert.equal(shown[0], "lsrif: the outline of a.lsr shows 5,000 of 123,456 items, the top levels first (setting lsrif.maxItemsComputed).");
    n.report("file:///b.lsr", "outline", { cut: true, limit: 0, total: () => ++counted });
    assert.equal(counted, 1);
    assert.equal(shown.length, 1);
    assert.equal(logged.length, 1);
  });
});

describe("the lsrif.maxItemsComputed setting", () => {
  it("defaults to 5000, keeps valid values and falls back on invalid ones without touching the other settings", () => {
    assert.equal(DEFAULT_MAX_ITEMS_COMPUTED, 5000);
    assert.equal(parseSettings({}).maxItemsComputed, 5000);
    assert.equal(parseSettings(undefined).maxItemsComputed, 5000);
    assert.equal(parseSettings({ maxItemsComputed: 0 }).maxItemsComputed, 0);
    assert.equal(parseSettings({ maxItemsComputed: 250 }).maxItemsComputed, 250);
    for (const bad of [-1, 2.5, "100", null, Number.POSITIVE_INFINITY]) {
      assert.deepEqual(parseSettings({ maxNestingDepth: 5, maxItemsComputed: bad }), { maxNestingDepth: 5, maxItemsComputed: 5000 }, `value ${String(bad)}`);
    }
  });
});

describe("highlights of a name under lsrif.maxItemsComputed (rangesAround)", () => {
  // Ten uses at offsets 0, 10, …, 90, each 3 long.
  const uses = Array.from({ length: 10 }, (_, i) => ({ start: 10 * i, end: 10 * i + 3 }));
  const starts = (ranges: { start: number }[]) => ranges.map((r) => r.start);

  it("keeps all under the limit, none at 0", () => {
    assert.deepEqual(rangesAround(uses, 45, 10), uses);
    assert.deepEqual(rangesAround(uses, 45, 0), []);
  });

  it("keeps a run around the cursor, shifted inwards at the ends", () => {
    // Cursor on the use at 50: 6 uses start at or before it, so the run of 4 starts two before: 40, 50, 60, 70.
    assert.deepEqual(starts(rangesAround(uses, 50, 4)), [40, 50, 60, 70]);
    assert.deepEqual(starts(rangesAround(uses, 1, 3)), [0, 10, 20]);
    assert.deepEqual(starts(rangesAround(uses, 95, 3)), [70, 80, 90]);
  });

  it("orders uses that came unordered before picking", () => {
    const shuffled = [uses[7], uses[2], uses[9], uses[0], uses[5], uses[1], uses[8], uses[3], uses[6], uses[4]];
    assert.deepEqual(starts(rangesAround(shuffled, 50, 4)), [40, 50, 60, 70]);
    assert.equal(shuffled[0], uses[7], "the input is not reordered");
  });
});
