// The per-character reader of server/src/ifeval/python/py-csv.ts before runs inside a field
// were taken at once (commit 4e883f3 and earlier): the oracle of test/unit/ifeval/py-csv-runs.test.ts.

// Python's `list(csv.reader(io.StringIO(text), delimiter=...))` with the default
// dialect (quotechar '"', doublequote, no escapechar, not strict), as IFBench's CSV
// checkers call it. Hand-written rather than a CSV library: the checkers depend on
// the exact quirks of CPython's _csv state machine (a blank line is a row [], text
// after a closing quote is kept, an unterminated quote runs to the end, and a
// carriage return inside an unquoted line is an error).

/** csv.Error: the official code would raise (our checkers then count as not followed). */
export class PyCsvError extends Error {}

type State = "startRecord" | "startField" | "inField" | "inQuotedField" | "quoteInQuotedField" | "eatCrnl";

const EOL = "";

/** Where reading may stop early: a caller that rejects more rows or wider rows gets undefined instead. */
export interface CsvLimit {
  rows: number;
  fields: number;
}

export function pyCsvRows(text: string, delimiter?: string): string[][];
export function pyCsvRows(text: string, delimiter: string, limit: CsvLimit): string[][] | undefined;
export function pyCsvRows(text: string, delimiter = ",", limit?: CsvLimit): string[][] | undefined {
  const rows: string[][] = [];
  let fields: string[] = [];
  // A field is its flat chunks plus the characters since the last chunk: appending one
  // character at a time to a string builds a rope of one node per character (16 MB of "["
  // in one field took 1 GB).
  let field = "";
  let pending: string[] = [];
  let overLimit = false;
  const save = () => {
    if (limit && fields.length >= limit.fields) overLimit = true;
    fields.push(field + pending.join(""));
    field = "";
    pending = [];
  };
  const add = (c: string) => {
    pending.push(c);
    if (pending.length >= 4096) {
      field += pending.join("");
      pending = [];
    }
  };
  const fieldIsEmpty = () => field.length === 0 && pending.length === 0;
  let state: State = "startRecord";
  const endOrCrnl = (c: string): State => (c === EOL ? "startRecord" : "eatCrnl");

  const processChar = (c: string): void => {
    switch (state) {
      case "startRecord":
        if (c === EOL) return;
        if (c === "\n" || c === "\r") { state = "eatCrnl"; return; }
        state = "startField";
        processChar(c); // the character starts the first field
        return;
      case "startField":
        if (c === "\n" || c === "\r" || c === EOL) { save(); state = endOrCrnl(c); }
        else if (c === '"') state = "inQuotedField";
        else if (c === delimiter) save();
        else { add(c); state = "inField"; }
        return;
      case "inField":
        if (c === "\n" || c === "\r" || c === EOL) { save(); state = endOrCrnl(c); }
        else if (c === delimiter) { save(); state = "startField"; }
        else add(c);
        return;
      case "inQuotedField":
        if (c === EOL) return;
        if (c === '"') state = "quoteInQuotedField";
        else add(c);
        return;
      case "quoteInQuotedField":
        if (c === '"') { add(c); state = "inQuotedField"; }
        else if (c === delimiter) { save(); state = "startField"; }
        else if (c === "\n" || c === "\r" || c === EOL) { save(); state = endOrCrnl(c); }
        else { add(c); state = "inField"; }
        return;
      case "eatCrnl":
        if (c === "\n" || c === "\r") return;
        if (c === EOL) { state = "startRecord"; return; }
        throw new PyCsvError("new-line character seen in unquoted field");
    }
  };

  // Lines as io.StringIO yields them (split after each "\n", no newline translation), read one
  // at a time: the array of all lines of 16 MB of newlines was 128 MB before a row was read.
  let start = 0;
  const nextLine = (): string | undefined => {
    if (start >= text.length) return undefined;
    const i = text.indexOf("\n", start);
    const end = i === -1 ? text.length : i + 1;
    const line = text.slice(start, end);
    start = end;
    return line;
  };
  for (;;) {
    // One record: lines until the state machine is back at the start of a record.
    fields = [];
    let ended = false;
    do {
      const line = nextLine();
      if (line === undefined) {
        if (!fieldIsEmpty() || (state as State) === "inQuotedField") { save(); ended = true; break; }
        return rows;
      }
      if (line.includes("\0")) throw new PyCsvError("line contains NUL");
      for (const c of line) {
        processChar(c);
        if (overLimit) return undefined;
      }
      processChar(EOL);
      if (overLimit) return undefined;
    } while (state !== "startRecord");
    rows.push(fields);
    if (limit && rows.length > limit.rows) return undefined;
    if (ended) return rows;
  }
}
