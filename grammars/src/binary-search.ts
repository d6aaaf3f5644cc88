// The one binary search of the code base (offsets in line starts, top-level entries,
// comments). It lives in grammars/ because the grammar may import nothing of the server,
// while the server reaches the grammar through its index.

/**
 * The first index in [0, length) at which `isAfter` holds, or `length` when it holds
 * nowhere. `isAfter` must be false up to some index and true from there on (a sorted
 * array's partition point); it is called O(log length) times.
 */
export function partitionPoint(length: number, isAfter: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isAfter(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
