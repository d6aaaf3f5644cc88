"""One local `lsrif serve` per machine, started on first use and shared by every process.

Each node of a training cluster runs many reward workers (Ray actors, dataloader workers,
ranks). They all share one server per distinct configuration: the first process that needs it
takes an fcntl lock in a runtime directory, starts `lsrif serve --port 0 --port-file FILE`
detached from itself (so it outlives that process), and waits until `GET /health` answers;
the others read the port file. A server that died is started again by the next process that
finds it dead.

Environment (read when the server is started):
  LSRIF_COMMAND        the command to run (default `lsrif`; e.g. `node /path/to/bin/lsrif.js`)
  LSRIF_INSTRUCTIONS   a directory or JSONL of instructions to preload (ids in labels)
  LSRIF_SERVE_ARGS     more `lsrif serve` flags, e.g. `--strip-thinking --judge-kind ...`
  LSRIF_FALLBACK_SCORE the fallback score (also used by the client when the server is down)
  LSRIF_RUNTIME_DIR    where the port, lock, pid and log files live (default
                       $XDG_RUNTIME_DIR/lsrif, else <tmp>/lsrif-<uid>)
  LSRIF_START_TIMEOUT  seconds to wait for a new server (default 60)
Different settings give different servers (the directory name is a hash of the command line),
so two jobs on one machine with different instruction sets never share a server.
"""

import fcntl
import hashlib
import json
import os
import shlex
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from .contract import fallback_score
from .transport import RequestFailed, request_json


class LocalServerError(RuntimeError):
    """The local server could not be started (no `lsrif` command, it exited, or timed out)."""


def runtime_dir() -> Path:
    explicit = os.environ.get("LSRIF_RUNTIME_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isdir(xdg):
        return Path(xdg) / "lsrif"
    return Path(tempfile.gettempdir()) / f"lsrif-{os.getuid()}"


def server_command() -> List[str]:
    return shlex.split(os.environ.get("LSRIF_COMMAND", "lsrif")) or ["lsrif"]


def server_flags() -> List[str]:
    """The `lsrif serve` flags from the environment (not the port flags)."""
    flags: List[str] = []
    instructions = os.environ.get("LSRIF_INSTRUCTIONS")
    if instructions:
        flags += ["--instructions", os.path.abspath(instructions)]
    if os.environ.get("LSRIF_FALLBACK_SCORE", "").strip():
        flags += ["--fallback-score", repr(fallback_score())]
    flags += shlex.split(os.environ.get("LSRIF_SERVE_ARGS", ""))
    return flags


def is_healthy(url: str, timeout: float = 2.0) -> bool:
    """True when `GET {url}/health` answers 200 with status ok."""
    try:
        return request_json("GET", url.rstrip("/") + "/health", None, None, timeout).get("status") == "ok"
    except RequestFailed:
        return False


class LocalServer:
    """The shared server for one command line; `url()` starts it when needed."""

    def __init__(self, command: Optional[Sequence[str]] = None, flags: Optional[Sequence[str]] = None,
                 directory: Optional[Path] = None, start_timeout: Optional[float] = None) -> None:
        self.command = list(command) if command is not None else server_command()
        self.flags = list(flags) if flags is not None else server_flags()
        key = hashlib.sha256(json.dumps([self.command, self.flags]).encode()).hexdigest()[:12]
        self.directory = Path(directory) if directory is not None else runtime_dir() / key
        self.start_timeout = start_timeout if start_timeout is not None else float(os.environ.get("LSRIF_START_TIMEOUT", "60"))
        self.url_file = self.directory / "server.url"
        self.lock_file = self.directory / "server.lock"
        self.pid_file = self.directory / "server.pid"
        self.log_file = self.directory / "server.log"
        self._cached: Optional[str] = None
        self._guard, self._guard_pid = threading.Lock(), os.getpid()

    def _lock(self) -> threading.Lock:
        # A lock held by another thread at fork() stays held in the child: forked workers get a new one.
        if self._guard_pid != os.getpid():
            self._guard, self._guard_pid = threading.Lock(), os.getpid()
        return self._guard

    def url(self, check: bool = False) -> str:
        """The server's URL. With `check`, a cached URL is health-checked (and the server restarted if dead)."""
        with self._lock():
            if self._cached is not None and not check:
                return self._cached
            current = self._read_url()
            if current is not None and is_healthy(current):
                self._cached = current
                return current
            self._cached = self._start_under_lock()
            return self._cached

    def stop(self) -> bool:
        """Stops the server this directory describes (SIGTERM); True when one was running."""
        with self._lock():
            self._cached = None
            pid = self._our_pid()
            if pid is None:
                return False
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                return False
            return True

    # -- internals ---------------------------------------------------------------------------

    def _read_url(self) -> Optional[str]:
        try:
            text = self.url_file.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return text or None

    def _our_pid(self) -> Optional[int]:
        """The pid in the pid file, only if that process is still our server (pids get reused)."""
        try:
            pid = int(self.pid_file.read_text().strip())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            return None
        return pid if str(self.url_file).encode() in cmdline else None

    def _start_under_lock(self) -> str:
        for directory in (self.directory.parent, self.directory):
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            # The port file says where to send responses: only a directory of our own is trusted.
            if directory.stat().st_uid != os.getuid():
                raise LocalServerError(f"{directory} belongs to another user; set LSRIF_RUNTIME_DIR")
        deadline = time.monotonic() + self.start_timeout
        with open(self.lock_file, "a+") as lock:
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise LocalServerError(f"timed out waiting for the lock {self.lock_file}")
                    time.sleep(0.05)
            try:
                # Another process may have started it while we waited for the lock.
                current = self._read_url()
                if current is not None and is_healthy(current):
                    return current
                return self._start(deadline)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _start(self, deadline: float) -> str:
        stale = self._our_pid()
        if stale is not None:  # alive but not answering: replace it
            try:
                os.kill(stale, signal.SIGKILL)
            except OSError:
                pass
        try:
            self.url_file.unlink()
        except FileNotFoundError:
            pass
        argv = self.command + ["serve", "--port", "0", "--port-file", str(self.url_file)] + self.flags
        with open(self.log_file, "w") as log:
            try:
                # A new session: the server must not die with the process that started it
                # (nor get its terminal's signals); it is shared by the whole machine.
                proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True, close_fds=True)
            except OSError as error:
                raise LocalServerError(
                    f"cannot start `{shlex.join(self.command)}`: {error.strerror or error}; "
                    "install lsrif or set LSRIF_COMMAND") from None
        self.pid_file.write_text(f"{proc.pid}\n")
        while True:
            code = proc.poll()
            if code is not None:
                raise LocalServerError(f"`{shlex.join(argv)}` exited with code {code}: {self._log_tail()}")
            current = self._read_url()
            if current is not None and is_healthy(current):
                return current
            if time.monotonic() > deadline:
                proc.terminate()
                raise LocalServerError(f"`lsrif serve` did not answer within {self.start_timeout:g} s: {self._log_tail()}")
            time.sleep(0.05)

    def _log_tail(self, lines: int = 5) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return "(no log)"
        return " | ".join(text[-lines:]) or "(empty log)"


_shared: Dict[str, LocalServer] = {}
_shared_guard = threading.Lock()


def _after_fork_in_child() -> None:
    global _shared_guard
    _shared_guard = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


def shared_local_server() -> LocalServer:
    """The process-wide LocalServer for the current environment's settings."""
    server = LocalServer()
    key = str(server.directory)
    with _shared_guard:
        return _shared.setdefault(key, server)
