"""OpenRLHF's custom reward function (docs/training.md#openrlhf).

OpenRLHF loads `reward_func` from the file given as `--reward.remote_url file.py` (older
releases: `--remote_rm_url file.py`) and calls `reward_func(queries, prompts, labels)` with
lists (one sample at a time in recent releases, each call on its own thread). `queries` are
prompt + response as decoded text; `labels` the dataset's `--label_key` column, here the
instruction. The reply is the same as the server's `/get_reward` endpoint, which does the
work (the response is the query minus its prompt prefix): `{"rewards", "scores",
"extra_logs"}`, torch tensors when torch is importable (what OpenRLHF expects), else lists.

A reward file for OpenRLHF is one line:
    from lsrif_reward.openrlhf import reward_func
"""

from typing import Any, Dict, Optional, Sequence

from lsrif_reward.client import LsrifClient, default_client


def _as_tensors(reply: Dict[str, Any]) -> Dict[str, Any]:
    try:
        import torch
    except ImportError:
        return reply
    return {
        "rewards": torch.tensor(reply["rewards"], dtype=torch.float32),
        "scores": torch.tensor(reply["scores"], dtype=torch.float32),
        "extra_logs": {k: torch.tensor(v, dtype=torch.float32) for k, v in reply["extra_logs"].items()},
    }


def reward_func(queries: Sequence[str], prompts: Sequence[str], labels: Sequence[Any],
                client: Optional[LsrifClient] = None, **kwargs: Any) -> Dict[str, Any]:
    """`{"rewards": [...], "scores": [...], "extra_logs": {"flat", "hard", "soft", "complete", "error"}}`."""
    if not len(queries) == len(prompts) == len(labels):
        raise ValueError(f"reward_func: {len(queries)} queries, {len(prompts)} prompts, {len(labels)} labels; the lists must align")
    client = client or default_client()
    return _as_tensors(client.get_reward(queries, prompts, labels))
