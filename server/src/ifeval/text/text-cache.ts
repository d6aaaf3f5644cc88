// Bounded memo for per-text results: an IFEval run asks about the same text many times
// (strict, then loose variants that often equal it, and several checkers per response).
// Bounded by entries and by the total length of the texts kept as keys: a key keeps its
// text (and the response it was sliced from) alive, and a few huge responses must not
// stay in memory after they are scored.

const DEFAULT_CAPACITY = 4096;
/** Code units of keys kept per memo; past it the oldest go, but the newest text always stays. */
const KEY_BUDGET = 8 * 1024 * 1024;

export function memoizeByText<T>(compute: (text: string) => T, capacity = DEFAULT_CAPACITY): (text: string) => T {
  const cache = new Map<string, T>();
  let keyLength = 0;
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    // A text over the budget evicts every other entry once cached: evict them before computing,
    // so that the results for earlier huge texts are not kept alive beside the new computation.
    if (text.length > KEY_BUDGET) {
      cache.clear();
      keyLength = 0;
    }
    const value = compute(text);
    cache.set(text, value);
    keyLength += text.length;
    for (const oldest of cache.keys()) {
      if (cache.size <= 1 || (cache.size <= capacity && keyLength <= KEY_BUDGET)) break;
      cache.delete(oldest);
      keyLength -= oldest.length;
    }
    return value;
  };
}
