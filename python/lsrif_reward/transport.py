"""One JSON request to `lsrif serve` with the standard library's urllib.

Why urllib and not a client library: the package has no runtime dependencies (trainer
environments differ). Loopback URLs bypass any HTTP proxy set in the environment (cluster
nodes often set one, and it cannot reach this machine's server).
"""

import ipaddress
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Optional


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


_LOOPBACK_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_DEFAULT_OPENER = urllib.request.build_opener()


def request_json(method: str, url: str, data: Optional[bytes], token: Optional[str], timeout: float) -> Dict[str, Any]:
    """The JSON object `url` answers; raises RequestFailed with a one-line reason."""
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    opener = _LOOPBACK_OPENER if is_loopback(url) else _DEFAULT_OPENER
    try:
        with opener.open(request, timeout=timeout) as reply:
            text = reply.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        # 429/5xx (overloaded, draining for a restart) are worth another try; 4xx are not.
        raise RequestFailed(f"HTTP {error.code} from {url}: {_error_message(error)}", retry=error.code == 429 or error.code >= 500) from None
    except (urllib.error.URLError, OSError) as error:
        why = getattr(error, "reason", None) or error
        raise RequestFailed(f"cannot reach {url}: {why}", retry=True) from None
    try:
        value = json.loads(text)
    except ValueError:
        raise RequestFailed(f"{url} answered with text that is not JSON", retry=False) from None
    if not isinstance(value, dict):
        raise RequestFailed(f"{url} answered with JSON that is not an object", retry=False)
    return value


def _error_message(error: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(error.read().decode("utf-8", errors="replace"))
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            return body["error"]
    except (OSError, ValueError):
        pass
    return str(error.reason)
