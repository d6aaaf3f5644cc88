// NLTK's trained English Punkt parameters (see server/data/LICENSE-punkt.md).
// Loaded on first use (see langdetect-profiles.ts for why).
type PunktData = typeof import("../../../data/punkt-english.json");
const loadPunktData = (): PunktData => require("../../../data/punkt-english.json");

export interface PunktParameters {
  readonly abbrevTypes: ReadonlySet<string>;
  /** Collocation pairs, keyed as `${first}\u0000${second}`. */
  readonly collocations: ReadonlySet<string>;
  readonly sentStarters: ReadonlySet<string>;
  readonly orthoContext: ReadonlyMap<string, number>;
}

export function collocationKey(first: string, second: string): string {
  return `${first}\u0000${second}`;
}

let english: PunktParameters | undefined;

/** Built once on first use; the JSON is bundled by tsc (copied) and esbuild (inlined). */
export function englishPunktParameters(): PunktParameters {
  if (english) return english;
  const punktEnglish = loadPunktData();
  english = {
    abbrevTypes: new Set(punktEnglish.abbrevTypes),
    collocations: new Set(punktEnglish.collocations.map(([a, b]) => collocationKey(a, b))),
    sentStarters: new Set(punktEnglish.sentStarters),
    orthoContext: new Map(Object.entries(punktEnglish.orthoContext as Record<string, number>)),
  };
  return english;
}
