"""The OpenRLHF adapter, called the way OpenRLHF calls a reward file.

OpenRLHF imports `reward_func` from `--reward.remote_url file.py` and, as each generation
finishes, runs `asyncio.to_thread(reward_func, [query], [prompt], [label])`: one sample per
call, hundreds at once. `query` is prompt + response as decoded text. It reads "rewards",
"scores" and "extra_logs" of the reply.
"""

import asyncio
import importlib.util
import json
import sys
import types

from lsrif_reward import LsrifClient, openrlhf
from support import EXPECTED, instruction, needs_serve, unused_url

pytestmark = needs_serve

PROMPT = "<|im_start|>user\nWarn about the weather.<|im_end|>\n<|im_start|>assistant\n"


def load_reward_file(path):
    """A reward file loaded the way OpenRLHF loads `--reward.remote_url file.py`."""
    spec = importlib.util.spec_from_file_location("reward_func", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.reward_func


def test_one_sample_per_call_from_threads_like_openrlhf(server, monkeypatch):
    monkeypatch.setenv("LSRIF_URL", server.url)
    monkeypatch.setattr("lsrif_reward.client._default_client", None)
    monkeypatch.setitem(sys.modules, "torch", None)  # lists, as without torch
    # The adapter module's own file (python -m lsrif_reward path openrlhf), as the docs give it.
    reward_func = load_reward_file(openrlhf.__file__)
    cases = [(i, r) for (i, r) in EXPECTED] * 20  # 120 concurrent one-sample calls
    labels = {"both": "both", "chain": json.dumps(instruction("chain"))}  # an id and LsrInstruct JSON text

    async def run():
        return await asyncio.gather(*[
            asyncio.to_thread(reward_func, [PROMPT + r], [PROMPT], [labels[i]]) for (i, r) in cases
        ])

    replies = asyncio.run(run())
    for reply, (i, r) in zip(replies, cases):
        expected = EXPECTED[(i, r)]
        assert reply["rewards"] == [expected["score"]] and reply["scores"] == [expected["score"]]
        assert reply["extra_logs"] == {k: [expected[k]] for k in ("flat", "hard", "soft", "complete", "error")}


def test_a_one_line_reward_file(server, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)
    path = tmp_path / "reward_func.py"
    path.write_text("from lsrif_reward.openrlhf import reward_func\n")
    reply = load_reward_file(path)([PROMPT + "A storm comes"], [PROMPT], ["both"], client=LsrifClient(server.url))
    assert reply["rewards"] == [1.0]


def test_a_batch_with_a_bad_label_and_an_object_label(server):
    client = LsrifClient(server.url)
    reply = openrlhf.reward_func([PROMPT + "A storm comes", PROMPT + "Calm, clear", PROMPT + "x"], [PROMPT] * 3,
                                 [instruction("both"), "both", "no-such-id"], client=client)
    assert reply["rewards"] == [1.0, 0.0, 0.0]
    assert reply["extra_logs"]["error"] == [0.0, 0.0, 1.0]
    assert reply["extra_logs"]["complete"] == [1.0, 1.0, 0.0]


def test_empty_lists_answer_empty_lists(server):
    # With several reward URLs, later servers get empty lists.
    reply = openrlhf.reward_func([], [], [], client=LsrifClient(server.url))
    assert reply == {"rewards": [], "scores": [], "extra_logs": {k: [] for k in ("flat", "hard", "soft", "complete", "error")}}


def test_unreachable_server_gives_the_fallback_for_every_sample():
    reply = openrlhf.reward_func(["qa", "qb"], ["q", "q"], ["both", "both"], client=LsrifClient(unused_url(), fallback=0.5, attempts=1))
    assert reply["rewards"] == [0.5, 0.5] and reply["scores"] == [0.5, 0.5]
    assert reply["extra_logs"]["error"] == [1.0, 1.0] and reply["extra_logs"]["soft"] == [0.5, 0.5]


def test_tensors_when_torch_imports(server, monkeypatch):
    """With torch importable the lists become float32 tensors (a stand-in module records the calls)."""
    calls = []
    fake = types.ModuleType("torch")
    fake.float32 = "float32"
    fake.tensor = lambda values, dtype=None: calls.append((list(values), dtype)) or ("tensor", list(values), dtype)
    monkeypatch.setitem(sys.modules, "torch", fake)
    reply = openrlhf.reward_func([PROMPT + "A storm comes"], [PROMPT], ["both"], client=LsrifClient(server.url))
    assert reply["rewards"] == ("tensor", [1.0], "float32")
    assert reply["extra_logs"]["error"] == ("tensor", [0.0], "float32")
    assert len(calls) == 2 + 5
