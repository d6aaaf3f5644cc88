"""TRL `GRPOTrainer` reward functions (docs/training.md#trl).

GRPOTrainer calls each reward function as
    f(prompts=[...], completions=[...], completion_ids=[...], trainer_state=..., **dataset_columns)
with one entry per completion, and wants `list[float]`. It names the function's metrics
`rewards/<f.__name__>/mean`, so each instance has a `__name__` (`lsrif_score`, `lsrif_hard`,
...): pass several components and TRL logs and weights them separately
(`GRPOConfig(reward_weights=[...])`). Instances are picklable (TRL and accelerate may ship
them to other processes); the client is created where the function runs.

Several components of one batch cost one server call: replies are kept in a small per-process
cache keyed by the request, which the next component's identical request finds.

Conversational completions (lists of messages) are scored on the last assistant message.
`AsyncLsrifReward` is the async variant: TRL runs coroutine reward functions concurrently.
"""

import functools
import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Sequence, Tuple

from lsrif_reward.client import LsrifClient, default_client, item_for_label, log_failure

COMPONENTS = ("score", "flat", "hard", "soft")
DEFAULT_COLUMN = "lsrif_instruction"


def completion_text(completion: Any) -> Any:
    """The text of a completion: a string, or the last assistant message of a conversation."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, (list, tuple)):
        for message in reversed(completion):
            if isinstance(message, dict) and message.get("role", "assistant") == "assistant":
                return _content_text(message.get("content"))
    if isinstance(completion, dict):
        return _content_text(completion.get("content"))
    return completion


def _content_text(content: Any) -> Any:
    # Multimodal messages hold a list of parts: [{"type": "text", "text": ...}, ...].
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type", "text") == "text")
    return content


class _ReplyCache:
    """A bounded map from request digest to reward block, for the components of one batch."""

    def __init__(self, size: int = 8192) -> None:
        self.size = size
        self._data: "OrderedDict[str, Dict[str, Any]]" = OrderedDict()
        self._guard = threading.Lock()

    def get(self, key: str) -> Optional[Dict[str, Any]]:
        with self._guard:
            reply = self._data.get(key)
            if reply is not None:
                self._data.move_to_end(key)
            return reply

    def put(self, key: str, reply: Dict[str, Any]) -> None:
        with self._guard:
            self._data[key] = reply
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


_cache = _ReplyCache()


class LsrifReward:
    """A GRPOTrainer reward function: one component of the reward block per completion.

    `component`: "score" (LsRM R), "flat", "hard" or "soft"; `column`: the dataset column
    holding the instruction (LsrInstruct JSON text, .lsr text or an instruction id).
    """

    def __init__(self, component: str = "score", column: str = DEFAULT_COLUMN, url: Optional[str] = None,
                 token: Optional[str] = None) -> None:
        if component not in COMPONENTS:
            raise ValueError(f"component must be one of {', '.join(COMPONENTS)} (got {component!r})")
        self.component = component
        self.column = column
        self.url = url
        self.token = token
        self.__name__ = f"lsrif_{component}"

    def __repr__(self) -> str:
        return f"LsrifReward(component={self.component!r}, column={self.column!r})"

    def client(self) -> LsrifClient:
        if self.url is None and self.token is None:
            return default_client()
        return _clients(self.url, self.token)

    def __call__(self, prompts: Optional[Sequence[Any]] = None, completions: Optional[Sequence[Any]] = None,
                 **kwargs: Any) -> List[float]:
        items, cached, missing = self._plan(completions, kwargs)
        if missing:
            self._store(items, missing, self.client().score_batch([items[i] for i in missing]), cached)
        return [reply["reward"][self.component] for reply in cached]

    def _plan(self, completions: Optional[Sequence[Any]], kwargs: Dict[str, Any]) -> Tuple[list, list, List[int]]:
        if completions is None:
            raise ValueError(f"{self.__name__}: called without completions")
        if self.column not in kwargs:
            raise ValueError(f"{self.__name__}: the dataset has no column {self.column!r} with the instructions "
                             f"(columns passed: {', '.join(sorted(kwargs)) or 'none'})")
        labels = kwargs[self.column]
        if len(labels) != len(completions):
            raise ValueError(f"{self.__name__}: {len(completions)} completions but {len(labels)} values of {self.column!r}")
        # detail "reward": a reward function returns numbers only, so the server leaves out the result tree.
        items = [item_for_label(completion_text(c), label, detail="reward") for c, label in zip(completions, labels)]
        scope = self.client().url or "local"
        cached = [_cache.get(_key(scope, item)) for item in items]
        return items, cached, [i for i, reply in enumerate(cached) if reply is None]

    def _store(self, items: list, missing: List[int], replies: List[Dict[str, Any]], cached: list) -> None:
        scope = self.client().url or "local"
        for index, reply in zip(missing, replies):
            log_failure(reply)
            cached[index] = reply
            if not reply["reward"]["error"]:  # failures are retried by the next component
                _cache.put(_key(scope, items[index]), {"reward": reply["reward"]})  # the block only: small


async def _async_reward(reward: LsrifReward, prompts: Optional[Sequence[Any]] = None,
                        completions: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[float]:
    items, cached, missing = reward._plan(completions, kwargs)
    if missing:
        replies = await reward.client().ascore_batch([items[i] for i in missing])
        reward._store(items, missing, replies, cached)
    return [reply["reward"][reward.component] for reply in cached]


class AsyncLsrifReward(functools.partial):
    """The async variant of `LsrifReward` (same arguments).

    TRL decides with `inspect.iscoroutinefunction` / `asyncio.iscoroutinefunction` whether to
    await a reward function. Both answer False for an object with an `async def __call__` on
    Python < 3.12, but both see through `functools.partial`; so this is a partial of a module
    function, which also keeps it picklable.
    """

    def __new__(cls, component: str = "score", column: str = DEFAULT_COLUMN, url: Optional[str] = None,
                token: Optional[str] = None) -> "AsyncLsrifReward":
        self = super().__new__(cls, _async_reward, LsrifReward(component, column, url, token))
        self.__name__ = f"lsrif_{component}"
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        reward: LsrifReward = self.args[0]
        return (AsyncLsrifReward, (reward.component, reward.column, reward.url, reward.token))

    def __repr__(self) -> str:
        reward: LsrifReward = self.args[0]
        return f"AsyncLsrifReward(component={reward.component!r}, column={reward.column!r})"


def _key(scope: str, item: Dict[str, Any]) -> str:
    # Per server (two servers may judge differently); a digest, so the cache holds no response text.
    return hashlib.sha256(json.dumps([scope, item], sort_keys=True, default=str).encode("utf-8")).hexdigest()


_client_table: Dict[Tuple[Optional[str], Optional[str]], LsrifClient] = {}
_client_guard = threading.Lock()


def _clients(url: Optional[str], token: Optional[str]) -> LsrifClient:
    with _client_guard:
        client = _client_table.get((url, token))
        if client is None:
            client = _client_table[(url, token)] = LsrifClient(url, token)
        return client
