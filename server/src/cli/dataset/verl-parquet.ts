// VeRL rows as a parquet file, written with hyparquet-writer (pure JavaScript, runs on
// Node 20). The schema is explicit and uses the standard three-level LIST layout
// (`list` / `element`), the layout pyarrow writes and reads, so pandas.read_parquet gives
// `prompt` as a list of {role, content} and `reward_model` / `extra_info` as dicts.

import type { VerlRow } from "./training-rows.js";

const text = (name: string) => ({ name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" }) as const;

const VERL_SCHEMA = [
  { name: "root", num_children: 5 },
  text("data_source"),
  { name: "prompt", repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", repetition_type: "REQUIRED", num_children: 2 },
  text("role"),
  text("content"),
  text("ability"),
  { name: "reward_model", repetition_type: "REQUIRED", num_children: 2 },
  text("style"),
  text("ground_truth"),
  { name: "extra_info", repetition_type: "REQUIRED", num_children: 3 },
  { name: "index", type: "INT64", repetition_type: "REQUIRED" },
  text("instruction_id"),
  text("split"),
] as const;

/** The parquet file's bytes. hyparquet-writer is an ES module, hence the dynamic import. */
export async function verlParquet(rows: readonly VerlRow[]): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import("hyparquet-writer");
  const column = <K extends keyof VerlRow>(name: K, map: (row: VerlRow) => unknown = (row) => row[name]) => ({
    name, data: rows.map(map),
  });
  const buffer = parquetWriteBuffer({
    columnData: [
      column("data_source"),
      column("prompt"),
      column("ability"),
      column("reward_model"),
      // INT64 columns take bigint values.
      column("extra_info", (row) => ({ ...row.extra_info, index: BigInt(row.extra_info.index) })),
    ],
    schema: VERL_SCHEMA.map((element) => ({ ...element })),
    createdBy: "lsrif export-dataset",
  });
  return new Uint8Array(buffer);
}
