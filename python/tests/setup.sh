#!/usr/bin/env bash
# Makes Debian's python3-pytest importable by /usr/bin/python3 for the Python tier of
# `npm test` (test/run-all.mjs). The package itself needs nothing beyond the standard library.
# Exit 0: ready. Exit 3: cannot be installed here; the reason is on stderr.
set -u
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -c "import pytest" 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "pytest is not installed for $PY and this is not root (install Debian's python3-pytest)" >&2
  exit 3
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "pytest is not installed for $PY and there is no apt-get (not Debian)" >&2
  exit 3
fi
echo "python tier: installing python3-pytest with apt-get" >&2
if ! apt-get update -qq >&2 || ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-pytest >&2; then
  echo "apt-get could not install python3-pytest" >&2
  exit 3
fi
if ! "$PY" -c "import pytest" 2>/dev/null; then
  echo "python3-pytest is installed but $PY cannot import pytest" >&2
  exit 3
fi
