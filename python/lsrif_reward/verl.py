"""VeRL reward functions (docs/training.md#verl).

VeRL >= 0.7.1 (the reward loop, reward managers `naive` and `rate_limited`) awaits an
`async def` custom reward function per sample:
    compute_score(data_source=..., solution_str=..., ground_truth=..., extra_info=..., **kwargs)
(the kwargs may include `reward_router_address` and `reward_model_tokenizer`, unused here).
VeRL <= 0.7.0's naive manager calls the same signature synchronously: `compute_score_sync`.
The legacy batch manager calls
    compute_score_batch(data_sources=..., solution_strs=..., ground_truths=..., extra_infos=...)
and takes a list. Every result is the reward block with `score` first and always the same six
keys, because VeRL builds its extra-info columns from the first sample's keys.

`ground_truth` carries the instruction (LsrInstruct JSON text, as `lsrif export-dataset`
writes it, or an instruction id); `extra_info["instruction_id"]` is used when it is empty.
"""

from typing import Any, Dict, List, Optional, Sequence

from lsrif_reward.client import LsrifClient, default_client, item_for_label, log_failure
from lsrif_reward.contract import Block

def _item(solution_str: Any, ground_truth: Any, extra_info: Any) -> Dict[str, Any]:
    instruction_id = extra_info.get("instruction_id") if isinstance(extra_info, dict) else None
    # detail "reward": VeRL reads only the six numbers, so the server leaves out the result tree.
    return item_for_label(solution_str, ground_truth, instruction_id if isinstance(instruction_id, str) else None,
                          detail="reward")


def _block(reply: Dict[str, Any]) -> Block:
    # The reason goes to the log, not into the result: VeRL needs the same keys for all samples.
    log_failure(reply)
    return dict(reply["reward"])


async def compute_score(data_source: Any, solution_str: str, ground_truth: Any, extra_info: Optional[dict] = None,
                        client: Optional[LsrifClient] = None, **kwargs: Any) -> Block:
    """VeRL >= 0.7.1 reward loop: the reward block for one sample."""
    client = client or default_client()
    return _block(await client.ascore_item(_item(solution_str, ground_truth, extra_info)))


def compute_score_sync(data_source: Any, solution_str: str, ground_truth: Any, extra_info: Optional[dict] = None,
                       client: Optional[LsrifClient] = None, **kwargs: Any) -> Block:
    """The synchronous twin of `compute_score` (VeRL <= 0.7.0 naive manager)."""
    client = client or default_client()
    return _block(client.score_item(_item(solution_str, ground_truth, extra_info)))


def compute_score_batch(data_sources: Sequence[Any], solution_strs: Sequence[str], ground_truths: Sequence[Any],
                        extra_infos: Optional[Sequence[Any]] = None, client: Optional[LsrifClient] = None,
                        **kwargs: Any) -> List[Block]:
    """VeRL's legacy batch reward manager: one reward block per solution, in order."""
    client = client or default_client()
    infos = list(extra_infos) if extra_infos is not None else [None] * len(solution_strs)
    if not len(solution_strs) == len(ground_truths) == len(infos):
        raise ValueError(f"compute_score_batch: {len(solution_strs)} solutions, {len(ground_truths)} ground truths, "
                         f"{len(infos)} extra infos; the lists must align")
    items = [_item(s, g, e) for s, g, e in zip(solution_strs, ground_truths, infos)]
    return [_block(reply) for reply in client.score_batch(items)]
