// Bundles the extension for the .vsix: the client (vscode is provided by the
// editor) and the language server, each into one CommonJS file under dist/.
// Usage: node esbuild.mjs [--dev] [--watch]   (--dev: no minification, inline source maps;
//        --watch: rebuild on every change, for F5 in .vscode/launch.json)
import * as esbuild from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";

const watch = process.argv.includes("--watch");
const dev = watch || process.argv.includes("--dev");
const root = import.meta.dirname + "/";

const entries = [
  { name: "client", in: "client/src/extension.ts", out: "dist/client/extension.js" },
  { name: "server", in: "server/src/lsp/main.ts", out: "dist/server/server.js" },
  { name: "logic-tree webview", in: "client/webview/logic-tree.ts", out: "dist/client/logic-tree-webview.js", browser: true },
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
// Vega and Vega-Lite (the report's charts, ~0.8 MB) are bundled apart, beside the server, and
// loaded only when a report is drawn: inlined, every server start would parse them.
const beside = (filter) => ({
  name: "vega-beside",
  setup(build) {
    build.onResolve({ filter }, (args) => ({ path: `./${args.path}.js`, external: true }));
  },
});
const vegaBundles = () =>
  Promise.all(["vega", "vega-lite"].map((name) =>
    esbuild.build({
      ...common,
      stdin: { contents: `export * from "${name}";`, resolveDir: root, loader: "js" },
      outfile: `dist/server/${name}.js`,
      // Vega-Lite uses the vega beside it (its peer), not a second copy.
      plugins: [vegaCanvas, ...(name === "vega-lite" ? [beside(/^vega$/)] : [])],
    }),
  ));
const options = (entry) => entry.browser
  // The logic-tree webview's script runs in the browser part of the editor: its own bundle.
  ? { ...common, platform: "browser", format: "iife", target: "es2022", entryPoints: [entry.in], outfile: entry.out }
  : {
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    external: entry.name === "client" ? ["vscode"] : [],
    plugins: entry.name === "server" ? [dataFiles, beside(/^vega(-lite)?$/)] : [],
  };
mkdirSync(root + "dist/server/data", { recursive: true });
for (const file of readdirSync(root + "server/data").filter((f) => f.endsWith(".json"))) {
  copyFileSync(root + "server/data/" + file, root + "dist/server/data/" + file);
}
const vega = await vegaBundles();
if (watch) {
  // The "watch" problem matcher in .vscode/tasks.json waits for this line before F5 starts the extension host.
  const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...options(entry), logLevel: "info" })));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log("esbuild: watching for changes");
} else {
  await bundleOnce();
}

async function bundleOnce() {
  const results = await Promise.all(entries.map((entry) => esbuild.build(options(entry))));
  for (const [i, result] of results.entries()) {
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    console.log(`${entries[i].out}: ${(bytes / 1024).toFixed(0)} KiB`);
  }
  for (const result of vega) {
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    console.log(`${Object.keys(result.metafile.outputs)[0]}: ${(bytes / 1024).toFixed(0)} KiB`);
  }
}
