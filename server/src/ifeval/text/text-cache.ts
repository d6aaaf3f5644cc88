// Bounded memo for per-text results: an IFEval run asks about the same text many times
// (strict, then loose variants that often equal it, and several checkers per response).

const LIMIT = 4096;

export function memoizeByText<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    const value = compute(text);
    if (cache.size >= LIMIT) cache.clear();
    cache.set(text, value);
    return value;
  };
}
