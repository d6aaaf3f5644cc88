// Markdown documentation of hard constraint types and their arguments, from the
// registry (used by hover, completion and signature help).

import { describeArgs, type ArgDescription, type RegisteredHardType } from "../../ifeval/registry.js";

export function argumentSignature(arg: ArgDescription): string {
  return `${arg.name}${arg.required ? "" : "?"}: ${arg.values ? arg.values.map((v) => JSON.stringify(v)).join(" | ") : arg.type}`;
}

export function argumentDoc(arg: ArgDescription): string {
  return `\`${argumentSignature(arg)}\`${arg.required ? "" : " (optional)"}${arg.description ? ` — ${arg.description}` : ""}`;
}

function argsLiteral(args: Record<string, unknown>): string {
  const parts = Object.entries(args).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return parts.length ? `(${parts.join(", ")})` : "";
}

function fence(text: string): string {
  const clipped = text.length > 400 ? `${text.slice(0, 400)}…` : text;
  return ["```text", clipped.replace(/```/g, "'''"), "```"].join("\n");
}

export function constraintTypeMarkdown(type: RegisteredHardType): string {
  const args = describeArgs(type);
  const lines = [
    `**${type.id}** — hard constraint (${type.family})`,
    "",
    type.summary,
  ];
  if (type.approximate) lines.push("", `Approximate: ${type.approximate}`);
  if (type.aliases.length) lines.push("", `Aliases: ${type.aliases.map((a) => `\`${a}\``).join(", ")}`);
  lines.push("", args.length ? "Arguments:" : "No arguments.");
  for (const arg of args) lines.push(`- ${argumentDoc(arg)}`);
  lines.push(
    "",
    `Passes with \`${type.id}${argsLiteral(type.example.args)}\`:`,
    fence(type.example.pass),
    "Fails:",
    fence(type.example.fail),
  );
  return lines.join("\n");
}
