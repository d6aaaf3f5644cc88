// pyCsvRows takes the runs inside a field at once instead of character by character (issue 9:
// a 1 MB field). It must read every text exactly as the former per-character reader
// (test/helpers/ifeval-reference/py-csv.ts): the same rows, the same early stop, the same error.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { pyCsvRows } from "../../../server/src/ifeval/python/py-csv.js";
import { pyCsvRows as formerCsvRows } from "../../helpers/ifeval-reference/py-csv.js";

const PARTS = ["a", "1", "x y", ",", ",", "\t", ";", '"', '"', '""', "\n", "\n", "\r", "\r\n", " ", "😀", "\ud800", "é", "\0", "𝐀"];
const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 50 }).map((parts) => parts.join(""));

const outcome = (read: () => string[][] | undefined) => {
  try {
    return { rows: read() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

test("the same rows, early stops and errors as the per-character reader", () => {
  let rows = 0;
  fc.assert(
    fc.property(text, fc.constantFrom(",", "\t", ";", "😀"), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (csv, delimiter, maxRows, maxFields) => {
      const whole = outcome(() => pyCsvRows(csv, delimiter));
      assert.deepEqual(whole, outcome(() => formerCsvRows(csv, delimiter)), JSON.stringify([csv, delimiter]));
      const limit = { rows: maxRows, fields: maxFields };
      assert.deepEqual(outcome(() => pyCsvRows(csv, delimiter, limit)), outcome(() => formerCsvRows(csv, delimiter, limit)), JSON.stringify([csv, delimiter, limit]));
      rows += whole.rows?.length ?? 0;
    }),
    { numRuns: 5000 },
  );
  assert.ok(rows > 1000, `texts read to rows, not only to errors (${rows} rows)`);
});

test("a 1 MB field: one row of one field, as the former reader gives on a shorter one", () => {
  const big = " ".repeat(1 << 20) + "x";
  const rows = pyCsvRows(big, ",", { rows: 8, fields: 5 });
  assert.deepEqual(rows?.map((row) => row.map((field) => field.length)), [[(1 << 20) + 1]]);
  assert.deepEqual(pyCsvRows('"a""b",c\n'), [['a"b', "c"]]);
});
