"""The per-machine server: started on first use by whichever process needs it first, shared
by every process (two processes here, started at the same time), restarted when dead."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from lsrif_reward import LsrifClient
from lsrif_reward.local_server import LocalServer, is_healthy
from support import EXPECTED, PYTHON_DIR, assert_block, assert_failure, lsrif_command, needs_serve

pytestmark = needs_serve

WORKER = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from lsrif_reward import LsrifClient
from lsrif_reward.local_server import shared_local_server
client = LsrifClient()
reply = client.score("A storm comes", instruction_id="both")
server = shared_local_server()
print(json.dumps({"url": client.base_url(), "reward": reply["reward"], "reason": reply.get("reason"),
                  "pid": server.pid_file.read_text().strip()}))
"""


@pytest.fixture
def local_env(tmp_path, monkeypatch):
    from support import INSTRUCTIONS
    env = {
        "LSRIF_RUNTIME_DIR": str(tmp_path / "runtime"),
        "LSRIF_COMMAND": " ".join(lsrif_command()),
        "LSRIF_INSTRUCTIONS": str(INSTRUCTIONS),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("LSRIF_URL", raising=False)
    monkeypatch.delenv("LSRIF_SERVE_TOKEN", raising=False)
    yield env
    LocalServer().stop()  # the server outlives the processes that started it: stop it here


def run_workers(count):
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(PYTHON_DIR)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(count)]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs.append(json.loads(out))
    return outputs


def test_two_processes_share_one_auto_started_server(local_env):
    first, second = run_workers(2)
    for out in (first, second):
        assert out["reason"] is None
        assert_block(out["reward"], EXPECTED[("both", "A storm comes")])
    assert first["url"] == second["url"] and first["pid"] == second["pid"]
    assert is_healthy(first["url"])  # still running after both processes exited
    runtime = os.listdir(local_env["LSRIF_RUNTIME_DIR"])
    assert len(runtime) == 1  # one server directory for this configuration
    # A third process, later, finds the same server.
    assert run_workers(1)[0]["url"] == first["url"]


def test_a_dead_server_is_started_again(local_env):
    client = LsrifClient()
    assert_block(client.score("A storm comes", instruction_id="both")["reward"], EXPECTED[("both", "A storm comes")])
    first_url = client.base_url()
    server = LocalServer()
    os.kill(int(server.pid_file.read_text()), signal.SIGKILL)
    deadline = time.monotonic() + 10
    while is_healthy(first_url) and time.monotonic() < deadline:
        time.sleep(0.05)
    # The client still holds the dead server's URL: the request fails, the client starts a
    # new server and retries, and the caller sees only the reward.
    reply = client.score("Calm, clear", instruction_id="both")
    assert "reason" not in reply
    assert_block(reply["reward"], EXPECTED[("both", "Calm, clear")])
    assert is_healthy(client.base_url())
    # Other processes find the new server.
    assert run_workers(1)[0]["url"] == client.base_url()


def test_a_missing_command_gives_the_fixed_keys_and_says_why(local_env, monkeypatch):
    monkeypatch.setenv("LSRIF_COMMAND", "/nonexistent/lsrif")
    reply = LsrifClient().score("x", instruction_id="both")
    assert_failure(reply["reward"])
    assert "cannot start" in reply["reason"] and "LSRIF_COMMAND" in reply["reason"]


def test_a_server_that_exits_at_start_is_reported_with_its_log(local_env, monkeypatch):
    monkeypatch.setenv("LSRIF_SERVE_ARGS", "--no-such-flag")
    reply = LsrifClient().score("x", instruction_id="both")
    assert_failure(reply["reward"])
    assert "exited with code" in reply["reason"] and "no-such-flag" in reply["reason"]
