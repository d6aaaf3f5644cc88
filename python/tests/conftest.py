"""Session fixtures: real `lsrif serve` processes (see support.py)."""

import os
from typing import Iterator

import pytest

from support import INSTRUCTIONS, SERVE_MISSING, LoopbackJudge, Server, unused_url


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """The server the adapter tests use, with fixtures/instructions.jsonl preloaded."""
    if SERVE_MISSING is not None:
        pytest.skip(f"needs `lsrif serve`: {SERVE_MISSING}")
    os.environ.pop("LSRIF_SERVE_TOKEN", None)  # this one runs without auth
    s = Server(["--instructions", str(INSTRUCTIONS)])
    yield s
    s.stop()


@pytest.fixture(scope="session")
def token_server() -> Iterator[Server]:
    """A server that requires a bearer token."""
    if SERVE_MISSING is not None:
        pytest.skip(f"needs `lsrif serve`: {SERVE_MISSING}")
    s = Server([], {"LSRIF_SERVE_TOKEN": "s3cret-token"})
    yield s
    s.stop()


# The soft-constraint tests' judge: "Use a formal tone." is judged NO, everything else YES.
JUDGE_VERDICTS = {"Use a formal tone.": "NO"}


@pytest.fixture(scope="session")
def judged_server() -> Iterator[Server]:
    """A server whose soft constraints go to the loopback judge."""
    if SERVE_MISSING is not None:
        pytest.skip(f"needs `lsrif serve`: {SERVE_MISSING}")
    judge = LoopbackJudge(JUDGE_VERDICTS)
    s = Server(["--judge-url", judge.url, "--judge-model", "loopback", "--no-cache"])
    yield s
    s.stop()
    judge.stop()


@pytest.fixture(scope="session")
def judge_down_server() -> Iterator[Server]:
    """A server whose judge URL answers nothing."""
    if SERVE_MISSING is not None:
        pytest.skip(f"needs `lsrif serve`: {SERVE_MISSING}")
    s = Server(["--judge-url", unused_url() + "/v1", "--judge-model", "m", "--no-cache", "--deadline-ms", "5000"])
    yield s
    s.stop()

