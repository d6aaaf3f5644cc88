// `lsrif export-dataset`: training rows for VeRL (parquet), TRL, OpenRLHF or open-instruct (JSONL) from
// the same instruction inputs as `score-batch`.

import { renameSync, writeFileSync } from "node:fs";
import { loadBatchInstructions } from "../batch/instructions.js";
import { trainingExamples, verlRow, DATASET_FORMATS, JSONL_ROWS, type DatasetFormat } from "../dataset/training-rows.js";
import { verlParquet } from "../dataset/verl-parquet.js";
import { CliError, EXIT_FAILED, EXIT_OK, type Io } from "../io.js";

export interface ExportDatasetOptions {
  instructions: string;
  format: string;
  out: string;
  dataSource?: string;
}

export function isDatasetFormat(value: string): value is DatasetFormat {
  return (DATASET_FORMATS as readonly string[]).includes(value);
}

/** Writes through a temporary file, so an interrupted export never leaves half a dataset. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    throw new CliError(`${path}: cannot write: ${(error as Error).message}`);
  }
}

export async function runExportDataset(options: ExportDatasetOptions, io: Io): Promise<number> {
  const { format } = options;
  if (!isDatasetFormat(format)) throw new CliError(`--format must be one of ${DATASET_FORMATS.join(", ")} (got '${format}')`);
  const loaded = loadBatchInstructions(options.instructions, io);
  for (const message of loaded.messages) io.stderr(message + "\n");
  const examples = trainingExamples(loaded.usable);
  if (format === "verl") {
    const dataSource = options.dataSource ?? "lsrif";
    writeAtomically(options.out, await verlParquet(examples.map((e) => verlRow(e, dataSource))));
  } else {
    const toRow = JSONL_ROWS[format];
    writeAtomically(options.out, examples.map((e) => JSON.stringify(toRow(e)) + "\n").join(""));
  }
  io.stderr(`lsrif: wrote ${examples.length} ${format} rows to ${options.out}\n`);
  if (loaded.broken.size > 0) {
    io.stderr(`lsrif: ${loaded.broken.size} instruction(s) with errors were left out: ${[...loaded.broken.keys()].join(", ")}\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
