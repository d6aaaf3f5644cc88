import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The layering of ARCHITECTURE.md, enforced: a lint error fails `npm test`.
const VSCODE_CLIENT = { group: ["vscode", "vscode-languageclient", "vscode-languageclient/*"], message: "Only client/ talks to VS Code (ARCHITECTURE.md: invariants)." };
const LSP_SERVER = { group: ["vscode-languageserver", "vscode-languageserver/*", "vscode-languageserver-textdocument"], message: "Only server/src/lsp/ imports vscode-languageserver (ARCHITECTURE.md: invariants)." };
const GRAMMAR_INTERNALS = { group: ["**/grammars/src/*", "!**/grammars/src/index.js"], message: "Import the grammar through grammars/src/index.js only." };
const SERVER_FROM_GRAMMAR = { group: ["**/server/**"], message: "grammars/ imports nothing of the server." };
const SERVER_FROM_CLIENT = { group: ["**/server/src/**", "!**/server/src/client-api.js"], message: "The client uses the server only through server/src/client-api.ts." };
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["out/", "dist/", "node_modules/", ".code-server/", ".vscode-test/", "test-results/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", performance: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Shipped code only: tests and the benchmark spread small, fixed lists.
    files: ["grammars/src/**/*.ts", "server/src/**/*.ts", "client/src/**/*.ts"],
    rules: {
      // A spread passes every element as an argument: past ~125k elements the call
      // overflows the stack (issue 9: 130k diagnostics became one LSR099). Use a loop.
      "no-restricted-syntax": ["error",
        { selector: "CallExpression[callee.property.name=/^(push|unshift|splice|concat)$/] > SpreadElement", message: "No spread into push/unshift/splice: a long array overflows the stack; append in a loop." },
        { selector: "CallExpression[callee.object.name='Math'] > SpreadElement", message: "No spread into Math.max/min: a long array overflows the stack; reduce in a loop." },
        { selector: "CallExpression[callee.property.name=/^(fromCharCode|fromCodePoint|apply)$/] > SpreadElement", message: "No spread of an unbounded array into a call." },
      ],
    },
  },
  { files: ["grammars/**/*.ts"], rules: restrict(VSCODE_CLIENT, LSP_SERVER, SERVER_FROM_GRAMMAR) },
  { files: ["server/src/**/*.ts"], ignores: ["server/src/lsp/**"], rules: restrict(VSCODE_CLIENT, LSP_SERVER, GRAMMAR_INTERNALS) },
  { files: ["server/src/lsp/**/*.ts"], rules: restrict(VSCODE_CLIENT, GRAMMAR_INTERNALS) },
  { files: ["client/**/*.ts"], rules: restrict(LSP_SERVER, GRAMMAR_INTERNALS, SERVER_FROM_CLIENT) },
  { files: ["bench/**/*.ts"], rules: restrict(VSCODE_CLIENT, GRAMMAR_INTERNALS) },
);
