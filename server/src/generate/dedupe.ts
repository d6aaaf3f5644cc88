// Duplicate detection over the whole run, in time linear in the number of candidates: exact keys for the
// normalised rendered text and for a canonical logic tree (And children sorted, wording dropped), and with
// near-dedupe a MinHash of character 5-grams with banded buckets (an index, not a comparison with every row).

import { createHash } from "node:crypto";
import type { LogicNode } from "../analysis/logic.js";
import type { RejectReason } from "./validate.js";

export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The tree as a string that ignores wording and the order of Parallel children. */
export function canonicalTree(node: LogicNode): string {
  switch (node.kind) {
    case "hard":
      return `hard(${node.id},${JSON.stringify(sortKeys(node.args))})`;
    case "soft":
      return `soft(${node.category ?? ""},${normaliseText(node.text)})`;
    case "parallel":
      return `and(${node.children.map(canonicalTree).sort().join(";")})`;
    case "sequential":
      return `chain(${node.steps.map(canonicalTree).join(";")})`;
    case "conditional":
      return `if(${canonicalTree(node.condition)};${canonicalTree(node.then)};${node.else ? canonicalTree(node.else) : ""})`;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}

const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;
const SHINGLE = 5;

/** 32 MinHash values: for each seed, the least 32-bit FNV-1a hash of a shingle mixed with that seed. */
export function minhash(text: string): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= Math.max(text.length, SHINGLE); i++) shingles.add(text.slice(i, i + SHINGLE));
  for (const shingle of shingles) {
    let h = 0x811c9dc5;
    for (let i = 0; i < shingle.length; i++) h = Math.imul(h ^ shingle.charCodeAt(i), 0x01000193) >>> 0;
    for (let k = 0; k < HASHES; k++) {
      // A cheap independent-enough family: xor with a per-k constant, then a murmur3 finaliser.
      let x = (h ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
      x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
      x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
      x = (x ^ (x >>> 16)) >>> 0;
      if (x < signature[k]) signature[k] = x;
    }
  }
  return signature;
}

/** The share of equal MinHash values: an estimate of the 5-gram Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

const digest = (s: string) => createHash("sha256").update(s).digest("base64url");

export interface DedupeKeys {
  text: string;
  tree: string;
  /** Only with near-dedupe. */
  signature?: Uint32Array;
}

export class Deduper {
  private readonly texts = new Set<string>();
  private readonly trees = new Set<string>();
  private readonly buckets = new Map<string, Uint32Array[]>();

  /** `nearThreshold`: reject at this estimated similarity or above; undefined turns near-dedupe off. */
  constructor(private readonly nearThreshold: number | undefined) {}

  keys(rendered: string, root: LogicNode): DedupeKeys {
    const text = normaliseText(rendered);
    return { text: digest(text), tree: digest(canonicalTree(root)), signature: this.nearThreshold === undefined ? undefined : minhash(text) };
  }

  /** Why these keys duplicate an accepted row, or undefined. */
  check(keys: DedupeKeys): RejectReason | undefined {
    if (this.texts.has(keys.text)) return "duplicate-text";
    if (this.trees.has(keys.tree)) return "duplicate-tree";
    if (keys.signature && this.nearThreshold !== undefined) {
      const seen = new Set<Uint32Array>();
      for (const bucket of this.bandKeys(keys.signature)) {
        for (const other of this.buckets.get(bucket) ?? []) {
          if (seen.has(other)) continue;
          seen.add(other);
          if (similarity(keys.signature, other) >= this.nearThreshold) return "near-duplicate";
        }
      }
    }
    return undefined;
  }

  add(keys: DedupeKeys): void {
    this.texts.add(keys.text);
    this.trees.add(keys.tree);
    if (keys.signature) {
      for (const bucket of this.bandKeys(keys.signature)) {
        const list = this.buckets.get(bucket);
        if (list) list.push(keys.signature);
        else this.buckets.set(bucket, [keys.signature]);
      }
    }
  }

  private *bandKeys(signature: Uint32Array): Generator<string> {
    for (let b = 0; b < BANDS; b++) yield `${b}:${Array.from(signature.subarray(b * ROWS, (b + 1) * ROWS)).join(",")}`;
  }
}
