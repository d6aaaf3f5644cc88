// Python langdetect 1.0.9's 55 language profiles and normalisation tables
// (see server/data/LICENSE-langdetect.md), loaded once and indexed for speed:
// each code point that occurs in a profile n-gram gets a small id, each pair of ids a pair
// id, and n-grams are looked up by small integers (fast Map keys) instead of by string.
// Loaded on first use, not at import: 2.3 MB of JSON would otherwise slow every
// start of the CLI and the language server, most of which never detect a language.
type ProfileData = typeof import("../../../data/langdetect-profiles.json");
/**
 * The parsed JSON, dropped from require's cache: the tables below keep what detection needs
 * in typed arrays, and the JSON's 87k arrays held as module exports were 15 MB of heap for
 * the life of the process (and a process's peak heap grows with what stays live).
 */
function loadProfileData(): ProfileData {
  const data = require("../../../data/langdetect-profiles.json") as ProfileData;
  for (const [key, cached] of Object.entries(require.cache)) if (cached?.exports === data) delete require.cache[key];
  // The requiring module lists the JSON's module among its children too.
  module.children = module.children.filter((child) => child.exports !== data);
  return data;
}

export interface LangdetectData {
  readonly langs: readonly string[];
  /** Id (>= 1) of a code point that occurs in some profile n-gram, else 0. */
  charId(ch: string): number;
  /** Id (>= 1) of a pair of char ids that starts some bigram or trigram, else 0. */
  pairId(id1: number, id2: number): number;
  /** Index of the unigram with this char id, or -1. */
  unigramIndex(id: number): number;
  /** Index of the bigram with this pair id, or -1. */
  bigramIndex(pairId: number): number;
  /** Index of the trigram made of this pair id and then this char id, or -1. */
  trigramIndex(pairId: number, id3: number): number;
  /** `word_lang_prob_map[word]` of an n-gram index, written into `out` (one slot per language). */
  probabilities(index: number, out: Float64Array): Float64Array;
  readonly latin1Excluded: string;
  /** CJK ideograph -> representative of its class (`NGram.CJK_MAP`). */
  readonly cjkMap: ReadonlyMap<string, string>;
  readonly viToNormalize: string;
  readonly viDiacriticalMarks: string;
  readonly viNormalized: readonly string[];
}

/** Char ids stay below this, so that pair and trigram keys are small integers. */
const ID_RANGE = 4096;

let loaded: LangdetectData | undefined;

export function langdetectData(): LangdetectData {
  return (loaded ??= detectionData(buildTables(loadProfileData())));
}

interface Tables {
  langs: readonly string[];
  charIds: Map<string, number>;
  pairIds: Map<number, number>;
  unigrams: Map<number, number>;
  bigrams: Map<number, number>;
  trigrams: Map<number, number>;
  /** Per n-gram index, its (language, probability) pairs at offsets[index]..offsets[index + 1]. */
  offsets: Int32Array;
  pairLangs: Uint8Array;
  pairProbabilities: Float64Array;
  cjkMap: Map<string, string>;
  latin1Excluded: string;
  viToNormalize: string;
  viDiacriticalMarks: string;
  viNormalized: readonly string[];
}

// Apart from detectionData: closures of one function share one context, so a lookup closure
// made beside the JSON would keep the JSON alive.
function buildTables(data: ProfileData): Tables {
  const freq = data.freq as Record<string, number[]>;
  const words = Object.keys(freq);

  const charIds = new Map<string, number>();
  const idOf = (ch: string): number => {
    let id = charIds.get(ch);
    if (id === undefined) {
      id = charIds.size + 1;
      charIds.set(ch, id);
    }
    return id;
  };
  const pairIds = new Map<number, number>();
  const pairIdOf = (a: number, b: number): number => {
    const key = a * ID_RANGE + b;
    let id = pairIds.get(key);
    if (id === undefined) {
      id = pairIds.size + 1;
      pairIds.set(key, id);
    }
    return id;
  };
  const unigrams = new Map<number, number>();
  const bigrams = new Map<number, number>();
  const trigrams = new Map<number, number>();
  const offsets = new Int32Array(words.length + 1);
  words.forEach((word, index) => {
    const ids = [...word].map(idOf);
    if (ids.length === 1) unigrams.set(ids[0], index);
    else if (ids.length === 2) bigrams.set(pairIdOf(ids[0], ids[1]), index);
    else trigrams.set(pairIdOf(ids[0], ids[1]) * ID_RANGE + ids[2], index);
    offsets[index + 1] = offsets[index] + freq[word].length / 2;
  });
  if (charIds.size >= ID_RANGE || pairIds.size * ID_RANGE >= 2 ** 30) {
    throw new Error("langdetect profiles: too many distinct characters for the n-gram index");
  }

  const pairLangs = new Uint8Array(offsets[words.length]);
  const pairProbabilities = new Float64Array(offsets[words.length]);
  words.forEach((word, index) => {
    const counts = freq[word];
    const length = [...word].length;
    for (let i = 0, at = offsets[index]; i < counts.length; i += 2, at++) {
      pairLangs[at] = counts[i];
      pairProbabilities[at] = counts[i + 1] / data.nWords[counts[i]][length - 1];
    }
  });
  const cjkMap = new Map<string, string>();
  for (const cjkClass of data.cjkClasses) {
    const chars = [...cjkClass];
    for (const ch of chars) cjkMap.set(ch, chars[0]);
  }
  const { langs, latin1Excluded, viToNormalize, viDiacriticalMarks, viNormalized } = data;
  return {
    langs, charIds, pairIds, unigrams, bigrams, trigrams, offsets, pairLangs, pairProbabilities, cjkMap,
    latin1Excluded, viToNormalize, viDiacriticalMarks, viNormalized,
  };
}

function detectionData(tables: Tables): LangdetectData {
  const { charIds, pairIds, unigrams, bigrams, trigrams, offsets, pairLangs, pairProbabilities } = tables;
  return {
    langs: tables.langs,
    charId: (ch) => charIds.get(ch) ?? 0,
    pairId: (id1, id2) => pairIds.get(id1 * ID_RANGE + id2) ?? 0,
    unigramIndex: (id) => unigrams.get(id) ?? -1,
    bigramIndex: (pairId) => bigrams.get(pairId) ?? -1,
    trigramIndex: (pairId, id3) => trigrams.get(pairId * ID_RANGE + id3) ?? -1,
    probabilities(index, out) {
      out.fill(0);
      for (let at = offsets[index]; at < offsets[index + 1]; at++) out[pairLangs[at]] = pairProbabilities[at];
      return out;
    },
    latin1Excluded: tables.latin1Excluded,
    cjkMap: tables.cjkMap,
    viToNormalize: tables.viToNormalize,
    viDiacriticalMarks: tables.viDiacriticalMarks,
    viNormalized: tables.viNormalized,
  };
}
