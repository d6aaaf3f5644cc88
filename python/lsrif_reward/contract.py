"""The reward block of `lsrif serve` (docs/serve.md): the same six numeric keys for every item.

Trainers break on missing or varying keys (VeRL takes the key set from the first sample and
asserts the rest; TRL turns None into NaN), so every reply the package hands to a trainer is
passed through `reward_block`, and every failure, including an unreachable server, becomes
`failure_block`: the fallback score with error 1.
"""

import math
import os
from typing import Any, Dict, Optional

# The order matters: VeRL wants `score` first.
REWARD_KEYS = ("score", "flat", "hard", "soft", "complete", "error")

Block = Dict[str, float]


def checked_fallback(value: Any, source: str = "fallback") -> float:
    """A fallback score in [0, 1] (the range `lsrif serve --fallback-score` accepts)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not (0.0 <= number <= 1.0):
        raise ValueError(f"{source} must be a number between 0 and 1 (got {value!r})")
    return number


def fallback_score() -> float:
    """`LSRIF_FALLBACK_SCORE` (default 0), the score of an item that cannot be scored."""
    text = os.environ.get("LSRIF_FALLBACK_SCORE", "").strip()
    return checked_fallback(text, "LSRIF_FALLBACK_SCORE") if text else 0.0


def failure_block(fallback: Optional[float] = None) -> Block:
    """What a failed item scores: score = flat = hard = soft = fallback, complete 0, error 1."""
    f = fallback_score() if fallback is None else float(fallback)
    return {"score": f, "flat": f, "hard": f, "soft": f, "complete": 0.0, "error": 1.0}


def reward_block(value: Any) -> Optional[Block]:
    """The six keys as floats, in order; None when `value` is not a complete reward block."""
    if not isinstance(value, dict):
        return None
    out: Block = {}
    for key in REWARD_KEYS:
        number = value.get(key)
        # bool is an int in Python; the contract says numbers, so true/false is not accepted.
        if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
            return None
        out[key] = float(number)
    return out


def failure_reply(reason: str, fallback: Optional[float] = None, item_id: Any = None) -> Dict[str, Any]:
    """A `/v1/score` reply for an item the client could not get scored."""
    reply: Dict[str, Any] = {"reward": failure_block(fallback), "reason": reason}
    if item_id is not None:
        reply["id"] = item_id
    return reply


def normalize_reply(value: Any, fallback: Optional[float] = None, item_id: Any = None) -> Dict[str, Any]:
    """A server reply with its reward block checked; a malformed reply becomes a failure."""
    block = reward_block(value.get("reward")) if isinstance(value, dict) else None
    if block is None:
        return failure_reply("the server's reply has no complete reward block", fallback, item_id)
    reply = dict(value)
    reply["reward"] = block
    if block["error"] and not isinstance(reply.get("reason"), str):
        reply["reason"] = "the server reported an error without a reason"
    return reply
