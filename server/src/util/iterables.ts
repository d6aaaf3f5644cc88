// `every` and `some` over any iterable, stopping at the first answer. Node 20 has no iterator
// helpers (`Iterator.prototype.every` came with V8 12, Node 22), and a generator read to an
// array first would hold what streaming it saves.

export function every<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (!test(item)) return false;
  return true;
}

export function some<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (test(item)) return true;
  return false;
}
