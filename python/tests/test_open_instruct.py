"""The open-instruct adapter, registered and called the way open-instruct uses verifiers.

open-instruct's `build_all_verifiers` walks `VerifierFunction.__subclasses__()`, builds each
with `subclass(subclass.get_config_class().from_args(args))` and keys it by `name`; the
reward step awaits `verifier.async_call(tokenized_prediction=, prediction=, label=, query=)`
(newer releases add `rollout_state=`) and reads `.score`, `.cost`, `.reasoning`. open-instruct
is not installed here, so `VerifierFunction` below is a stand-in with the same abstract shape.
"""

import asyncio
import json
from abc import ABC, abstractmethod

from lsrif_reward import LsrifClient
from lsrif_reward.open_instruct import LsrifVerifier, register
from support import EXPECTED, exported_rows, instruction, lsrif_scores, needs_serve, unused_url

pytestmark = needs_serve


class VerifierFunction(ABC):
    """Stand-in for open_instruct.ground_truth_utils.VerifierFunction (same constructor and abstract method)."""

    def __init__(self, name, weight=1.0, verifier_config=None):
        self.name, self.weight, self.verifier_config = name, weight, verifier_config

    @abstractmethod
    def __call__(self, tokenized_prediction, prediction, label, query=None):
        ...


def build_all_verifiers(args):
    verifiers = {}
    for subclass in VerifierFunction.__subclasses__():
        instance = subclass(subclass.get_config_class().from_args(args))
        verifiers[instance.name.lower()] = instance
    return verifiers


def test_registered_verifier_scores_like_the_cli(server, monkeypatch):
    monkeypatch.setenv("LSRIF_URL", server.url)
    monkeypatch.setattr("lsrif_reward.client._default_client", None)
    assert register(VerifierFunction) is register(VerifierFunction)  # registering twice adds one class
    verifiers = build_all_verifiers(args=object())
    assert isinstance(verifiers["lsrif"], VerifierFunction)
    verifier = verifiers["lsrif"]

    async def run():
        return await asyncio.gather(*[
            verifier.async_call(tokenized_prediction=[1, 2, 3], prediction=r, label=json.dumps(instruction(i)),
                                query="Warn about the weather.", rollout_state=None)
            for (i, r) in EXPECTED
        ])

    for result, expected in zip(asyncio.run(run()), EXPECTED.values()):
        assert result.score == expected["score"] and result.cost == 0.0
        reasoning = json.loads(result.reasoning)
        assert reasoning["reward"] == expected


def test_reasoning_lists_each_constraint_verdict(server):
    verifier = LsrifVerifier(client=LsrifClient(server.url))
    result = asyncio.run(verifier.async_call([], "The lighthouse, at night.", "chain", None))
    constraints = json.loads(result.reasoning)["constraints"]
    assert [(c["label"], c["status"]) for c in constraints] == [
        ("punctuation:no_comma", "fail"), ("keywords:existence", "pass"), ("change_case:english_lowercase", "fail")]
    assert [c["role"] for c in constraints] == ["step", "step", "step"]


def test_sync_call_and_the_list_wrapped_label(server):
    verifier = LsrifVerifier(client=LsrifClient(server.url), component="hard")
    assert verifier([], "the lighthouse at night", ["both"]).score == 0.5
    assert verifier.name == "lsrif" and "lsrif" in repr(verifier)


def test_failures_give_the_fallback_and_the_reason(server):
    verifier = LsrifVerifier(client=LsrifClient(server.url))
    result = asyncio.run(verifier.async_call([], "x", "no-such-id"))
    assert result.score == 0.0
    reasoning = json.loads(result.reasoning)
    assert reasoning["reward"]["error"] == 1.0 and "no-such-id" in reasoning["reason"]
    down = LsrifVerifier(client=LsrifClient(unused_url(), fallback=0.1, attempts=1))
    assert asyncio.run(down.async_call([], "x", "both")).score == 0.1


def test_rows_from_export_dataset_pick_the_lsrif_verifier(server, tmp_path):
    rows = exported_rows("open-instruct", tmp_path)
    register(VerifierFunction)
    verifiers = build_all_verifiers(args=object())
    for verifier in verifiers.values():
        verifier._client = LsrifClient(server.url)
    responses = ["A storm comes", "the lighthouse at night"]
    scores = [asyncio.run(verifiers[row["dataset"]].async_call([], r, row["ground_truth"], row["messages"][0]["content"])).score
              for row in rows for r in responses]
    assert scores == lsrif_scores([(row["id"], r) for row in rows for r in responses])
