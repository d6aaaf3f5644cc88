"""What a trainer's label means: an inline instruction or the id of a preloaded one.

Trainers carry the instruction in a free-form column (VeRL's `ground_truth`, OpenRLHF's
label, a TRL dataset column, open-instruct's `ground_truth`). The rule, the same everywhere:
  - a dict                      -> an LsrInstruct JSON object
  - text starting with "{"      -> LsrInstruct JSON text (parsed by the server)
  - text with a line break      -> .lsr text
  - other text                  -> an instruction id (`lsrif serve --instructions ...`)
The server parses and validates; this module only chooses the request field.
"""

from typing import Any, Dict, Optional


class LabelError(ValueError):
    """A label that names no instruction at all (None, a number, an empty string)."""


def instruction_fields(label: Any, instruction_id: Optional[str] = None) -> Dict[str, Any]:
    """The `instruction` or `instruction_id` field of a `/v1/score` body for `label`."""
    # open-instruct and some dataset tools wrap a single ground truth in a list.
    if isinstance(label, (list, tuple)) and len(label) == 1:
        label = label[0]
    if isinstance(label, dict):
        return {"instruction": label}
    if isinstance(label, bytes):
        label = label.decode("utf-8", errors="replace")
    if isinstance(label, str) and label.strip():
        text = label.strip()
        if text.startswith("{") or "\n" in text:
            return {"instruction": label}
        return {"instruction_id": text}
    if isinstance(instruction_id, str) and instruction_id.strip():
        return {"instruction_id": instruction_id.strip()}
    raise LabelError(f"no instruction: expected LsrInstruct JSON, .lsr text or an instruction id, got {type(label).__name__}")
