// GRPO groups: the responses that share an instruction id. For each group: the
// spread of R and of the flat mean (max - min, exact, streamed), whether all rewards
// are equal (no advantage signal), and whether LsRM and flat order some pair of its
// responses differently. Memory: per group a few numbers plus at most
// GROUP_SAMPLE_CAP (R, flat) pairs; past that a uniform sample decides the ordering.

import { GROUP_SAMPLE_CAP, type LineRef, type ScoresReport } from "./model.js";
import { addRef, binOf, emptyBins, emptyRefs } from "./refs.js";
import { mulberry32 } from "./reservoir.js";

interface Group {
  first: LineRef;
  n: number;
  minLsrm: number;
  maxLsrm: number;
  minFlat: number;
  maxFlat: number;
  /** R0, F0, R1, F1, ... of the kept responses. */
  pairs: number[];
}

const EPSILON = 1e-12;
const sign = (x: number) => (x > EPSILON ? 1 : x < -EPSILON ? -1 : 0);

export class GroupAggregator {
  private readonly groups = new Map<string, Group>();
  private readonly random = mulberry32(7);

  add(instruction: string, lsrm: number, flat: number, ref: LineRef): void {
    const group = this.groups.get(instruction);
    if (!group) {
      this.groups.set(instruction, { first: ref, n: 1, minLsrm: lsrm, maxLsrm: lsrm, minFlat: flat, maxFlat: flat, pairs: [lsrm, flat] });
      return;
    }
    group.n++;
    group.minLsrm = Math.min(group.minLsrm, lsrm);
    group.maxLsrm = Math.max(group.maxLsrm, lsrm);
    group.minFlat = Math.min(group.minFlat, flat);
    group.maxFlat = Math.max(group.maxFlat, flat);
    if (group.pairs.length < 2 * GROUP_SAMPLE_CAP) {
      group.pairs.push(lsrm, flat);
    } else {
      const j = Math.floor(this.random() * group.n);
      if (j < GROUP_SAMPLE_CAP) {
        group.pairs[2 * j] = lsrm;
        group.pairs[2 * j + 1] = flat;
      }
    }
  }

  instructions(): IterableIterator<string> {
    return this.groups.keys();
  }

  build(): ScoresReport["groups"] {
    const out: ScoresReport["groups"] = {
      groups: 0, singletons: 0, orderDiffers: emptyRefs(), pairs: 0, pairsDiffer: 0, sampledGroups: 0,
      allEqualLsrm: emptyRefs(), allEqualFlat: emptyRefs(), spread: emptyBins(),
    };
    for (const [instruction, group] of this.groups) {
      if (group.n < 2) {
        out.singletons++;
        continue;
      }
      out.groups++;
      const ref = { line: group.first.line, label: `${instruction} (${group.n} responses)` };
      if (group.n > GROUP_SAMPLE_CAP) out.sampledGroups++;
      const spreadLsrm = group.maxLsrm - group.minLsrm;
      const spreadFlat = group.maxFlat - group.minFlat;
      addRef(out.spread[binOf(spreadLsrm)].lsrm, ref);
      addRef(out.spread[binOf(spreadFlat)].flat, ref);
      if (spreadLsrm <= EPSILON) addRef(out.allEqualLsrm, ref);
      if (spreadFlat <= EPSILON) addRef(out.allEqualFlat, ref);
      // All pairs of the kept responses: at most GROUP_SAMPLE_CAP^2 / 2 per group.
      const p = group.pairs;
      let differ = 0;
      for (let i = 0; i < p.length; i += 2) {
        for (let j = i + 2; j < p.length; j += 2) {
          out.pairs++;
          if (sign(p[i] - p[j]) !== sign(p[i + 1] - p[j + 1])) differ++;
        }
      }
      out.pairsDiffer += differ;
      if (differ > 0) addRef(out.orderDiffers, ref);
    }
    return out;
  }
}
