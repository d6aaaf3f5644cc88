"""`python -m lsrif_reward path verl|openrlhf|trl|open_instruct` prints the adapter's file
(for trainer configs that load a reward function by path); `status` and `stop` look after
this machine's local server for the current environment's settings."""

import sys
from pathlib import Path

from lsrif_reward.local_server import LocalServer, is_healthy

ADAPTERS = ("verl", "openrlhf", "trl", "open_instruct")
USAGE = "usage: python -m lsrif_reward path verl|openrlhf|trl|open_instruct | status | stop"


def main(argv: list) -> int:
    if len(argv) == 2 and argv[0] == "path" and argv[1] in ADAPTERS:
        print(Path(__file__).resolve().parent / f"{argv[1]}.py")
        return 0
    if argv == ["status"]:
        server = LocalServer()
        url = server.url_file.read_text().strip() if server.url_file.exists() else None
        state = "running" if url and is_healthy(url) else "not running"
        print(f"{state}{' at ' + url if url and state == 'running' else ''} (files in {server.directory})")
        return 0 if state == "running" else 1
    if argv == ["stop"]:
        stopped = LocalServer().stop()
        print("stopped" if stopped else "no local server was running")
        return 0
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
