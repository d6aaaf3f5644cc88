// `langdetect.detect(text)` as IFEval calls it: our port of Python langdetect 1.0.9
// (same 55 profiles, normalisation and estimator) with the seed fixed to 0, so the result
// equals Python's with `DetectorFactory.seed = 0` and is the same on every run.
import { extractNgrams } from "./langdetect-ngrams.js";
import { langdetectData } from "./langdetect-profiles.js";
import { PythonRandom } from "./python-random.js";
import { memoizeByText } from "./text-cache.js";

const SEED = 0;
const TRIALS = 7;
const ALPHA = 0.5;
const ALPHA_WIDTH = 0.05;
const ITERATION_LIMIT = 1000;
const PROB_THRESHOLD = 0.1;
const CONV_THRESHOLD = 0.99999;
const BASE_FREQ = 10000;

/** Divides by the (left-to-right) sum and returns the largest share (`_normalize_prob`). */
function normalize(prob: Float64Array): number {
  let sum = 0;
  for (const p of prob) sum += p;
  let max = 0;
  for (let i = 0; i < prob.length; i++) {
    const p = prob[i] / sum;
    if (max < p) max = p;
    prob[i] = p;
  }
  return max;
}

/** Averaged language probabilities over the trials, or undefined when the text has no n-gram. */
export function languageProbabilities(text: string): Map<string, number> | undefined {
  const data = langdetectData();
  const ngrams = extractNgrams(text, data);
  if (ngrams.length === 0) return undefined;
  const langCount = data.langs.length;
  const averaged = new Float64Array(langCount);
  const random = new PythonRandom(SEED);
  const scratch = new Float64Array(langCount);
  for (let trial = 0; trial < TRIALS; trial++) {
    const prob = new Float64Array(langCount).fill(1 / langCount);
    const weight = (ALPHA + random.gauss(0, 1) * ALPHA_WIDTH) / BASE_FREQ;
    for (let i = 0; ; i++) {
      const wordProb = data.probabilities(random.choice(ngrams), scratch);
      for (let k = 0; k < langCount; k++) prob[k] *= weight + wordProb[k];
      if (i % 5 === 0 && (normalize(prob) > CONV_THRESHOLD || i >= ITERATION_LIMIT)) break;
    }
    for (let k = 0; k < langCount; k++) averaged[k] += prob[k] / TRIALS;
  }
  return new Map(data.langs.map((lang, k) => [lang, averaged[k]]));
}

const cachedDetect = memoizeByText((text) => detectUncached(text));

function detectUncached(text: string): string | undefined {
  const probabilities = languageProbabilities(text);
  if (!probabilities) return undefined;
  let best = "unknown";
  let bestProb = PROB_THRESHOLD;
  for (const [lang, p] of probabilities) {
    if (p > bestProb) {
      best = lang;
      bestProb = p;
    }
  }
  return best;
}

/**
 * Python `langdetect.detect(text)`: an ISO code such as "en", "unknown" when no language
 * passes 0.1, or undefined where Python raises LangDetectException ("No features in text").
 */
export function detectLanguage(text: string): string | undefined {
  return cachedDetect(text);
}
