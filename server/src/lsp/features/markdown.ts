// Plain text inside Markdown: VS Code renders hover and completion docs as Markdown
// with HTML, so "<<poem of joy>>" would vanish as a tag and "*" would start emphasis.

const SPECIAL = /[\\`*_[\]<>|]/g;

/** Text shown literally in Markdown (escapes what would start emphasis, code, a link, a table cell or an HTML tag). */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`));
}
