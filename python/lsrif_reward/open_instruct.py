"""An open-instruct verifier (docs/training.md#open-instruct).

open-instruct scores a sample with the verifier named by its dataset's `dataset` column,
awaiting `verifier.async_call(tokenized_prediction=..., prediction=..., label=..., query=...)`
(newer releases also pass `rollout_state`) and reading `.score` and `.cost` of the result.
Its verifiers are the subclasses of `open_instruct.ground_truth_utils.VerifierFunction`,
found by `build_all_verifiers` and keyed by `name`. There is no plugin path, so two lines
register this one before the verifiers are built:

    from lsrif_reward.open_instruct import register
    register(VerifierFunction)   # VerifierFunction from open_instruct.ground_truth_utils

`register` makes a subclass of open-instruct's own base class that `build_all_verifiers`
picks up; `LsrifVerifier` alone has the same shape for code that keeps its own table.
The label is the instruction (LsrInstruct JSON text or an instruction id); `reasoning` is JSON
with the reward block and each constraint's verdict.
"""

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from lsrif_reward.client import LsrifClient, default_client, item_for_label, log_failure


@dataclass
class LsrifVerificationResult:
    """Shaped like open-instruct's `VerificationResult`."""

    score: float
    cost: float = 0.0
    reasoning: Optional[str] = None


@dataclass
class LsrifVerifierConfig:
    """open-instruct builds each verifier's config with `get_config_class().from_args(args)`."""

    @classmethod
    def from_args(cls, args: Any) -> "LsrifVerifierConfig":
        return cls()


class LsrifVerifier:
    """The `lsrif` verifier: score = the chosen component of the reward block (default LsRM R)."""

    def __init__(self, verifier_config: Any = None, *, component: str = "score", client: Optional[LsrifClient] = None) -> None:
        self.name = "lsrif"
        self.weight = 1.0
        self.verifier_config = verifier_config
        self.component = component
        self._client = client

    @classmethod
    def get_config_class(cls) -> type:
        return LsrifVerifierConfig

    def client(self) -> LsrifClient:
        return self._client or default_client()

    def __call__(self, tokenized_prediction: Any, prediction: str, label: Any, query: Optional[str] = None,
                 rollout_state: Any = None) -> LsrifVerificationResult:
        return self._result(self.client().score_item(item_for_label(prediction, label)))

    async def async_call(self, tokenized_prediction: Any, prediction: str, label: Any, query: Optional[str] = None,
                         rollout_state: Any = None) -> LsrifVerificationResult:
        return self._result(await self.client().ascore_item(item_for_label(prediction, label)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name}, weight={self.weight})"

    def _result(self, reply: Dict[str, Any]) -> LsrifVerificationResult:
        log_failure(reply)
        block = reply["reward"]
        reasoning: Dict[str, Any] = {"reward": block}
        if block["error"]:
            reasoning["reason"] = reply.get("reason")
        result = reply.get("result")
        if isinstance(result, dict) and isinstance(result.get("tree"), dict):
            reasoning["constraints"] = constraint_verdicts(result["tree"])
        return LsrifVerificationResult(score=block[self.component], cost=0.0, reasoning=json.dumps(reasoning))


def constraint_verdicts(tree: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The leaves of an `lsrif score --json` tree: each constraint's role, status and value."""
    out: List[Dict[str, Any]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.get("kind") in ("hard", "soft"):
            out.append({k: node.get(k) for k in ("kind", "role", "label", "status", "value")})
        stack.extend(reversed([c for c in node.get("children") or [] if isinstance(c, dict)]))
    return out


_registered: Dict[type, type] = {}


def register(verifier_function_base: type) -> type:
    """Subclasses open-instruct's `VerifierFunction` so `build_all_verifiers` finds `lsrif`
    (once per base class: calling it again returns the same subclass)."""
    if verifier_function_base not in _registered:
        _registered[verifier_function_base] = type(
            "LsrifVerifierFunction", (LsrifVerifier, verifier_function_base), {"__module__": __name__})
    return _registered[verifier_function_base]
