"""Test support: a real `lsrif serve` process (node bin/lsrif.js serve --port 0) and helpers.

The package is imported from the source tree (python/ is put on sys.path). When the build
has no `lsrif serve` (or node is missing), the tests that need a server are skipped with
the reason; they never pass without one.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest

PYTHON_DIR = Path(__file__).resolve().parents[1]
ROOT = PYTHON_DIR.parent
sys.path.insert(0, str(PYTHON_DIR))

from lsrif_reward.local_server import is_healthy  # noqa: E402

LSRIF_JS = ROOT / "bin" / "lsrif.js"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
INSTRUCTIONS = FIXTURES / "instructions.jsonl"
NODE = shutil.which("node")


def lsrif_command() -> List[str]:
    return [NODE or "node", str(LSRIF_JS)]


def _serve_missing_reason() -> Optional[str]:
    if NODE is None:
        return "node is not on PATH, so `lsrif serve` cannot run"
    if not (ROOT / "out" / "server" / "src" / "cli" / "main.js").exists():
        return "the TypeScript build is missing (run `npx tsc -b`)"
    usage = subprocess.run(lsrif_command() + ["help"], capture_output=True, text=True, timeout=60)
    if "lsrif serve" not in usage.stdout:
        return "this build of lsrif has no `serve` command yet"
    return None


SERVE_MISSING = _serve_missing_reason()
needs_serve = pytest.mark.skipif(SERVE_MISSING is not None, reason=f"needs `lsrif serve`: {SERVE_MISSING}")


# Hand-computed rewards of the fixture instructions (gamma 0.5, strict IFEval checks).
# chain = Chain(no_comma, mentions "lighthouse", lowercase); sequence penalty r'_i = r_i * prod_{j<i} 0.5^(1 - r_j).
# both  = And(no_comma, mentions "storm"); the mean of the two.
# No soft leaves, so soft is the fallback value 0 and complete is 1.
def _block(score: float, flat: float) -> Dict[str, float]:
    return {"score": score, "flat": flat, "hard": flat, "soft": 0.0, "complete": 1.0, "error": 0.0}


EXPECTED = {
    # r = (0, 1, 0) -> r' = (0, 1 * 0.5, 0) -> 0.5 / 3; flat (0 + 1 + 0) / 3
    ("chain", "The lighthouse, at night."): _block(1 / 6, 1 / 3),
    # r = (1, 1, 1) -> 1
    ("chain", "the lighthouse at night"): _block(1.0, 1.0),
    # r = (1, 0, 0) -> r' = (1, 0, 0) -> 1 / 3
    ("chain", "A storm comes"): _block(1 / 3, 1 / 3),
    # no comma 1, storm 0 -> 0.5
    ("both", "the lighthouse at night"): _block(0.5, 0.5),
    # both hold -> 1
    ("both", "A storm comes"): _block(1.0, 1.0),
    # comma, no storm -> 0
    ("both", "Calm, clear"): _block(0.0, 0.0),
}


def assert_block(actual: Dict[str, float], expected: Dict[str, float]) -> None:
    """The fixed keys in the fixed order, each value as expected."""
    assert tuple(actual) == ("score", "flat", "hard", "soft", "complete", "error")
    for key, value in expected.items():
        assert abs(actual[key] - value) < 1e-12, (key, actual, expected)


def assert_failure(actual: Dict[str, float], fallback: float = 0.0) -> None:
    assert_block(actual, {"score": fallback, "flat": fallback, "hard": fallback, "soft": fallback, "complete": 0.0, "error": 1.0})


def instruction(instruction_id: str) -> Dict:
    """An LsrInstruct JSON object from fixtures/instructions.jsonl."""
    for line in INSTRUCTIONS.read_text().splitlines():
        value = json.loads(line)
        if value["id"] == instruction_id:
            return value
    raise KeyError(instruction_id)


class Server:
    """One `lsrif serve` process on a free port."""

    def __init__(self, flags: List[str], env: Optional[Dict[str, str]] = None) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="lsrif-pytest-serve-"))
        port_file = self.directory / "url"
        self.log = open(self.directory / "log", "w")
        self.proc = subprocess.Popen(lsrif_command() + ["serve", "--port", "0", "--port-file", str(port_file)] + flags,
                                     stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"lsrif serve exited: {(self.directory / 'log').read_text()}")
            if port_file.exists():
                self.url = port_file.read_text().strip()
                if is_healthy(self.url):
                    return
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("lsrif serve did not start within 60 s")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def lsrif_scores(cases: List[Tuple[str, str]]) -> List[float]:
    """`lsrif score-batch`'s scores for (instruction id, response) pairs of the fixture file:
    the CLI path the server and the adapters must agree with. One process for all pairs."""
    with tempfile.TemporaryDirectory() as d:
        responses, out = Path(d) / "responses.jsonl", Path(d) / "scores.jsonl"
        responses.write_text("".join(json.dumps({"id": str(n), "instruction": i, "response": r}) + "\n"
                                     for n, (i, r) in enumerate(cases)))
        done = subprocess.run(lsrif_command() + ["score-batch", "--instructions", str(INSTRUCTIONS), "--in", str(responses),
                                                 "--out", str(out)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        by_id = {line["id"]: line["score"] for line in map(json.loads, out.read_text().splitlines())}
        return [by_id[str(n)] for n in range(len(cases))]


def exported_rows(fmt: str, directory: Path) -> List[Dict]:
    """The JSONL rows `lsrif export-dataset --format FMT` writes for the fixture instructions."""
    out = directory / f"{fmt}.jsonl"
    done = subprocess.run(lsrif_command() + ["export-dataset", "--instructions", str(INSTRUCTIONS), "--format", fmt,
                                             "--out", str(out)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in out.read_text().splitlines()]


class LoopbackJudge:
    """The project's scripted chat judge (a node process); verdicts by constraint text, default YES."""

    def __init__(self, verdicts: Dict[str, str]) -> None:
        module = ROOT / "out" / "test" / "helpers" / "loopback-judge.js"
        self.proc = subprocess.Popen([NODE or "node", str(Path(__file__).with_name("loopback_judge.js")), str(module),
                                      json.dumps({"verdicts": verdicts})],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = (self.proc.stdout.readline() if self.proc.stdout else "").strip()
        if not self.url.startswith("http"):
            self.stop()
            raise RuntimeError("the loopback judge did not start")

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()  # the judge exits when its stdin closes
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def unused_url() -> str:
    """A loopback URL nothing listens on."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"
