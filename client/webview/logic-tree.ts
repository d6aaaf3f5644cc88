// The logic-tree webview's script (bundled by esbuild.mjs for the browser): swaps
// in each drawing the extension posts, zooms and pans with d3-zoom, fits the tree on
// request, and asks the extension to reveal a node's source when a box is clicked.
// The first drawing opens at 100 % (labels at the editor's font size) unless the
// whole tree fits at that size; "Fit" shows all of it.

import { select } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior } from "d3-zoom";

interface TreeMessage {
  type: "tree";
  svg: string;
  caption: string;
  error?: string;
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const graph = document.getElementById("graph") as HTMLDivElement;
const caption = document.getElementById("caption") as HTMLParagraphElement;
const error = document.getElementById("error") as HTMLParagraphElement;
let behaviour: ZoomBehavior<SVGSVGElement, unknown> | undefined;
let current = zoomIdentity;
let drawnBefore = false;

function svgElement(): SVGSVGElement | null {
  return graph.querySelector("svg");
}

function size(svg: SVGSVGElement): { width: number; height: number } {
  return { width: Number(svg.dataset.width ?? 0), height: Number(svg.dataset.height ?? 0) };
}

/** The transform that shows the whole tree, never above 100 %. */
function fitTransform(svg: SVGSVGElement) {
  const { width, height } = size(svg);
  const box = svg.getBoundingClientRect();
  const k = Math.min(1, box.width / Math.max(1, width), box.height / Math.max(1, height));
  return zoomIdentity.translate((box.width - width * k) / 2, 0).scale(k);
}

/** 100 %, the root's box centred at the top. */
function actualSize(svg: SVGSVGElement) {
  const box = svg.getBoundingClientRect();
  const rootX = Number(svg.dataset.rootX ?? size(svg).width / 2);
  return zoomIdentity.translate(box.width / 2 - rootX, 0);
}

function install(svg: SVGSVGElement): void {
  const viewport = svg.querySelector("g.viewport") as SVGGElement;
  const inner = viewport.getAttribute("transform") ?? "";
  behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.1, 4])
    .on("zoom", (event: { transform: typeof zoomIdentity }) => {
      current = event.transform;
      viewport.setAttribute("transform", `${current.toString()} ${inner}`);
      document.body.dataset.zoom = current.k.toFixed(3);
    });
  const selection = select(svg);
  selection.call(behaviour).on("dblclick.zoom", null);
  // A redraw after an edit keeps where the user was; the first drawing picks 100 % or fit.
  if (drawnBefore) selection.call(behaviour.transform, current);
  else {
    const fit = fitTransform(svg);
    selection.call(behaviour.transform, fit.k >= 1 ? fit : actualSize(svg));
  }
  drawnBefore = true;
}

function zoomBy(factor: number): void {
  const svg = svgElement();
  if (svg && behaviour) select(svg).call(behaviour.scaleBy, factor);
}

window.addEventListener("message", (event: MessageEvent<TreeMessage>) => {
  const m = event.data;
  if (!m || m.type !== "tree") return;
  graph.innerHTML = m.svg;
  caption.textContent = m.caption;
  error.textContent = m.error ?? "";
  const svg = svgElement();
  if (svg) install(svg);
});

document.getElementById("fit")?.addEventListener("click", () => {
  const svg = svgElement();
  if (svg && behaviour) select(svg).call(behaviour.transform, fitTransform(svg));
});
document.getElementById("actual")?.addEventListener("click", () => {
  const svg = svgElement();
  if (svg && behaviour) select(svg).call(behaviour.transform, actualSize(svg));
});
document.getElementById("zoom-in")?.addEventListener("click", () => zoomBy(1.25));
document.getElementById("zoom-out")?.addEventListener("click", () => zoomBy(0.8));

function reveal(target: EventTarget | null): void {
  const box = (target as Element | null)?.closest("g.node.linked") as SVGGElement | null;
  if (box) vscode.postMessage({ type: "reveal", index: Number(box.dataset.index) });
}
graph.addEventListener("click", (event) => reveal(event.target));
graph.addEventListener("keydown", (event) => { if (event.key === "Enter") reveal(event.target); });
vscode.postMessage({ type: "ready" });
