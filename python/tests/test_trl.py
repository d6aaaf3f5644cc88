"""The TRL adapter, called the way GRPOTrainer calls reward functions.

GRPOTrainer names each function by `__name__`, awaits it when
`inspect.iscoroutinefunction` / `asyncio.iscoroutinefunction` say so, and calls
`f(prompts=, completions=, completion_ids=, trainer_state=, **columns)` with one entry per
completion (dataset columns other than prompt/completion), expecting `list[float]`.
"""

import asyncio
import inspect
import json
import pickle
import urllib.request

import pytest

from lsrif_reward.trl import AsyncLsrifReward, LsrifReward
from support import EXPECTED, exported_rows, instruction, lsrif_scores, needs_serve, unused_url

pytestmark = needs_serve


def grpo_call(reward_funcs, prompts, completions, **columns):
    """GRPOTrainer's reward step: each function called with the batch, coroutines awaited."""
    out = {}
    for f in reward_funcs:
        kwargs = dict(prompts=prompts, completions=completions, completion_ids=[[1, 2]] * len(completions),
                      trainer_state=None, **columns)
        if inspect.iscoroutinefunction(f) or asyncio.iscoroutinefunction(f):
            values = asyncio.run(f(**kwargs))
        else:
            values = f(**kwargs)
        assert isinstance(values, list) and all(isinstance(v, float) for v in values)
        out[f"rewards/{f.__name__}/mean"] = values
    return out


def test_components_with_conversational_completions(server):
    cases = list(EXPECTED)
    funcs = [LsrifReward(c, url=server.url) for c in ("score", "flat", "hard", "soft")]
    prompts = [[{"role": "user", "content": "p"}] for _ in cases]
    completions = [[{"role": "assistant", "content": r}] for _, r in cases]
    out = grpo_call(funcs, prompts, completions, lsrif_instruction=[i for i, _ in cases], id=[str(n) for n in range(len(cases))])
    assert list(out) == ["rewards/lsrif_score/mean", "rewards/lsrif_flat/mean", "rewards/lsrif_hard/mean", "rewards/lsrif_soft/mean"]
    for component in ("score", "flat", "hard", "soft"):
        assert out[f"rewards/lsrif_{component}/mean"] == pytest.approx([e[component] for e in EXPECTED.values()], abs=1e-12)


def test_async_variant_is_seen_as_a_coroutine_function_and_agrees(server):
    cases = list(EXPECTED)
    sync, async_ = LsrifReward("score", url=server.url), AsyncLsrifReward("score", url=server.url)
    assert inspect.iscoroutinefunction(async_) and asyncio.iscoroutinefunction(async_)
    assert not inspect.iscoroutinefunction(sync)
    completions = [r for _, r in cases]  # standard (non-conversational) completions
    columns = {"lsrif_instruction": [json.dumps(instruction(i)) for i, _ in cases]}  # LsrInstruct JSON text
    a = grpo_call([sync], ["p"] * len(cases), completions, **columns)["rewards/lsrif_score/mean"]
    b = grpo_call([async_], ["p"] * len(cases), completions, **columns)["rewards/lsrif_score/mean"]
    assert a == b == pytest.approx([e["score"] for e in EXPECTED.values()], abs=1e-12)


def test_picklable_and_named(server):
    for f in (LsrifReward("hard", column="c", url=server.url), AsyncLsrifReward("soft", column="c", url=server.url)):
        g = pickle.loads(pickle.dumps(f))
        assert g.__name__ == f.__name__ and repr(g) == repr(f)
    g = pickle.loads(pickle.dumps(LsrifReward("hard", column="c", url=server.url)))
    assert g(prompts=["p"], completions=["A storm comes"], c=["both"]) == [1.0]
    h = pickle.loads(pickle.dumps(AsyncLsrifReward("hard", column="c", url=server.url)))
    assert inspect.iscoroutinefunction(h)
    assert asyncio.run(h(prompts=["p"], completions=["Calm, clear"], c=["both"])) == [0.0]


def test_rows_from_export_dataset_score_as_the_cli_does(server, tmp_path):
    rows = exported_rows("trl", tmp_path)
    assert [row["id"] for row in rows] == ["chain", "both"]
    assert all(row["prompt"][0]["role"] == "user" for row in rows)
    # A GRPO group: every row's prompt with three completions, columns repeated per completion.
    responses = ["A storm comes", "the lighthouse at night", "Calm, clear"]
    batch = [(row, r) for row in rows for r in responses]
    values = LsrifReward("score", url=server.url)(
        prompts=[row["prompt"] for row, _ in batch], completions=[[{"role": "assistant", "content": r}] for _, r in batch],
        lsrif_instruction=[row["lsrif_instruction"] for row, _ in batch], id=[row["id"] for row, _ in batch])
    assert values == lsrif_scores([(row["id"], r) for row, r in batch])


def test_missing_column_is_a_clear_error(server):
    with pytest.raises(ValueError, match="no column 'lsrif_instruction'"):
        LsrifReward(url=server.url)(prompts=["p"], completions=["x"], other=["y"])
    with pytest.raises(ValueError, match="component must be one of"):
        LsrifReward("total")


def test_failures_give_the_fallback_not_none(server):
    values = LsrifReward("score", url=server.url)(prompts=["p"] * 3, completions=["x", None, "A storm comes"],
                                                  lsrif_instruction=["no-such-id", "both", "both"])
    assert values == [0.0, 0.0, 1.0]  # no None: TRL would turn it into NaN
    down = LsrifReward("hard", url=unused_url())
    assert down(prompts=["p"], completions=["x"], lsrif_instruction=["both"]) == [0.0]


def _items_scored(url):
    text = urllib.request.urlopen(url + "/metrics").read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith("lsrif_items_scored_total"))


def test_several_components_of_one_batch_cost_one_server_call(server):
    funcs = [LsrifReward(c, url=server.url) for c in ("score", "flat", "hard", "soft")]
    completions = ["the storm at night", "a storm, at night"]  # not scored by any other test
    before = _items_scored(server.url)
    grpo_call(funcs, ["p"] * 2, completions, lsrif_instruction=["both", "both"])
    assert _items_scored(server.url) - before == 2  # 4 components x 2 completions, 2 items scored
