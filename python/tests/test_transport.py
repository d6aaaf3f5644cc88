"""The transport: kept-alive loopback connections that ignore proxies from the environment,
urllib (with the environment's proxies) for other URLs, and HTTP errors as one-line reasons."""

import json
import threading

import pytest

from lsrif_reward import transport
from lsrif_reward.transport import RequestFailed, request_json
from support import needs_serve, unused_url

pytestmark = needs_serve

BODY = json.dumps({"instruction_id": "both", "response": "A storm comes"}).encode()


def test_loopback_keeps_one_connection_per_thread(server):
    first = request_json("POST", server.url + "/v1/score", BODY, None, 30)
    conn = next(iter(transport._connections.open.values()))
    second = request_json("POST", server.url + "/v1/score", BODY, None, 30)
    assert next(iter(transport._connections.open.values())) is conn  # the same connection again
    assert first["reward"] == second["reward"] and first["reward"]["score"] == 1

    seen = []
    thread = threading.Thread(target=lambda: seen.append(request_json("GET", server.url + "/health", None, None, 30)))
    thread.start()
    thread.join()
    assert seen[0]["status"] == "ok"


def test_loopback_ignores_a_proxy_from_the_environment_and_urllib_honours_it(server, monkeypatch):
    dead_proxy = unused_url()
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, dead_proxy)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.setattr(transport, "_DEFAULT_OPENER", transport.urllib.request.build_opener())  # reads the proxy now
    assert request_json("POST", server.url + "/v1/score", BODY, None, 30)["reward"]["score"] == 1
    with pytest.raises(transport.urllib.error.URLError, match="refused"):  # it went to the dead proxy
        transport._urllib_exchange("GET", server.url + "/health", None, {}, 5)


def test_urllib_exchange_gives_status_and_body(server):
    status, _, body = transport._urllib_exchange("GET", server.url + "/health", None, {}, 30)
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, _, _ = transport._urllib_exchange("GET", server.url + "/no-such-endpoint", None, {}, 30)
    assert status == 404


def test_http_errors_are_one_line_reasons(server):
    with pytest.raises(RequestFailed) as error:
        request_json("POST", server.url + "/v1/score", b"{not json", None, 30)
    assert error.value.reason.startswith("HTTP 400 from ") and not error.value.retry
    with pytest.raises(RequestFailed) as error:
        request_json("GET", server.url + "/no-such-endpoint", None, None, 30)
    assert "HTTP 404" in error.value.reason
    with pytest.raises(RequestFailed) as error:
        request_json("GET", unused_url() + "/health", None, None, 5)
    assert error.value.retry and "cannot reach" in error.value.reason
