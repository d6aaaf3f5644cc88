"""Session fixtures: real `lsrif serve` processes (see support.py)."""

import os
from typing import Iterator

import pytest

from support import INSTRUCTIONS, SERVE_MISSING, Server


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
