// Signature help inside `name(...)`: the constraint's argument list.

import { describeArgs, findHardType } from "../../ifeval/registry.js";
import { argumentSignature } from "./constraint-docs.js";
import { cursorContext } from "./cursor-context.js";

export interface SignatureInfo {
  label: string;
  documentation: string;
  /** Each parameter's [start, end) within `label`, with its description. */
  parameters: { label: [number, number]; documentation: string }[];
  activeParameter: number;
}

export function signatureAt(text: string, offset: number, from = 0): SignatureInfo | undefined {
  const { context } = cursorContext(text, offset, from);
  if (context.kind !== "argument-name" && context.kind !== "argument-value") return undefined;
  const type = findHardType(context.call);
  if (!type) return undefined;
  const args = describeArgs(type);
  const parameters: SignatureInfo["parameters"] = [];
  let label = `${context.call}(`;
  args.forEach((arg, i) => {
    if (i > 0) label += ", ";
    const part = argumentSignature(arg);
    parameters.push({ label: [label.length, label.length + part.length], documentation: arg.description });
    label += part;
  });
  label += ")";
  let active: number;
  if (context.kind === "argument-value") active = args.findIndex((a) => a.name === context.argument);
  else {
    const next = args.findIndex((a) => !context.given.includes(a.name));
    active = next >= 0 ? next : Math.min(context.argIndex, args.length - 1);
  }
  return { label, documentation: type.summary, parameters, activeParameter: Math.max(0, active) };
}
