"""`LsrifClient`: the HTTP client of `lsrif serve` (the contract is in docs/serve.md).

Every call returns the fixed reward keys, also when the server is unreachable or answers
nonsense: such an item gets the fallback score with `error: 1` and a `reason`, and the batch
goes on. Only programming errors (a wrong argument type) raise.
"""

import asyncio
import functools
import json
import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Optional, Sequence

from .contract import REWARD_KEYS, checked_fallback, failure_block, failure_reply, fallback_score, normalize_reply
from .instruction import LabelError, instruction_fields
from .local_server import LocalServer, LocalServerError, shared_local_server
from .transport import RequestFailed, request_json

Reply = Dict[str, Any]

# Items per `/v1/score_batch` request: large GRPO steps are split so no body nears the
# server's size limit, and the chunks run concurrently.
DEFAULT_BATCH_SIZE = 64


def label_item(response: Any, label: Any, instruction_id: Optional[str] = None, **options: Any) -> Dict[str, Any]:
    """A `/v1/score` body for a trainer's label (see `instruction.instruction_fields`)."""
    item: Dict[str, Any] = {"response": response}
    item.update(instruction_fields(label, instruction_id))
    item.update({k: v for k, v in options.items() if v is not None})
    return item


class LsrifClient:
    """Client of one `lsrif serve`. With no `url`, the machine's shared local server (started on first use).

    `token` defaults to `LSRIF_SERVE_TOKEN`; `timeout` (seconds per request) to `LSRIF_TIMEOUT`
    or 600; `fallback` (the score of an item that cannot be scored) to `LSRIF_FALLBACK_SCORE` or 0.
    """

    def __init__(self, url: Optional[str] = None, token: Optional[str] = None, *, timeout: Optional[float] = None,
                 fallback: Optional[float] = None, batch_size: int = DEFAULT_BATCH_SIZE, max_workers: int = 64,
                 attempts: int = 3, local_server: Optional[LocalServer] = None) -> None:
        self.url = url.rstrip("/") if url else None
        self.token = token if token is not None else os.environ.get("LSRIF_SERVE_TOKEN") or None
        self.timeout = float(timeout if timeout is not None else os.environ.get("LSRIF_TIMEOUT", "600"))
        self.fallback = checked_fallback(fallback) if fallback is not None else fallback_score()
        self.batch_size = max(1, int(batch_size))
        self.max_workers = max(1, int(max_workers))
        self.attempts = max(1, int(attempts))
        self._local = local_server
        self._init_runtime()

    def _init_runtime(self) -> None:
        self._guard = threading.Lock()
        self._pools: Dict[str, ThreadPoolExecutor] = {}
        self._pools_pid = os.getpid()

    # Picklable (Ray and multiprocessing ship adapters to workers): drop threads and locks.
    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        for key in ("_guard", "_pools", "_pools_pid"):
            state.pop(key, None)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._init_runtime()

    # -- scoring -----------------------------------------------------------------------------

    def score(self, response: str, instruction: Any = None, *, instruction_id: Optional[str] = None,
              gamma: Optional[float] = None, flat: Optional[bool] = None, loose: Optional[bool] = None,
              id: Any = None, **options: Any) -> Reply:
        """Scores one response: `{"reward": {six keys}, "reason"?, "result"?, "id"?}`.

        `instruction` is .lsr text, LsrInstruct JSON text or an LsrInstruct object;
        `instruction_id` names an instruction the server preloaded.
        """
        return self.score_item(self._item(response, instruction, instruction_id, gamma, flat, loose, id, options))

    def score_item(self, item: Dict[str, Any]) -> Reply:
        """Scores one `/v1/score` body (as `label_item` builds it)."""
        problem = _item_problem(item)
        if problem is not None:
            return failure_reply(problem, self.fallback, _item_id(item))
        try:
            return normalize_reply(self._post("/v1/score", item), self.fallback, _item_id(item))
        except RequestFailed as failure:
            return failure_reply(failure.reason, self.fallback, _item_id(item))

    def score_batch(self, items: Sequence[Dict[str, Any]]) -> List[Reply]:
        """Scores `/v1/score` bodies, in order; one reply per item, each with the six keys."""
        replies: List[Optional[Reply]] = [None] * len(items)
        pending: List[int] = []
        for index, item in enumerate(items):
            problem = _item_problem(item)
            if problem is not None:
                replies[index] = failure_reply(problem, self.fallback, _item_id(item))
            else:
                pending.append(index)
        chunks = [pending[i:i + self.batch_size] for i in range(0, len(pending), self.batch_size)]
        if not chunks:
            results: List[List[Reply]] = []
        elif len(chunks) == 1:
            results = [self._score_chunk([items[i] for i in chunks[0]])]
        else:
            pool = self._pool("chunks")
            results = list(pool.map(lambda chunk: self._score_chunk([items[i] for i in chunk]), chunks))
        for chunk, chunk_replies in zip(chunks, results):
            for index, reply in zip(chunk, chunk_replies):
                replies[index] = reply
        return [r if r is not None else failure_reply("not scored", self.fallback) for r in replies]

    async def ascore(self, response: str, instruction: Any = None, **kwargs: Any) -> Reply:
        """`score` for asyncio code. The standard library has no async HTTP client, so the
        blocking urllib call runs on this client's thread pool; the event loop stays free."""
        return await self._in_thread(functools.partial(self.score, response, instruction, **kwargs))

    async def ascore_item(self, item: Dict[str, Any]) -> Reply:
        """`score_item` for asyncio code (on the thread pool, see `ascore`)."""
        return await self._in_thread(functools.partial(self.score_item, item))

    async def ascore_batch(self, items: Sequence[Dict[str, Any]]) -> List[Reply]:
        """`score_batch` for asyncio code (on the thread pool, see `ascore`)."""
        return await self._in_thread(functools.partial(self.score_batch, list(items)))

    def get_reward(self, queries: Sequence[str], prompts: Sequence[str], labels: Sequence[Any]) -> Dict[str, Any]:
        """OpenRLHF's remote reward shape via `POST /get_reward`; lists aligned with `queries`."""
        n = len(queries)
        try:
            body = {"query": list(queries), "prompts": list(prompts), "labels": [_jsonable(x) for x in labels]}
            reply = self._post("/get_reward", body)
            rewards, scores, logs = reply.get("rewards"), reply.get("scores"), reply.get("extra_logs")
            if not (_numbers(rewards, n) and _numbers(scores, n) and isinstance(logs, dict)
                    and all(_numbers(logs.get(k), n) for k in REWARD_KEYS[1:])):
                raise RequestFailed("the server's /get_reward reply does not have one number per query", retry=False)
            return {"rewards": [float(x) for x in rewards], "scores": [float(x) for x in scores],
                    "extra_logs": {k: [float(x) for x in logs[k]] for k in REWARD_KEYS[1:]}}
        except RequestFailed:
            block = failure_block(self.fallback)
            return {"rewards": [block["score"]] * n, "scores": [block["score"]] * n,
                    "extra_logs": {k: [block[k]] * n for k in REWARD_KEYS[1:]}}

    def health(self) -> Dict[str, Any]:
        """`GET /health`; raises RuntimeError when the server does not answer."""
        try:
            return self._request("GET", "/health", None)
        except RequestFailed as failure:
            raise RuntimeError(failure.reason) from None

    def base_url(self) -> str:
        """The server URL (starting the local server when this client has none)."""
        if self.url is not None:
            return self.url
        return self._local_server().url()

    # -- internals ---------------------------------------------------------------------------

    def _item(self, response: Any, instruction: Any, instruction_id: Optional[str], gamma: Any, flat: Any,
              loose: Any, item_id: Any, options: Dict[str, Any]) -> Dict[str, Any]:
        item: Dict[str, Any] = {"response": response}
        if instruction is not None:
            item["instruction"] = instruction
        if instruction_id is not None:
            item["instruction_id"] = instruction_id
        for key, value in (("gamma", gamma), ("flat", flat), ("loose", loose), ("id", item_id)):
            if value is not None:
                item[key] = value
        item.update({k: v for k, v in options.items() if v is not None})
        return item

    def _score_chunk(self, chunk: List[Dict[str, Any]]) -> List[Reply]:
        try:
            reply = self._post("/v1/score_batch", {"items": chunk})
            results = reply.get("results")
            if not isinstance(results, list) or len(results) != len(chunk):
                raise RequestFailed("the server's /v1/score_batch reply does not have one result per item", retry=False)
        except RequestFailed as failure:
            return [failure_reply(failure.reason, self.fallback, _item_id(item)) for item in chunk]
        return [normalize_reply(result, self.fallback, _item_id(item)) for result, item in zip(results, chunk)]

    def _local_server(self) -> LocalServer:
        if self._local is None:
            self._local = shared_local_server()
        return self._local

    def _post(self, path: str, body: Dict[str, Any]) -> Dict[str, Any]:
        try:
            data = json.dumps(body).encode("utf-8")
        except (TypeError, ValueError) as error:
            raise RequestFailed(f"the request is not JSON: {error}", retry=False) from None
        return self._request("POST", path, data)

    def _request(self, method: str, path: str, data: Optional[bytes]) -> Dict[str, Any]:
        last: Optional[RequestFailed] = None
        for attempt in range(self.attempts):
            if attempt > 0:
                time.sleep(min(2.0, 0.2 * 2 ** (attempt - 1)))
            try:
                base = self.url if self.url is not None else self._local_server().url(check=attempt > 0)
            except LocalServerError as error:
                last = RequestFailed(f"no local lsrif server: {error}", retry=False)
                break
            try:
                return request_json(method, base + path, data, self.token, self.timeout)
            except RequestFailed as failure:
                last = failure
                if not failure.retry:
                    break
        assert last is not None
        raise last

    def _pool(self, name: str) -> ThreadPoolExecutor:
        if self._pools_pid != os.getpid():  # a forked worker: the parent's threads and locks are not usable here
            self._guard, self._pools, self._pools_pid = threading.Lock(), {}, os.getpid()
        with self._guard:
            pool = self._pools.get(name)
            if pool is None:
                pool = self._pools[name] = ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix=f"lsrif-{name}")
            return pool

    async def _in_thread(self, call: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool("async"), call)


def _item_problem(item: Any) -> Optional[str]:
    if not isinstance(item, dict):
        return "an item must be a JSON object"
    if "_label_error" in item:
        return str(item["_label_error"])
    if not isinstance(item.get("response"), str):
        return "the response is not text"
    if "instruction" not in item and "instruction_id" not in item:
        return "the item names no instruction (instruction or instruction_id)"
    return None


def _item_id(item: Any) -> Any:
    return item.get("id") if isinstance(item, dict) else None


def _numbers(value: Any, n: int) -> bool:
    return isinstance(value, list) and len(value) == n and all(
        not isinstance(x, bool) and isinstance(x, (int, float)) for x in value)


def _jsonable(value: Any) -> Any:
    """numpy strings and arrays from dataset loaders, as plain JSON values."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def item_for_label(response: Any, label: Any, instruction_id: Optional[str] = None, **options: Any) -> Dict[str, Any]:
    """Like `label_item`, but a label that names no instruction gives an item the client fails
    locally (with the fixed keys) instead of raising."""
    try:
        return label_item(response, label, instruction_id, **options)
    except LabelError as error:
        return {"response": response, "_label_error": str(error)}


__all__ = ["LsrifClient", "label_item", "item_for_label", "default_client", "log_failure", "DEFAULT_BATCH_SIZE"]


_log = logging.getLogger("lsrif_reward")
_logged: Dict[str, float] = {}


def log_failure(reply: Reply) -> None:
    """Logs why an item could not be scored, each distinct reason at most once a minute
    (a server that is down would otherwise log once per sample). Never logs response text."""
    if not reply["reward"]["error"]:
        return
    reason = str(reply.get("reason", "unknown"))
    now = time.monotonic()
    if now - _logged.get(reason, -1e9) >= 60.0:
        _logged[reason] = now
        _log.warning("lsrif: an item could not be scored (fallback score used): %s", reason)


_default_client: Optional[LsrifClient] = None
_default_guard = threading.Lock()


def _after_fork_in_child() -> None:
    global _default_guard
    _default_guard = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


def default_client() -> LsrifClient:
    """The client the trainer adapters share: `LSRIF_URL` when set, else the local server."""
    global _default_client
    with _default_guard:
        if _default_client is None:
            _default_client = LsrifClient(os.environ.get("LSRIF_URL") or None)
        return _default_client
