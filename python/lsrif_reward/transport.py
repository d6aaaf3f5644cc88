"""One JSON request to `lsrif serve`, with the standard library only.

Why the standard library and not a client library: the package has no runtime dependencies
(trainer environments differ). Loopback URLs use http.client directly, with kept-alive
connections and no HTTP proxy from the environment (cluster nodes often set one, and it cannot
reach this machine's server); other URLs go through urllib and its proxy settings.
"""

import http.client
import ipaddress
import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Optional, Tuple


class RequestFailed(Exception):
    """A request that gave no usable JSON object; `retry` when another try may succeed."""

    def __init__(self, reason: str, retry: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


def is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_DEFAULT_OPENER = urllib.request.build_opener()

# Loopback requests keep their connection open (one per thread and server): a GRPO step of
# one-item calls then costs no TCP set-up each. Other URLs go through urllib, which honours
# the environment's proxies.
_connections = threading.local()


def _loopback_exchange(method: str, url: str, data: Optional[bytes], headers: Dict[str, str],
                       timeout: float) -> Tuple[int, str, bytes]:
    parts = urllib.parse.urlsplit(url)
    if getattr(_connections, "pid", None) != os.getpid():  # a forked child must not share the parent's sockets
        _connections.pid, _connections.open = os.getpid(), {}
    pool: Dict[Tuple[str, int], http.client.HTTPConnection] = _connections.open
    key = (parts.hostname or "127.0.0.1", parts.port or 80)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    while True:
        conn = pool.pop(key, None)
        reused = conn is not None
        if conn is None:
            conn = http.client.HTTPConnection(key[0], key[1], timeout=timeout)
        elif conn.sock is not None:
            conn.sock.settimeout(timeout)
        try:
            conn.request(method, path, body=data, headers=headers)
            reply = conn.getresponse()
            body = reply.read()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            conn.close()
            if reused:  # the server closed an idle connection: once more on a new one (scoring is idempotent)
                continue
            raise
        except BaseException:
            conn.close()
            raise
        if reply.will_close:
            conn.close()
        else:
            pool[key] = conn
        return reply.status, reply.reason, body


def _urllib_exchange(method: str, url: str, data: Optional[bytes], headers: Dict[str, str],
                     timeout: float) -> Tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with _DEFAULT_OPENER.open(request, timeout=timeout) as reply:
            return reply.status, reply.reason, reply.read()
    except urllib.error.HTTPError as error:
        try:
            body = error.read()
        except OSError:
            body = b""
        return error.code, str(error.reason), body


def request_json(method: str, url: str, data: Optional[bytes], token: Optional[str], timeout: float) -> Dict[str, Any]:
    """The JSON object `url` answers; raises RequestFailed with a one-line reason."""
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    exchange = _loopback_exchange if is_loopback(url) and url.startswith("http://") else _urllib_exchange
    try:
        status, reason, body = exchange(method, url, data, headers, timeout)
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        why = getattr(error, "reason", None) or error or type(error).__name__
        raise RequestFailed(f"cannot reach {url}: {why}", retry=True) from None
    text = body.decode("utf-8", errors="replace")
    if not 200 <= status < 300:
        # 429/5xx (overloaded, draining for a restart) are worth another try; 4xx are not.
        raise RequestFailed(f"HTTP {status} from {url}: {_error_message(text, reason)}", retry=status == 429 or status >= 500)
    try:
        value = json.loads(text)
    except ValueError:
        raise RequestFailed(f"{url} answered with text that is not JSON", retry=False) from None
    if not isinstance(value, dict):
        raise RequestFailed(f"{url} answered with JSON that is not an object", retry=False)
    return value


def _error_message(text: str, reason: str) -> str:
    try:
        body = json.loads(text)
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            return body["error"]
    except ValueError:
        pass
    return reason or "error"
