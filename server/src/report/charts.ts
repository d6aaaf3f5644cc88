// The report's charts as Vega-Lite specifications (compiled to SVG by svg.ts). Every
// datum carries `ref`, the key of the drill-down list behind its mark (drill-down.ts);
// it becomes the mark's aria-label through the `description` channel, which is how
// the editor view finds what was clicked in a static SVG.

import { AGAINST_SECTION, evalSections, scoreSections, type Section } from "./captions.js";
import type { Comparison, EvalReport, Report, ScoresReport } from "./model.js";
import { binLabel } from "./refs.js";

export type VegaLiteSpec = Record<string, unknown>;

export interface Chart {
  section: Section;
  spec: VegaLiteSpec;
}

const WIDTH = 520;
const R_LABEL = "R (LsRM)";
const FLAT_LABEL = "flat mean";
const AGGREGATION_COLOURS = { domain: [R_LABEL, FLAT_LABEL], range: ["#4c78a8", "#f58518"] };
const MODE_COLOURS = { domain: ["strict", "loose"], range: ["#4c78a8", "#72b7b2"] };

function base(section: Section, width = WIDTH): VegaLiteSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: section.title,
    width,
    background: null,
    config: { font: "sans-serif", view: { stroke: null }, axis: { labelLimit: 420 } },
  };
}

const description = { field: "ref", type: "nominal" };
const aggregationColour = { field: "series", type: "nominal", title: null, scale: AGGREGATION_COLOURS, legend: { orient: "top" } };

/** Bars side by side per bin for R and flat. */
function pairedBins(section: Section, bins: ScoresReport["distribution"], prefix: string, xTitle: string, yTitle: string): Chart {
  const values = bins.flatMap((b) => [
    { bin: binLabel(b.bin), series: R_LABEL, count: b.lsrm.count, ref: `${prefix}:lsrm:${b.bin}` },
    { bin: binLabel(b.bin), series: FLAT_LABEL, count: b.flat.count, ref: `${prefix}:flat:${b.bin}` },
  ]);
  return {
    section,
    spec: {
      ...base(section),
      data: { values },
      mark: { type: "bar", tooltip: true },
      encoding: {
        x: { field: "bin", type: "ordinal", sort: null, title: xTitle, axis: { labelAngle: -40 } },
        xOffset: { field: "series", type: "nominal", scale: { domain: [R_LABEL, FLAT_LABEL] } },
        y: { field: "count", type: "quantitative", title: yTitle, axis: { tickMinStep: 1 } },
        color: aggregationColour,
        description,
      },
    },
  };
}

function meanBars(section: Section, rows: { key: string; meanLsrm: number; meanFlat: number; responses: number; ref: string }[], xTitle: string, line: boolean): Chart {
  const values = rows.flatMap((r) => [
    { key: r.key, series: R_LABEL, mean: r.meanLsrm, responses: r.responses, ref: r.ref },
    { key: r.key, series: FLAT_LABEL, mean: r.meanFlat, responses: r.responses, ref: r.ref },
  ]);
  const y = { field: "mean", type: "quantitative", title: "mean reward", scale: { domain: [0, 1] } };
  const x = { field: "key", type: "ordinal", sort: null, title: xTitle, axis: { labelAngle: 0 } };
  return {
    section,
    spec: {
      ...base(section, line ? WIDTH : 360),
      data: { values },
      mark: line ? { type: "line", point: { size: 70 }, tooltip: true } : { type: "bar", tooltip: true },
      encoding: line
        ? { x, y, color: aggregationColour, description }
        : { x, xOffset: { field: "series", type: "nominal" }, y, color: aggregationColour, description },
    },
  };
}

function passRateBars(section: Section, rows: ScoresReport["hard"], prefix: string): Chart | undefined {
  const decided = rows.filter((r) => r.passRate !== null);
  if (decided.length === 0) return undefined;
  const values = decided.map((r) => ({ key: `${r.key} (${r.passed}/${r.passed + r.failed})`, rate: r.passRate, ref: `${prefix}:${r.key}` }));
  return {
    section,
    spec: {
      ...base(section),
      height: { step: 20 },
      data: { values },
      mark: { type: "bar", tooltip: true, color: "#54a24b" },
      encoding: {
        y: { field: "key", type: "nominal", sort: null, title: null },
        x: { field: "rate", type: "quantitative", title: "pass rate", scale: { domain: [0, 1] } },
        description,
      },
    },
  };
}

function ablationScatter(section: Section, r: ScoresReport): Chart {
  const values = r.ablation.points.map((p, i) => ({ flat: p.flat, lsrm: p.lsrm, count: p.count, ref: `ablation:${i}` }));
  const axis = { scale: { domain: [0, 1] } };
  return {
    section,
    spec: {
      ...base(section, 360),
      height: 360,
      layer: [
        {
          data: { values: [{ flat: 0, lsrm: 0 }, { flat: 1, lsrm: 1 }] },
          mark: { type: "line", color: "#999", strokeDash: [4, 4] },
          encoding: { x: { field: "flat", type: "quantitative", ...axis }, y: { field: "lsrm", type: "quantitative", ...axis } },
        },
        {
          data: { values },
          mark: { type: "circle", opacity: 0.7, color: "#4c78a8", tooltip: true },
          encoding: {
            x: { field: "flat", type: "quantitative", title: "flat mean (w/o LsRM)", ...axis },
            y: { field: "lsrm", type: "quantitative", title: R_LABEL, ...axis },
            size: { field: "count", type: "quantitative", title: "responses", scale: { range: [30, 900] } },
            description,
          },
        },
      ],
    },
  };
}

function groupBars(section: Section, r: ScoresReport): Chart {
  const g = r.groups;
  const values = [
    { key: "same order", groups: g.groups - g.orderDiffers.count, ref: "groups:same" },
    { key: "ranked differently", groups: g.orderDiffers.count, ref: "groups:differ" },
    { key: "all-equal R", groups: g.allEqualLsrm.count, ref: "groups:equal-lsrm" },
    { key: "all-equal flat", groups: g.allEqualFlat.count, ref: "groups:equal-flat" },
  ];
  return {
    section,
    spec: {
      ...base(section, 360),
      height: { step: 24 },
      data: { values },
      mark: { type: "bar", tooltip: true, color: "#b279a2" },
      encoding: {
        y: { field: "key", type: "nominal", sort: null, title: null },
        x: { field: "groups", type: "quantitative", title: "groups", axis: { tickMinStep: 1 } },
        description,
      },
    },
  };
}

function scoreCharts(r: ScoresReport): Chart[] {
  const s = scoreSections(r);
  const charts: (Chart | undefined)[] = [
    pairedBins(s.distribution, r.distribution, "distribution", "reward", "responses"),
    meanBars(s.structure, r.byStructure.map((x) => ({ ...x, ref: `structure:${x.key}` })), "structure type", false),
    meanBars(s.depth, r.byDepth.map((x) => ({ ...x, key: String(x.depth), ref: `depth:${x.depth}` })), "nesting depth", true),
    passRateBars(s.hard, r.hard, "hard"),
    passRateBars(s.soft, r.soft, "soft"),
    ablationScatter(s.ablation, r),
    ...(r.groups.groups > 0 ? [groupBars(s.groups, r), pairedBins(s.spread, r.groups.spread, "spread", "max - min reward in a group", "groups")] : []),
  ];
  return charts.filter((c): c is Chart => c !== undefined);
}

function evalCharts(r: EvalReport): Chart[] {
  const s = evalSections(r);
  const levels = r.modes.flatMap((m) => [
    { level: "prompt-level", mode: m.mode, accuracy: m.promptLevel.accuracy ?? 0, ref: `accuracy:${m.mode}` },
    { level: "instruction-level", mode: m.mode, accuracy: m.instructionLevel.accuracy ?? 0, ref: `accuracy:${m.mode}` },
  ]);
  const byStrict = [...r.byInstruction].sort((a, b) => (a.strict?.accuracy ?? a.loose?.accuracy ?? 0) - (b.strict?.accuracy ?? b.loose?.accuracy ?? 0) || a.key.localeCompare(b.key));
  const perId = byStrict.flatMap((row) =>
    r.modes.flatMap(({ mode }) => {
      const acc = row[mode];
      return acc ? [{ key: `${row.key} (n=${acc.total})`, mode, accuracy: acc.accuracy ?? 0, ref: `instruction:${mode}:${row.key}` }] : [];
    }),
  );
  const colour = { field: "mode", type: "nominal", title: null, scale: MODE_COLOURS, legend: { orient: "top" } };
  const accuracy = { field: "accuracy", type: "quantitative", title: "accuracy", scale: { domain: [0, 1] } };
  return [
    {
      section: s.accuracy,
      spec: {
        ...base(s.accuracy, 360),
        data: { values: levels },
        mark: { type: "bar", tooltip: true },
        encoding: { x: { field: "level", type: "nominal", sort: null, title: "level", axis: { labelAngle: 0 } }, xOffset: { field: "mode", type: "nominal" }, y: accuracy, color: colour, description },
      },
    },
    {
      section: s.instructions,
      spec: {
        ...base(s.instructions),
        height: { step: 12 },
        data: { values: perId },
        mark: { type: "bar", tooltip: true },
        encoding: { y: { field: "key", type: "nominal", sort: null, title: null }, yOffset: { field: "mode", type: "nominal" }, x: accuracy, color: colour, description },
      },
    },
  ];
}

/** At most this many rows of the comparison are drawn (the table has them all). */
export const AGAINST_CHART_ROWS = 30;

function comparisonChart(c: Comparison): Chart {
  const section = { ...AGAINST_SECTION, caption: `${AGAINST_SECTION.caption}${c.rows.length > AGAINST_CHART_ROWS ? ` The ${AGAINST_CHART_ROWS} largest of ${c.rows.length} changes are drawn.` : ""} The other run: ${c.before}.` };
  const values = c.rows.slice(0, AGAINST_CHART_ROWS).map((x) => ({ key: `${x.group}: ${x.key}`, delta: x.delta, direction: x.delta >= 0 ? "higher in this run" : "lower in this run", ref: `against:${x.group}:${x.key}` }));
  return {
    section,
    spec: {
      ...base(section),
      height: { step: 18 },
      data: { values },
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "key", type: "nominal", sort: null, title: null },
        x: { field: "delta", type: "quantitative", title: "change (this run - other run)" },
        color: { field: "direction", type: "nominal", title: null, scale: { domain: ["higher in this run", "lower in this run"], range: ["#54a24b", "#e45756"] }, legend: { orient: "top" } },
        description,
      },
    },
  };
}

export function reportCharts(report: Report): Chart[] {
  const charts = report.kind === "scores" ? scoreCharts(report) : evalCharts(report);
  if (report.against && report.against.rows.length > 0) charts.push(comparisonChart(report.against));
  return charts;
}
