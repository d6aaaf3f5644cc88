// Copies this suite's fixture files (test/e2e/fixtures/workspace/) into the
// workspace the runner opened (a copy of examples/), so tests never edit the repo.
import * as path from "node:path";
import * as vscode from "vscode";
import { workspaceUri } from "../helpers/lsrif-extension.js";

// Compiled to out/test-e2e/suite/; the fixtures stay in the source tree.
const FIXTURES = path.resolve(__dirname, "../../../test/e2e/fixtures/workspace");

/** Writes fixture `name` into the workspace as `asName` (default: the same name); returns its URI. */
export async function copyFixture(name: string, asName = name): Promise<vscode.Uri> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(FIXTURES, name)));
  const target = workspaceUri(asName);
  await vscode.workspace.fs.writeFile(target, bytes);
  return target;
}

/** The code of a diagnostic whether the server sent a string or `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === "object" ? d.code.value : d.code;
}

/** "line:col-line:col", 0-based, to compare ranges in one assertion. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
