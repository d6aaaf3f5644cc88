// Bundles the extension for the .vsix: the client (vscode is provided by the
// editor) and the language server, each into one CommonJS file under dist/.
// Usage: node esbuild.mjs [--dev]   (--dev: no minification, inline source maps)
import * as esbuild from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";

const dev = process.argv.includes("--dev");
const root = import.meta.dirname + "/";

const entries = [
  { name: "client", in: "client/src/extension.ts", out: "dist/client/extension.js" },
  { name: "server", in: "server/src/lsp/main.ts", out: "dist/server/server.js" },
];
for (const entry of entries) {
  if (!existsSync(root + entry.in)) {
    console.error(`esbuild.mjs: ${entry.in} does not exist, so the ${entry.name} cannot be bundled`);
    process.exit(1);
  }
}

rmSync(root + "dist", { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: !dev,
  sourcemap: dev ? "inline" : false,
  logLevel: "warning",
  metafile: true,
};
// The server's data tables (Punkt parameters, langdetect profiles: 2.6 MB of JSON) stay
// files beside the bundle, read on first use: inlined, they would be parsed at every start.
const dataFiles = {
  name: "server-data-files",
  setup(build) {
    build.onResolve({ filter: /\/data\/[^/]+\.json$/ }, (args) => ({ path: `./data/${args.path.split("/").pop()}`, external: true }));
  },
};
// vega-canvas's Node build imports the optional native `canvas` package with a top-level
// await, which a CommonJS bundle cannot hold; its browser build returns no canvas in Node,
// and the report's SVG charts need none (text widths are estimated).
const vegaCanvas = {
  name: "vega-canvas-without-node-canvas",
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: root + "node_modules/vega-canvas/build/vega-canvas.browser.js" }));
  },
};
const results = await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      ...common,
      entryPoints: [entry.in],
      outfile: entry.out,
      external: entry.name === "client" ? ["vscode"] : [],
      plugins: entry.name === "server" ? [dataFiles, vegaCanvas] : [],
    }),
  ),
);
mkdirSync(root + "dist/server/data", { recursive: true });
for (const file of readdirSync(root + "server/data").filter((f) => f.endsWith(".json"))) {
  copyFileSync(root + "server/data/" + file, root + "dist/server/data/" + file);
}
for (const [i, result] of results.entries()) {
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.log(`${entries[i].out}: ${(bytes / 1024).toFixed(0)} KiB`);
}
