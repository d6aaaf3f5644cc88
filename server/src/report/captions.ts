// The title and the how-it-is-computed caption of every chart and table, shared by the
// HTML page, the Markdown tables and the editor view.

import { GROUP_SAMPLE_CAP, SCATTER_CAP, type EvalReport, type ScoresReport } from "./model.js";

export interface Section {
  id: string;
  title: string;
  caption: string;
}

const BIN_TEXT = "bins of width 0.1, each [a, b) and the last [0.9, 1]";

export function scoreSections(r: ScoresReport): Record<
  "distribution" | "structure" | "depth" | "hard" | "soft" | "ablation" | "groups" | "spread",
  Section
> {
  const a = r.ablation;
  return {
    distribution: {
      id: "distribution",
      title: "Distribution of R (LsRM) and of the flat mean",
      caption: `How many responses have each reward, ${BIN_TEXT}. R is the LsRM reward (Parallel = mean, Sequential = mean of penalised steps, Conditional = the selected branch); flat is the plain mean over the constraints that apply (the paper's "w/o LsRM" ablation). The aggregation the file was not scored with is derived from the score tree each line carries. ${r.incomplete.count} of ${r.responses} responses are incomplete (a soft verdict unjudged or failed; those constraints are left out of R), ${r.errored.count} have a judge error.`,
    },
    structure: {
      id: "structure",
      title: "Mean R by structure type",
      caption: "Mean reward over the responses of each structure type: the kind of an instruction's one top-level structure, or Parallel when the top level holds several items (the paper's Table 2 split).",
    },
    depth: {
      id: "depth",
      title: "Mean R by nesting depth",
      caption: "Mean reward by nesting depth: the number of structures on the deepest path from the top level to a constraint (a plain list or one Sequential of constraints is 1; a Sequential with a Conditional step is 2). The shape of the paper's Figure 4.",
    },
    hard: {
      id: "hard",
      title: "Pass rate per hard constraint",
      caption: "For each hard constraint id: passed / (passed + failed) over every response where it applies (conditions and unselected branches are left out), highest first; the label gives passed/decided.",
    },
    soft: {
      id: "soft",
      title: "Pass rate per soft category",
      caption: "The same for soft constraints, by category; unjudged and failed verdicts are counted apart and left out of the rate.",
    },
    ablation: {
      id: "ablation",
      title: "LsRM R against the flat mean, per response",
      caption: `Each circle is the responses with one (flat, R) pair; its area is how many. Above the diagonal LsRM rewards more than the flat mean, below it less. ${a.sampled ? `A uniform sample of ${a.shown} of ${a.total} responses is drawn (at most ${SCATTER_CAP} are kept); the counts below are exact.` : `All ${a.total} responses.`} R > flat for ${a.lsrmAbove}, R = flat for ${a.equal}, R < flat for ${a.lsrmBelow}.`,
    },
    groups: {
      id: "groups",
      title: "GRPO groups: do LsRM and flat rank a group's responses differently?",
      caption: `A group is the responses sharing an instruction id (${r.groups.groups} ${r.groups.groups === 1 ? "group" : "groups"} of two or more; ${r.groups.singletons} ${r.groups.singletons === 1 ? "instruction" : "instructions"} with one response left out). A pair of responses of a group is ranked differently when one aggregation prefers one response and the other prefers the other or ties them. ${r.groups.sampledGroups ? `${r.groups.sampledGroups} ${r.groups.sampledGroups === 1 ? "group larger than " + GROUP_SAMPLE_CAP + " was" : "groups larger than " + GROUP_SAMPLE_CAP + " were"} compared on a uniform sample of ${GROUP_SAMPLE_CAP} responses.` : ""}`.trim(),
    },
    spread: {
      id: "spread",
      title: "Spread of rewards within a group",
      caption: `Per group, max - min of the reward, ${BIN_TEXT}. A group whose rewards are all equal gives GRPO no advantage signal: ${r.groups.allEqualLsrm.count} of ${r.groups.groups} groups under LsRM, ${r.groups.allEqualFlat.count} under the flat mean.`,
    },
  };
}

export function evalSections(r: EvalReport): Record<"accuracy" | "instructions", Section> {
  return {
    accuracy: {
      id: "accuracy",
      title: "Prompt- and instruction-level accuracy",
      caption: `Prompt-level: the share of prompts whose every instruction is followed; instruction-level: the share of all instructions followed (the official IFEval/IFBench figures). Modes read: ${r.modes.map((m) => `${m.mode} (${r.files[m.mode]})`).join(", ")}.`,
    },
    instructions: {
      id: "instructions",
      title: "Accuracy per instruction id",
      caption: "For each instruction id: followed / total over the prompts that carry it, strict and loose (loose tries the official 8 variants of the response), lowest strict accuracy first in the chart.",
    },
  };
}

export const AGAINST_SECTION: Section = {
  id: "against",
  title: "Change against the other run",
  caption: "This run minus the --against run, per figure (mean R per structure and depth, pass rate per constraint type, accuracy per instruction id), largest change first. Figures present in only one run are listed apart.",
};
