// Fixtures with inline markers, in Langium's notation: `<|>` is the cursor, `<|text|>` marks an expected range
// (the markers are removed from the text; ranges are offsets into the cleaned text). Tests write where things are,
// never count offsets by hand.

export interface MarkedRange {
  start: number;
  end: number;
  /** The text between the markers. */
  text: string;
}

export interface Fixture {
  text: string;
  /** The offset of the first `<|>`, or undefined when there is none. */
  cursor: number | undefined;
  /** Every `<|>` in order (for tests that probe several positions). */
  cursors: number[];
  /** Every `<|…|>` in order. */
  ranges: MarkedRange[];
}

/** Parses the markers out of `marked`; throws on an unclosed `<|` (a broken fixture, not a test result). */
export function fixture(marked: string): Fixture {
  let text = "";
  const cursors: number[] = [];
  const ranges: MarkedRange[] = [];
  let open: number | undefined;
  let i = 0;
  while (i < marked.length) {
    if (marked.startsWith("<|>", i)) {
      cursors.push(text.length);
      i += 3;
    } else if (marked.startsWith("<|", i)) {
      if (open !== undefined) throw new Error(`fixture: nested '<|' at ${i}`);
      open = text.length;
      i += 2;
    } else if (marked.startsWith("|>", i) && open !== undefined) {
      ranges.push({ start: open, end: text.length, text: text.slice(open) });
      open = undefined;
      i += 2;
    } else {
      text += marked[i];
      i += 1;
    }
  }
  if (open !== undefined) throw new Error("fixture: '<|' without its '|>'");
  return { text, cursor: cursors[0], cursors, ranges };
}

/** The fixture's single cursor; throws when the fixture has none or several. */
export function cursorOf(f: Fixture): number {
  if (f.cursors.length !== 1) throw new Error(`fixture: expected one <|> cursor, found ${f.cursors.length}`);
  return f.cursors[0];
}

/** Writes `<|…|>` around each range of `text` (for readable expected values and failure messages). */
export function markRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const r of sorted) {
    out += text.slice(at, r.start) + "<|" + text.slice(r.start, r.end) + "|>";
    at = r.end;
  }
  return out + text.slice(at);
}
