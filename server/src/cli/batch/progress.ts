// Progress on stderr: a redrawn bar on a terminal, otherwise a plain line at
// most every few seconds (logs and CI stay readable).

export interface Progress {
  update(done: number, failed: number): void;
  finish(done: number, failed: number): void;
}

const BAR_WIDTH = 30;
const PLAIN_INTERVAL_MS = 5000;

export function createProgress(total: number, write: (text: string) => void, tty: boolean, now: () => number = Date.now): Progress {
  let lastPlain = now();
  const text = (done: number, failed: number) => `${done}/${total} responses${failed ? `, ${failed} failed` : ""}`;
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
      write(`score-batch: ${text(done, failed)}\n`);
    },
    finish: (done, failed) => write(`score-batch: ${text(done, failed)}\n`),
  };
}
