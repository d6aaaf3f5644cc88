// The sampling proposer: arguments inside each type's schema, determinism for a seed, and its distribution over
// 10,000 draws (structure shares and the soft share within stated tolerances; rare types drawn more often).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findHardType } from "../../../server/src/ifeval/registry.js";
import { ARG_SAMPLERS, CONDITION_SAMPLERS } from "../../../server/src/generate/arg-samplers.js";
import { Draw } from "../../../server/src/generate/random.js";
import { sampleCandidate, type SampleOptions } from "../../../server/src/generate/sample-proposer.js";
import { parseMix, STRUCTURE_OF } from "../../../server/src/generate/structure.js";

const options = (over: Partial<SampleOptions> = {}): SampleOptions => ({
  mix: { parallel: 0.5, sequential: 0.3, conditional: 0.2 }, maxDepth: 1, softShare: 0.3, typeCounts: new Map(), maxPerType: Infinity, ...over,
});

type Node = { type?: string; sub_constraints?: Record<string, Node>; instruction_id?: string; category?: string };
const leaves = (node: Node): Node[] => (node.sub_constraints ? Object.values(node.sub_constraints).flatMap(leaves) : [node]);

describe("argument samplers", () => {
  for (const [table, samplers] of [["constraints", ARG_SAMPLERS], ["conditions", CONDITION_SAMPLERS]] as const) {
    it(`every ${table} sampler draws arguments its type's schema accepts (500 draws each)`, () => {
      for (const [id, sample] of Object.entries(samplers)) {
        const type = findHardType(id);
        assert.ok(type, `${id} is not a registry id`);
        const draw = new Draw(1, id);
        for (let i = 0; i < 500; i++) {
          const args = sample(draw, "Say hello.");
          const parsed = type.schema.safeParse(args);
          assert.ok(parsed.success, `${id} ${JSON.stringify(args)}: ${parsed.success ? "" : parsed.error.message}`);
        }
      }
    });
  }
  it("draws IFEval's ranges: num_words in [100, 500], num_sentences in [1, 20]", () => {
    const draw = new Draw(3, "ranges");
    const words = Array.from({ length: 2000 }, () => ARG_SAMPLERS["length_constraints:number_words"](draw, "") .num_words as number);
    const sentences = Array.from({ length: 2000 }, () => ARG_SAMPLERS["length_constraints:number_sentences"](draw, "").num_sentences as number);
    assert.deepEqual([Math.min(...words), Math.max(...words)], [100, 500]);
    assert.deepEqual([Math.min(...sentences), Math.max(...sentences)], [1, 20]);
  });
});

describe("the sampler", () => {
  it("is deterministic for a run seed and a seed id, and differs across seeds", () => {
    const a = sampleCandidate(new Draw(7, "s1"), "Write.", options());
    const b = sampleCandidate(new Draw(7, "s1"), "Write.", options());
    const c = sampleCandidate(new Draw(8, "s1"), "Write.", options());
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it("follows the mix and the soft share over 10,000 draws", () => {
    // Tolerances: 0.02 is at least 4 binomial standard deviations at n = 10,000 (sd <= 0.005) for the structure
    // shares; the soft share is measured over ~25,000 leaves, so 0.02 is wider still.
    const counts = { parallel: 0, sequential: 0, conditional: 0 };
    let soft = 0;
    let nonConditionLeaves = 0;
    for (let i = 0; i < 10_000; i++) {
      const candidate = sampleCandidate(new Draw(11, `seed-${i}`), "Write.", options());
      assert.ok(candidate);
      const composite = (candidate.composite_constraints[0] as { composite_constraint: Node }).composite_constraint;
      const structure = STRUCTURE_OF[composite.type as "And" | "Chain" | "Selection"];
      counts[structure]++;
      // A Selection's c1 is always a hard condition, so the soft share is measured on the other leaves.
      const drawn = structure === "conditional" ? leaves(composite).slice(1) : leaves(composite);
      nonConditionLeaves += drawn.length;
      soft += drawn.filter((l) => l.category !== undefined).length;
    }
    assert.ok(Math.abs(counts.parallel / 10_000 - 0.5) < 0.02, `parallel ${counts.parallel}`);
    assert.ok(Math.abs(counts.sequential / 10_000 - 0.3) < 0.02, `sequential ${counts.sequential}`);
    assert.ok(Math.abs(counts.conditional / 10_000 - 0.2) < 0.02, `conditional ${counts.conditional}`);
    assert.ok(Math.abs(soft / nonConditionLeaves - 0.3) < 0.02, `soft share ${soft / nonConditionLeaves}`);
  });

  it("chooses by inverse frequency: a type with many accepted uses is drawn far less often", () => {
    const typeCounts = new Map([["punctuation:no_comma", 1000]]);
    let heavy = 0;
    let light = 0;
    for (let i = 0; i < 5000; i++) {
      const candidate = sampleCandidate(new Draw(5, `s${i}`), "Write.", options({ typeCounts, softShare: 0, mix: { parallel: 1, sequential: 0, conditional: 0 } }));
      const ids = leaves((candidate!.composite_constraints[0] as { composite_constraint: Node }).composite_constraint).map((l) => l.instruction_id);
      if (ids.includes("punctuation:no_comma")) heavy++;
      if (ids.includes("startend:quotation")) light++;
    }
    // Weights 1/1001 against 1/1 per draw: no_comma should be about 1000 times rarer than an unused type.
    assert.ok(heavy * 50 < light, `no_comma in ${heavy}, quotation in ${light}`);
  });

  it("never draws a type at its cap, and returns undefined when all are capped", () => {
    const all = new Map([...Object.keys(ARG_SAMPLERS)].map((id) => [id, 2] as const));
    const onlySoftLeft = sampleCandidate(new Draw(1, "x"), "Write.", options({ typeCounts: all, maxPerType: 2, softShare: 0, mix: { parallel: 1, sequential: 0, conditional: 0 } }));
    const drawn = leaves((onlySoftLeft!.composite_constraints[0] as { composite_constraint: Node }).composite_constraint);
    assert.deepEqual(drawn.filter((l) => l.instruction_id !== undefined), [], "every hard type is capped, so only soft ones are drawn");
    const everything = new Map([...all, ...["tone", "style", "audience", "role", "emotion", "perspective", "formality", "clarity", "conciseness", "detail", "structure", "humor", "creativity", "content"].map((c) => [`soft:${c}`, 2] as const)]);
    assert.equal(sampleCandidate(new Draw(1, "x"), "Write.", options({ typeCounts: everything, maxPerType: 2 })), undefined);
  });

  it("parses --mix and rejects bad weights with a reason", () => {
    assert.deepEqual(parseMix("parallel=2,sequential=1,conditional=1"), { parallel: 0.5, sequential: 0.25, conditional: 0.25 });
    assert.equal(parseMix("parallel=x"), "the weight of parallel must be a number >= 0 (got 'x')");
    assert.equal(parseMix("chain=1"), "unknown structure 'chain' (use parallel, sequential, conditional)");
    assert.equal(parseMix("parallel=0"), "at least one weight must be above 0");
  });
});
