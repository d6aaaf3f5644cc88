// The largest response the hard checks read. Policies emit degenerate rollouts of any
// length; past the limit a hard leaf gets a clear error instead of the process running out
// of memory. The checkers are linear in time and keep peak memory within about 20x the
// response (docs/benchmarks.md), so the default bounds one response's checks to ~320 MB.

/**
 * 16 MiB: 30 to 100 times the longest real rollouts (128k generated tokens are ~0.5 MB of
 * text), and small enough that several responses checked in parallel fit Node's default heap.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The most a user may allow: at 20x it still fits Node's default heap (about 4 GB). */
export const MAX_RESPONSE_BYTES_CEILING = 128 * 1024 * 1024;

/** The error for every hard leaf when the response is over the limit, else undefined. */
export function responseSizeError(response: string, maxBytes: number = DEFAULT_MAX_RESPONSE_BYTES): string | undefined {
  // UTF-8 needs at most three bytes per UTF-16 code unit: most responses need no count.
  if (response.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(response, "utf8");
  if (bytes <= maxBytes) return undefined;
  return `response too large for hard checks: ${formatBytes(bytes)}, over the limit of ${formatBytes(maxBytes)} (max response bytes; --max-response-bytes on the command line)`;
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB (${bytes} bytes)` : `${bytes} bytes`;
}
