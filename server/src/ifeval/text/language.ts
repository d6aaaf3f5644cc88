// PROVISIONAL: deterministic detection follows; returns undefined for now.
export function detectLanguage(_text: string): string | undefined {
  return undefined;
}
