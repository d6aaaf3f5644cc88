// The command line's help text: one usage block per command, declared once. `lsrif help` joins them;
// `lsrif COMMAND --help` prints the command's block with the flag groups it takes. README.md lists the same
// commands (a unit test holds the two together).

import { GENERATE_USAGE } from "./commands/generate.js";
import { SERVE_USAGE } from "./commands/serve.js";
import { JUDGE_USAGE } from "./judge-options.js";
import { RESPONSE_LIMIT_USAGE } from "./response-limit-options.js";

export const COMMAND_USAGE = {
  "check": `  lsrif check FILE... [--json]                 diagnostics; exit 1 when any error`,
  "score": `  lsrif score INSTRUCTION RESPONSE [--gamma G] [--flat] [--loose] [--json] [judge flags]
                                               score a response (.lsr or LsrInstruct JSON; RESPONSE may be -)`,
  "score-batch": `  lsrif score-batch --instructions DIR_OR_JSONL --in responses.jsonl --out scores.jsonl
                    [--gamma G] [--flat] [--loose] [--summary-json FILE] [--no-retry-errors] [judge flags]
                                               score many responses; resumable (ids in --out are skipped,
                                               except lines with failed soft verdicts, scored again)`,
  "export-dataset": `  lsrif export-dataset --instructions DIR_OR_JSONL --format verl|trl|openrlhf|open-instruct --out FILE
                    [--data-source NAME]       training rows (VeRL parquet; JSONL for the others; docs/training.md)`,
  serve: SERVE_USAGE,
  "import": `  lsrif import FILE.json [-o OUT.lsr]          LsrInstruct JSON to .lsr`,
  "export": `  lsrif export FILE.lsr [-o OUT.json] [--paper]
                                               .lsr to LsrInstruct JSON (--paper: without scopes, warning for each)`,
  "render": `  lsrif render FILE                            the natural-language instruction`,
  "format": `  lsrif format FILE... [--write | --check]     canonical formatting`,
  "ifeval": `  lsrif ifeval --input input_data.jsonl --responses responses.jsonl [--loose] --out results.jsonl
                                               IFEval's official evaluation`,
  "ifbench": `  lsrif ifbench --input IFBench_test.jsonl --responses sample_output.jsonl [--loose] --out results.jsonl
                                               IFEval's / IFBench's official evaluation`,
  "generate": `  lsrif generate --seeds SEEDS --out DATASET.jsonl [--proposer sample|llm] [--seed N] [--mix ...] [--probe N]
                                               LsrInstruct-style instructions from seed prompts (see lsrif generate --help)`,
  "report": `  lsrif report SCORES.jsonl | RESULTS.jsonl [LOOSE_RESULTS.jsonl] [--against OTHER.jsonl]...
               [--instructions DIR_OR_JSONL] [--format html|md|json] [-o report.html]
                                               charts and tables of a score-batch or ifeval/ifbench run`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

const RESPONSE_TEXT_USAGE = `score, score-batch and serve also take:
  --strip-thinking                   score only the text after the last </think> (none: score 0)
  --strip-suffix                     drop trailing <|im_end|>, <|endoftext|>, </s>, <|eot_id|>
  --soft-value binary|probability    a judged soft constraint counts 1/0 (default, the paper) or P(yes)`;

const LIMIT_USAGE = `Response size (score, score-batch):
${RESPONSE_LIMIT_USAGE}`;

const EXIT_CODES = "Exit codes: 0 success, 1 failed checks, 2 unusable input.";

/** The flag groups each command takes besides its own. */
const EXTRA: Partial<Record<CommandName, string[]>> = {
  score: [JUDGE_USAGE, RESPONSE_TEXT_USAGE, LIMIT_USAGE],
  "score-batch": [JUDGE_USAGE, RESPONSE_TEXT_USAGE, LIMIT_USAGE],
  serve: [JUDGE_USAGE, RESPONSE_TEXT_USAGE],
  generate: [GENERATE_USAGE],
};

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_USAGE, name);
}

export function commandHelp(name: CommandName): string {
  return [`Usage:\n${COMMAND_USAGE[name]}`, ...(EXTRA[name] ?? []), EXIT_CODES].join("\n\n") + "\n";
}

export const USAGE = `lsrif: logic-structured instructions and LsRM scoring

Usage:
${Object.values(COMMAND_USAGE).join("\n")}
  lsrif help                                   this text; lsrif COMMAND --help for one command

${JUDGE_USAGE}

${RESPONSE_TEXT_USAGE}

${LIMIT_USAGE}

${EXIT_CODES}
`;
