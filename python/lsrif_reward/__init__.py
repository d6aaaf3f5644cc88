"""LsRM rewards from `lsrif serve` for RL trainers.

    from lsrif_reward import LsrifClient
    LsrifClient().score(response, instruction)["reward"]["score"]

Adapters: `lsrif_reward.verl`, `lsrif_reward.openrlhf`, `lsrif_reward.trl`,
`lsrif_reward.open_instruct` (see docs/training.md).
"""

from .client import LsrifClient, default_client
from .contract import REWARD_KEYS, failure_block

__version__ = "0.1.0"
__all__ = ["LsrifClient", "default_client", "REWARD_KEYS", "failure_block", "__version__"]
