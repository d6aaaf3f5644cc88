"""The VeRL adapter, called the way VeRL calls a custom reward function.

VeRL >= 0.7.1's reward loop checks `inspect.iscoroutinefunction(compute_score)`, then awaits
`compute_score(data_source=, solution_str=, ground_truth=, extra_info=, **extra)` for each
sample concurrently (`reward_router_address` / `reward_model_tokenizer` come along when a reward
model router is set), takes `result["score"]` and collects every key into extra info. The
legacy batch manager calls `compute_score(data_sources=, solution_strs=, ground_truths=,
extra_infos=)` and expects a list. Both need the same keys for every sample.
"""

import asyncio
import functools
import importlib.util
import inspect
import json
import subprocess
import sys

import pytest

from lsrif_reward import LsrifClient, verl
from support import EXPECTED, PYTHON_DIR, assert_block, assert_failure, instruction, needs_serve, unused_url

pytestmark = needs_serve


def reward_loop(compute_score, samples, **extra):
    """What the reward loop does with a batch: one awaited call per sample, all at once."""
    assert inspect.iscoroutinefunction(compute_score)

    async def run():
        return await asyncio.gather(*[
            compute_score(data_source=s["data_source"], solution_str=s["response"], ground_truth=s["ground_truth"],
                          extra_info=s.get("extra_info", {}), **extra)
            for s in samples
        ])

    results = asyncio.run(run())
    keys = set(results[0])
    for result in results:  # VeRL asserts this when it builds the extra-info columns
        assert set(result) == keys
    return results


def test_reward_loop_async_compute_score(server, monkeypatch):
    monkeypatch.setenv("LSRIF_URL", server.url)
    monkeypatch.setattr("lsrif_reward.client._default_client", None)
    samples = [{"data_source": "lsrif", "response": r, "ground_truth": json.dumps(instruction(i))} for (i, r) in EXPECTED]
    results = reward_loop(verl.compute_score, samples, reward_router_address="10.0.0.1:8000", reward_model_tokenizer=None)
    for result, expected in zip(results, EXPECTED.values()):
        assert next(iter(result)) == "score"
        assert_block(result, expected)


def test_loaded_by_path_as_verl_loads_custom_reward_functions(server, monkeypatch):
    """reward.custom_reward_function.path points at the module file; VeRL execs it as
    `custom_module`, checks the coroutine flag and wraps it to merge `reward_kwargs`."""
    monkeypatch.setenv("LSRIF_URL", server.url)
    monkeypatch.setattr("lsrif_reward.client._default_client", None)
    path = subprocess.run([sys.executable, "-m", "lsrif_reward", "path", "verl"], capture_output=True, text=True,
                          cwd=PYTHON_DIR, check=True).stdout.strip()
    spec = importlib.util.spec_from_file_location("custom_module", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    raw_fn = getattr(module, "compute_score")
    assert inspect.iscoroutinefunction(raw_fn)

    async def with_reward_kwargs(raw, extra, *args, **kwargs):
        return await raw(*args, **{**kwargs, **extra})

    wrapped = functools.partial(with_reward_kwargs, raw_fn, {})
    samples = [{"data_source": "lsrif", "response": r, "ground_truth": i} for (i, r) in EXPECTED]
    for result, expected in zip(reward_loop(wrapped, samples), EXPECTED.values()):
        assert_block(result, expected)


def test_ground_truth_as_an_id_and_the_id_in_extra_info(server):
    client = LsrifClient(server.url)
    by_id = asyncio.run(verl.compute_score("lsrif", "A storm comes", "both", {}, client=client))
    assert_block(by_id, EXPECTED[("both", "A storm comes")])
    from_extra = verl.compute_score_sync("lsrif", "A storm comes", "", {"instruction_id": "both", "index": 3}, client=client)
    assert_block(from_extra, EXPECTED[("both", "A storm comes")])


def test_sync_twin_for_the_legacy_naive_manager(server):
    client = LsrifClient(server.url)
    for (i, r), expected in EXPECTED.items():
        result = verl.compute_score_sync(data_source="lsrif", solution_str=r, ground_truth=json.dumps(instruction(i)),
                                         extra_info={"index": 0}, client=client)
        assert_block(result, expected)


def test_legacy_batch_manager_form(server):
    client = LsrifClient(server.url)
    cases = list(EXPECTED)
    ground_truths = [json.dumps(instruction(i)) for i, _ in cases] + ["no-such-id"]
    responses = [r for _, r in cases] + ["anything"]
    results = verl.compute_score_batch(data_sources=["lsrif"] * len(responses), solution_strs=responses,
                                       ground_truths=ground_truths, extra_infos=[{}] * len(responses), client=client)
    assert isinstance(results, list) and len(results) == len(responses)
    assert len({tuple(r) for r in results}) == 1
    for result, expected in zip(results, EXPECTED.values()):
        assert_block(result, expected)
    assert_failure(results[-1])


def test_failures_keep_the_keys_and_never_raise(server):
    client = LsrifClient(server.url)
    for ground_truth in ("no-such-id", "{not json", None, 17):
        assert_failure(asyncio.run(verl.compute_score("lsrif", "x", ground_truth, None, client=client)))
    down = LsrifClient(unused_url(), attempts=1)
    assert_failure(asyncio.run(verl.compute_score("lsrif", "x", "both", None, client=down)))
    assert [tuple(r) for r in verl.compute_score_batch(["a", "b"], ["x", "y"], ["both", "both"], None, client=down)] == \
        [("score", "flat", "hard", "soft", "complete", "error")] * 2


def test_misaligned_batch_lists_are_a_programming_error():
    with pytest.raises(ValueError, match="must align"):
        verl.compute_score_batch(["a"], ["x", "y"], ["both"], None, client=LsrifClient(unused_url()))


def test_items_ask_for_the_reward_only_and_get_the_same_block(server):
    """detail "reward": the server leaves out the result tree VeRL never reads; the numbers are the same."""
    client = LsrifClient(server.url)
    for (i, r), expected in EXPECTED.items():
        item = verl._item(r, json.dumps(instruction(i)), {})
        assert item["detail"] == "reward"
        short = client.score_item(item)
        assert "result" not in short
        full = client.score_item({k: v for k, v in item.items() if k != "detail"})
        assert "result" in full
        assert short["reward"] == full["reward"]
        assert_block(short["reward"], expected)
