// Which layers of the editor's `lsrif.judge.*` settings the judge may use. The
// editor computes this (VS Code: from `inspect()`), so the server never relies on
// workspace values it cannot vet:
// - workspace-folder values are never used (one server serves every folder);
// - in an untrusted workspace kind, baseUrl and model come only from user settings
//   or defaults, so a cloned repository cannot send the key or responses elsewhere.

/** The judge settings under `lsrif.judge`, as in package.json. */
export const JUDGE_SETTING_KEYS = ["kind", "baseUrl", "model", "concurrency", "timeoutMs", "cache"] as const;
/** Must match `capabilities.untrustedWorkspaces.restrictedConfigurations` in package.json. */
export const RESTRICTED_JUDGE_KEYS: ReadonlySet<string> = new Set(["kind", "baseUrl", "model"]);

/** The layers of one setting, as VS Code's WorkspaceConfiguration.inspect() reports them. */
export interface InspectedSetting {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** The `judge` object to send to the server. */
export function effectiveJudgeSection(inspect: (key: string) => InspectedSetting | undefined, trusted: boolean): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const key of JUDGE_SETTING_KEYS) {
    const layers = inspect(key) ?? {};
    const fromWorkspace = trusted || !RESTRICTED_JUDGE_KEYS.has(key) ? layers.workspaceValue : undefined;
    const value = fromWorkspace ?? layers.globalValue ?? layers.defaultValue;
    if (value !== undefined) section[key] = value;
  }
  return section;
}
