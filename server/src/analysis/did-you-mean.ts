// Suggestions for misspelt names: Levenshtein distance within a bound.
//
// A file of unknown names asks for a suggestion per name (4 MB of them took 28 s), so:
// the distance is banded (only cells within `limit` of the diagonal) over two reused
// rows, costing O(length × limit) and allocating nothing, after a letter-count lower
// bound has ruled out most candidates. (resolve.ts remembers the registry's
// suggestions per misspelling, since a file repeats its misspellings.)

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function editDistance(a: string, b: string, limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const band = Math.min(limit, Math.max(n, m));
  const outside = band + 1;
  if (rowA.length < m + 2) {
    rowA = new Int32Array(2 * m + 2);
    rowB = new Int32Array(2 * m + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j <= band ? j : outside;
  prev[m + 1] = outside;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    cur[from - 1] = from === 1 && i <= band ? i : outside;
    let rowMin = cur[from - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let v = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j] + 1;
      if (up < v) v = up;
      const left = cur[j - 1] + 1;
      if (left < v) v = left;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < m) cur[to + 1] = outside;
    if (rowMin > limit) return limit + 1;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[m] > limit ? limit + 1 : prev[m];
}

interface Scored {
  c: string;
  d: number;
}

function limitFor(needle: string): number {
  return Math.max(2, Math.floor(needle.length / 3));
}

/** Letter counts (a-z, digits, anything else): half their L1 difference is a lower bound on the edit distance. */
function histogram(text: string): Int32Array {
  const h = new Int32Array(38);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h[c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36]++;
  }
  return h;
}

/** True when the histograms alone prove the distance exceeds `limit` (one edit moves at most 2). */
function tooFar(a: Int32Array, b: Int32Array, limit: number): boolean {
  const bound = 2 * limit;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    diff += d < 0 ? -d : d;
    if (diff > bound) return true;
  }
  return false;
}

interface Candidate {
  c: string;
  lower: string;
  tail: string | undefined;
  whole: Int32Array;
  tailHistogram: Int32Array | undefined;
}

function candidate(c: string): Candidate {
  const lower = c.toLowerCase();
  const colon = lower.indexOf(":");
  const tail = colon < 0 ? undefined : lower.slice(colon + 1);
  return { c, lower, tail, whole: histogram(lower), tailHistogram: tail === undefined ? undefined : histogram(tail) };
}

/** Candidates within the distance limit of `needle` (lower case); a suffix after ':' also counts. */
function score(needle: string, candidates: Iterable<Candidate>): Scored[] {
  const limit = limitFor(needle);
  const own = histogram(needle);
  const scored: Scored[] = [];
  const n = needle.length;
  const distance = (text: string, h: Int32Array) => {
    const gap = text.length - n;
    return gap > limit || -gap > limit || tooFar(own, h, limit) ? limit + 1 : editDistance(needle, text, limit);
  };
  for (const k of candidates) {
    const whole = distance(k.lower, k.whole);
    const d = k.tail === undefined ? whole : Math.min(whole, distance(k.tail, k.tailHistogram!));
    if (d <= limit) scored.push({ c: k.c, d });
  }
  return scored;
}

function* candidates(names: Iterable<string>): Iterable<Candidate> {
  for (const name of names) yield candidate(name);
}

function best(scored: Scored[], max: number): string[] {
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, max).map((s) => s.c);
}

/** Prepared candidates of a list passed again and again (the registry's names), kept with the list. */
const preparedLists = new WeakMap<readonly string[], Candidate[]>();

function prepared(names: Iterable<string>): Iterable<Candidate> {
  if (!Array.isArray(names)) return candidates(names);
  let list = preparedLists.get(names);
  if (list === undefined) preparedLists.set(names, (list = names.map(candidate)));
  return list;
}

/** Up to `max` candidates close to `name`, best first; a candidate whose suffix after ':' matches is also offered. */
export function suggest(name: string, names: Iterable<string>, max = 3): string[] {
  return best(score(name.toLowerCase(), prepared(names)), max);
}
