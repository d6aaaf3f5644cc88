// Python langdetect 1.0.9's 55 language profiles and normalisation tables
// (see server/data/LICENSE-langdetect.md), loaded once and indexed for speed:
// each code point that occurs in a profile n-gram gets a small id, each pair of ids a pair
// id, and n-grams are looked up by small integers (fast Map keys) instead of by string.
// Loaded on first use, not at import: 2.3 MB of JSON would otherwise slow every
// start of the CLI and the language server, most of which never detect a language.
type ProfileData = typeof import("../../../data/langdetect-profiles.json");
const loadProfileData = (): ProfileData => require("../../../data/langdetect-profiles.json");

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
  /** `word_lang_prob_map[word]` of an n-gram index, computed on first use. */
  probabilities(index: number): Float64Array;
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
  if (loaded) return loaded;
  const data = loadProfileData();
  const freq = data.freq as Record<string, number[]>;
  const words = Object.keys(freq);
  const langCount = data.langs.length;

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
  words.forEach((word, index) => {
    const ids = [...word].map(idOf);
    if (ids.length === 1) unigrams.set(ids[0], index);
    else if (ids.length === 2) bigrams.set(pairIdOf(ids[0], ids[1]), index);
    else trigrams.set(pairIdOf(ids[0], ids[1]) * ID_RANGE + ids[2], index);
  });
  if (charIds.size >= ID_RANGE || pairIds.size * ID_RANGE >= 2 ** 30) {
    throw new Error("langdetect profiles: too many distinct characters for the n-gram index");
  }

  const probabilityCache: (Float64Array | undefined)[] = new Array(words.length);
  const cjkMap = new Map<string, string>();
  for (const cjkClass of data.cjkClasses) {
    const chars = [...cjkClass];
    for (const ch of chars) cjkMap.set(ch, chars[0]);
  }

  loaded = {
    langs: data.langs,
    charId: (ch) => charIds.get(ch) ?? 0,
    pairId: (id1, id2) => pairIds.get(id1 * ID_RANGE + id2) ?? 0,
    unigramIndex: (id) => unigrams.get(id) ?? -1,
    bigramIndex: (pairId) => bigrams.get(pairId) ?? -1,
    trigramIndex: (pairId, id3) => trigrams.get(pairId * ID_RANGE + id3) ?? -1,
    probabilities(index) {
      const cached = probabilityCache[index];
      if (cached) return cached;
      const word = words[index];
      const counts = freq[word];
      const length = [...word].length;
      const probabilities = new Float64Array(langCount);
      for (let i = 0; i < counts.length; i += 2) {
        const lang = counts[i];
        probabilities[lang] = counts[i + 1] / data.nWords[lang][length - 1];
      }
      probabilityCache[index] = probabilities;
      return probabilities;
    },
    latin1Excluded: data.latin1Excluded,
    cjkMap,
    viToNormalize: data.viToNormalize,
    viDiacriticalMarks: data.viDiacriticalMarks,
    viNormalized: data.viNormalized,
  };
  return loaded;
}
