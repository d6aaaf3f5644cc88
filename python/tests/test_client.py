"""LsrifClient against a real `lsrif serve`: every instruction form, batches, async, auth,
and the fixed reward keys on success and on every kind of failure."""

import asyncio
import json

import pytest

from lsrif_reward import REWARD_KEYS, LsrifClient
from support import EXPECTED, INSTRUCTIONS, assert_block, assert_failure, instruction, lsrif_scores, needs_serve, unused_url

pytestmark = needs_serve

LSR_TEXT = """prompt "Warn about the weather."
no_comma
contains(keywords: ["storm"])
"""


def test_every_instruction_form_gives_the_hand_computed_reward(server):
    client = LsrifClient(server.url)
    both = instruction("both")
    forms = [
        {"instruction": both},                   # an LsrInstruct object
        {"instruction": json.dumps(both)},       # LsrInstruct JSON text
        {"instruction": LSR_TEXT},               # .lsr text (the same constraints)
        {"instruction_id": "both"},              # preloaded with --instructions
    ]
    for form in forms:
        for response in ("A storm comes", "the lighthouse at night", "Calm, clear"):
            reply = client.score(response, **form)
            assert_block(reply["reward"], EXPECTED[("both", response)])
            assert "reason" not in reply


def test_the_server_agrees_with_lsrif_score_batch(server):
    client = LsrifClient(server.url)
    cases = list(EXPECTED)
    cli = lsrif_scores(cases)
    for (instruction_id, response), expected, cli_score in zip(cases, EXPECTED.values(), cli):
        assert client.score(response, instruction(instruction_id))["reward"]["score"] == cli_score
        assert abs(expected["score"] - cli_score) < 1e-12


def test_score_batch_keeps_order_and_scores_the_others_when_one_item_fails(server):
    client = LsrifClient(server.url, batch_size=2)  # 7 items -> 4 requests, run concurrently
    cases = list(EXPECTED.items())
    items = [{"instruction_id": i, "response": r, "id": f"n{n}"} for n, ((i, r), _) in enumerate(cases)]
    items.insert(3, {"instruction_id": "no-such-id", "response": "x", "id": "bad"})
    replies = client.score_batch(items)
    assert [r.get("id") for r in replies] == [item["id"] for item in items]
    assert_failure(replies[3]["reward"])
    assert "no-such-id" in replies[3]["reason"]
    good = replies[:3] + replies[4:]
    for reply, (_, expected) in zip(good, cases):
        assert_block(reply["reward"], expected)


def test_async_score_and_score_batch(server):
    client = LsrifClient(server.url)

    async def run():
        single = await client.ascore("A storm comes", instruction_id="both")
        many = await asyncio.gather(*[client.ascore(r, instruction_id=i) for (i, r) in EXPECTED])
        batch = await client.ascore_batch([{"instruction_id": i, "response": r} for (i, r) in EXPECTED])
        return single, many, batch

    single, many, batch = asyncio.run(run())
    assert_block(single["reward"], EXPECTED[("both", "A storm comes")])
    for reply, expected in zip(many, EXPECTED.values()):
        assert_block(reply["reward"], expected)
    for reply, expected in zip(batch, EXPECTED.values()):
        assert_block(reply["reward"], expected)


def test_a_token_server_refuses_a_client_without_the_token(token_server):
    both = instruction("both")
    refused = LsrifClient(token_server.url, token="wrong").score("A storm comes", both)
    assert_failure(refused["reward"])
    assert "HTTP 401" in refused["reason"]
    accepted = LsrifClient(token_server.url, token="s3cret-token").score("A storm comes", both)
    assert_block(accepted["reward"], EXPECTED[("both", "A storm comes")])


def test_token_from_the_environment(token_server, monkeypatch):
    monkeypatch.setenv("LSRIF_SERVE_TOKEN", "s3cret-token")
    reply = LsrifClient(token_server.url).score("A storm comes", instruction("both"))
    assert_block(reply["reward"], EXPECTED[("both", "A storm comes")])


# Every failure: the six keys, the fallback score, error 1 and a reason; nothing raises.
FAILURES = {
    "unknown instruction id": ({"instruction_id": "no-such-id", "response": "x"}, "no-such-id"),
    "instruction with errors": ({"instruction": '{"composite_constraints": [{"composite_constraint": {"type": "Nope"}}]}', "response": "x"}, ""),
    "schema-invalid item (HTTP 400 alone, per item in a batch)": ({"instruction": 42, "response": "x"}, "instruction"),
    "response that is not text": ({"instruction_id": "both", "response": None}, "not text"),
    "no instruction at all": ({"response": "x"}, "names no instruction"),
}


@pytest.mark.parametrize("name", sorted(FAILURES))
def test_every_item_failure_has_the_fixed_keys(server, name):
    item, reason = FAILURES[name]
    client = LsrifClient(server.url, fallback=0.25)
    for reply in (client.score_item(item), client.score_batch([item])[0]):
        # The server's own fallback (default 0) applies to what it scores; the client's to what it cannot send.
        assert tuple(reply["reward"]) == REWARD_KEYS
        assert reply["reward"]["error"] == 1.0 and reply["reward"]["complete"] == 0.0
        assert len({reply["reward"][k] for k in ("score", "flat", "hard", "soft")}) == 1
        assert reason in reply["reason"]


def test_an_unreachable_server_gives_the_fallback_with_error_1():
    client = LsrifClient(unused_url(), fallback=0.25, attempts=2)
    assert_failure(client.score("x", instruction_id="both")["reward"], 0.25)
    replies = client.score_batch([{"instruction_id": "both", "response": "x"}] * 3)
    assert [tuple(r["reward"]) for r in replies] == [REWARD_KEYS] * 3
    for reply in replies:
        assert_failure(reply["reward"], 0.25)
        assert "cannot reach" in reply["reason"]
    logs = client.get_reward(["qx"], ["q"], ["both"])
    assert logs == {"rewards": [0.25], "scores": [0.25],
                    "extra_logs": {"flat": [0.25], "hard": [0.25], "soft": [0.25], "complete": [0.0], "error": [1.0]}}


def test_fallback_from_the_environment(monkeypatch):
    monkeypatch.setenv("LSRIF_FALLBACK_SCORE", "0.75")
    assert_failure(LsrifClient(unused_url(), attempts=1).score("x", instruction_id="both")["reward"], 0.75)
    monkeypatch.setenv("LSRIF_FALLBACK_SCORE", "-1")
    with pytest.raises(ValueError, match="LSRIF_FALLBACK_SCORE must be a number between 0 and 1"):
        LsrifClient(unused_url())
    with pytest.raises(ValueError, match="between 0 and 1"):
        LsrifClient(unused_url(), fallback=2)


def test_health(server):
    assert LsrifClient(server.url).health()["status"] == "ok"
    with pytest.raises(RuntimeError, match="cannot reach"):
        LsrifClient(unused_url(), attempts=1).health()


def test_the_fixture_file_is_what_the_server_preloaded(server):
    # Guards the other tests: ids and inline objects name the same instructions.
    client = LsrifClient(server.url)
    for line in INSTRUCTIONS.read_text().splitlines():
        value = json.loads(line)
        by_id = client.score("A storm comes", instruction_id=value["id"])["reward"]
        inline = client.score("A storm comes", value)["reward"]
        assert by_id == inline


_inherited = {}


def test_a_client_made_before_fork_works_in_the_child(server):
    """Dataloader workers fork: a client (with its thread pool) inherited from the parent must work."""
    import multiprocessing
    client = _inherited["client"] = LsrifClient(server.url)
    assert_block(asyncio.run(client.ascore("A storm comes", instruction_id="both"))["reward"], EXPECTED[("both", "A storm comes")])
    with multiprocessing.get_context("fork").Pool(2) as pool:  # the children get the client by fork, not pickle
        blocks = pool.map(_score_in_child, ["A storm comes", "Calm, clear"])
    assert_block(blocks[0], EXPECTED[("both", "A storm comes")])
    assert_block(blocks[1], EXPECTED[("both", "Calm, clear")])
    # And a pickled copy (what Ray ships) works too.
    import pickle
    copy = pickle.loads(pickle.dumps(client))
    assert_block(asyncio.run(copy.ascore("A storm comes", instruction_id="both"))["reward"], EXPECTED[("both", "A storm comes")])


def _score_in_child(response):
    return asyncio.run(_inherited["client"].ascore(response, instruction_id="both"))["reward"]


def test_failures_are_logged_once_a_minute_per_reason(caplog):
    from lsrif_reward.client import log_failure
    down = LsrifClient(unused_url(), attempts=1)
    with caplog.at_level("WARNING", logger="lsrif_reward"):
        for _ in range(5):
            log_failure(down.score("secret response text", instruction_id="both"))
    messages = [r.getMessage() for r in caplog.records if r.name == "lsrif_reward"]
    assert len(messages) == 1 and "cannot reach" in messages[0]
    assert "secret response text" not in messages[0]
