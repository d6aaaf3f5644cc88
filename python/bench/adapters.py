"""Throughput of the Python path: one GRPO step (384 prompts x 5 responses = 1,920 items,
hard constraints only) through each adapter against a local `lsrif serve`.

    npx tsc -b && /usr/bin/python3 python/bench/adapters.py

Prints items/s per adapter form. The server-side figures (in-process vs HTTP) are the
serving rows of `npm run bench` (docs/benchmarks.md).
"""

import asyncio
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

from lsrif_reward import LsrifClient, openrlhf, verl  # noqa: E402
from lsrif_reward.trl import LsrifReward  # noqa: E402
from support import INSTRUCTIONS, Server  # noqa: E402

RESPONSES = ["The lighthouse, at night.", "the lighthouse at night", "A storm comes", "Calm, clear", "a storm, a lighthouse"]


def timed(name: str, n: int, run) -> None:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"{name:<48} {n} items  {seconds:6.2f} s  {n / seconds:8.0f} items/s")


def main() -> None:
    ids = [json.loads(line)["id"] for line in INSTRUCTIONS.read_text().splitlines()]
    labels = [ids[i % len(ids)] for i in range(384) for _ in RESPONSES]
    # Distinct texts (a number appended), so no item is a repeat the server could reuse.
    responses = [f"{r} {i}" for i in range(384) for r in RESPONSES]
    n = len(responses)
    server = Server(["--instructions", str(INSTRUCTIONS)])
    try:
        client = LsrifClient(server.url)
        # Warm-up: one step through the batch endpoint (JIT, parsed instructions).
        client.score_batch([{"instruction_id": l, "response": "warm " + r} for l, r in zip(labels, responses)])

        timed("LsrifClient.score_batch (chunks of 64)", n,
              lambda: client.score_batch([{"instruction_id": l, "response": r} for l, r in zip(labels, responses)]))
        timed("verl.compute_score_batch (legacy batch manager)", n,
              lambda: verl.compute_score_batch(["lsrif"] * n, [r + "!" for r in responses], labels, None, client=client))

        async def reward_loop():
            await asyncio.gather(*[verl.compute_score("lsrif", r + "?", l, {}, client=client) for l, r in zip(labels, responses)])
        timed("verl.compute_score, 1,920 concurrent awaits", n, lambda: asyncio.run(reward_loop()))

        async def openrlhf_calls():
            await asyncio.gather(*[asyncio.to_thread(openrlhf.reward_func, ["q" + r + ";"], ["q"], [l], client=client)
                                   for l, r in zip(labels, responses)])
        timed("openrlhf.reward_func, one sample per call", n, lambda: asyncio.run(openrlhf_calls()))

        reward = LsrifReward("score", url=server.url)
        timed("trl.LsrifReward (one call for the step)", n,
              lambda: reward(prompts=["p"] * n, completions=[r + "." for r in responses], lsrif_instruction=labels))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
