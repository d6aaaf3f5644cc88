// Vega-Lite spec -> Vega -> static SVG, in Node, with no browser and no canvas (text
// widths are estimated). vega and vega-lite are ES modules; they are loaded with
// import() on first use, so no other command pays for them.

import type { VegaLiteSpec } from "./charts.js";

type VegaModule = typeof import("vega", { with: { "resolution-mode": "import" } });
type VegaLiteModule = typeof import("vega-lite", { with: { "resolution-mode": "import" } });

let loaded: Promise<[VegaModule, VegaLiteModule]> | undefined;
const load = () => (loaded ??= Promise.all([import("vega"), import("vega-lite")]));

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await load();
  const compiled = vegaLite.compile(spec as unknown as Parameters<VegaLiteModule["compile"]>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
