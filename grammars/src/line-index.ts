// Offset <-> {line, character} conversion (both 0-based). `\n`, `\r\n` and a
// lone `\r` each end a line, as in LSP.

import { partitionPoint } from "./binary-search.js";

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset where each line starts. */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(Number.isNaN(offset) ? 0 : offset, this.text.length));
    // lineStarts[0] is 0, so some line starts at or before `at`.
    const line = partitionPoint(this.lineStarts.length, (i) => this.lineStarts[i] > at) - 1;
    return { line, character: at - this.lineStarts[line] };
  }

  /** A character past the end of its line is clamped to the line's end (before the line break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return start + Math.max(0, Math.min(position.character, this.lineEnd(position.line) - start));
  }

  private lineEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
