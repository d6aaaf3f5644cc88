// Progress on stderr: a redrawn bar on a terminal, otherwise a plain line at
// most every few seconds (logs and CI stay readable).

export interface Progress {
  update(done: number, failed: number): void;
  finish(done: number, failed: number): void;
}

const BAR_WIDTH = 30;
const PLAIN_INTERVAL_MS = 5000;

export interface ProgressLabels {
  /** What is counted ("responses"). */
  unit: string;
  /** The prefix of plain lines ("score-batch"). */
  command: string;
}

export function createProgress(
  total: number, write: (text: string) => void, tty: boolean, now: () => number = Date.now,
  labels: ProgressLabels = { unit: "responses", command: "score-batch" },
): Progress {
  let lastPlain = now();
  const text = (done: number, failed: number) => `${done}/${total} ${labels.unit}${failed ? `, ${failed} failed` : ""}`;
  if (tty) {
    const bar = (done: number, failed: number) => {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      write(`\r[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${text(done, failed)}`);
    };
    return { update: bar, finish: (done, failed) => { bar(done, failed); write("\n"); } };
  }
  return {
    update(done, failed) {
      if (now() - lastPlain < PLAIN_INTERVAL_MS) return;
      lastPlain = now();
      write(`${labels.command}: ${text(done, failed)}\n`);
    },
    finish: (done, failed) => write(`${labels.command}: ${text(done, failed)}\n`),
  };
}
