"""Soft constraints through every adapter: judged by the loopback judge, and with the judge down.

The instruction (inline .lsr text, the third label form) is a sequence:
    first soft "Use a formal tone."   -> judged NO  (r1 = 0)
    then no_comma                     -> checked    (r2)
    then soft "Mention the keeper."   -> judged YES (r3 = 1)
"The lighthouse keeper works at night." has no comma: r = (0, 1, 1),
r' = (0, 1 * 0.5^(1-0), 1 * 0.5^(1-0) * 0.5^(1-1)) = (0, 0.5, 0.5), LsRM R = 1/3;
flat = (0 + 1 + 1) / 3 = 2/3; hard = 1/1; soft = 1/2 (one of two judged soft leaves passes).
"Night falls, the keeper lights the lamp." has a comma: r = (0, 0, 1),
r' = (0, 0, 1 * 0.5 * 0.5) -> R = 0.25 / 3 = 1/12; flat 1/3; hard 0; soft 1/2.
"""

import asyncio
import json

from lsrif_reward import LsrifClient, openrlhf, verl
from lsrif_reward.open_instruct import LsrifVerifier
from lsrif_reward.trl import LsrifReward
from support import assert_block, assert_failure, needs_serve

pytestmark = needs_serve

SEQUENCE = """prompt "Describe a lighthouse."
first soft style "Use a formal tone."
then no_comma
then soft content "Mention the keeper."
"""

CASES = {
    "The lighthouse keeper works at night.": {"score": 1 / 3, "flat": 2 / 3, "hard": 1.0, "soft": 0.5, "complete": 1.0, "error": 0.0},
    "Night falls, the keeper lights the lamp.": {"score": 1 / 12, "flat": 1 / 3, "hard": 0.0, "soft": 0.5, "complete": 1.0, "error": 0.0},
}


def test_verl_with_soft_constraints(judged_server):
    client = LsrifClient(judged_server.url)
    for response, expected in CASES.items():
        assert_block(asyncio.run(verl.compute_score("lsrif", response, SEQUENCE, {}, client=client)), expected)
    results = verl.compute_score_batch(["lsrif"] * 2, list(CASES), [SEQUENCE] * 2, [{}] * 2, client=client)
    for result, expected in zip(results, CASES.values()):
        assert_block(result, expected)


def test_trl_components_with_soft_constraints(judged_server):
    responses = list(CASES)
    for component in ("score", "flat", "hard", "soft"):
        values = LsrifReward(component, url=judged_server.url)(prompts=["p"] * 2, completions=responses,
                                                               lsrif_instruction=[SEQUENCE] * 2)
        assert values == [CASES[r][component] for r in responses]


def test_openrlhf_with_soft_constraints(judged_server):
    prompt = "<|user|>Describe a lighthouse.<|assistant|>"
    reply = openrlhf.reward_func([prompt + r for r in CASES], [prompt] * 2, [SEQUENCE] * 2, client=LsrifClient(judged_server.url))
    rewards = reply["rewards"].tolist() if hasattr(reply["rewards"], "tolist") else reply["rewards"]
    assert rewards == [e["score"] for e in CASES.values()]


def test_open_instruct_reasoning_shows_the_judged_verdicts(judged_server):
    verifier = LsrifVerifier(client=LsrifClient(judged_server.url))
    result = asyncio.run(verifier.async_call([], "The lighthouse keeper works at night.", SEQUENCE, None))
    assert result.score == 1 / 3
    constraints = json.loads(result.reasoning)["constraints"]
    assert [(c["kind"], c["label"], c["status"]) for c in constraints] == [
        ("soft", "Use a formal tone.", "fail"), ("hard", "punctuation:no_comma", "pass"), ("soft", "Mention the keeper.", "pass")]


def test_judge_down_every_adapter_gets_the_fallback_with_error_1(judge_down_server):
    client = LsrifClient(judge_down_server.url)
    response = "The lighthouse keeper works at night."
    reply = client.score(response, SEQUENCE)
    assert_failure(reply["reward"])
    assert "judge" in reply["reason"]
    assert_failure(asyncio.run(verl.compute_score("lsrif", response, SEQUENCE, {}, client=client)))
    assert LsrifReward("soft", url=judge_down_server.url)(prompts=["p"], completions=[response], lsrif_instruction=[SEQUENCE]) == [0.0]
    logs = openrlhf.reward_func(["q" + response], ["q"], [SEQUENCE], client=client)["extra_logs"]
    assert (logs["error"].tolist() if hasattr(logs["error"], "tolist") else logs["error"]) == [1.0]
    assert asyncio.run(LsrifVerifier(client=client).async_call([], response, SEQUENCE)).score == 0.0
    # A hard-only item on the same server is still scored.
    assert_block(client.score("the lighthouse", "no_comma\n")["reward"],
                 {"score": 1.0, "flat": 1.0, "hard": 1.0, "soft": 0.0, "complete": 1.0, "error": 0.0})
