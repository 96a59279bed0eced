#!/usr/bin/env bash
# Regenerate Outpost's NetworkX reference fixtures (Tests/Fixtures/{graphs,expected}).
#
#   bash Tests/Fixtures/generate.sh
#
# Creates (or reuses) a virtualenv at $REPO/.venv-fixtures (git-ignored) with the
# pinned packages below, then runs generate.py.  Needs Python 3.11 and PyPI access.
# The output is deterministic: rerunning on an unchanged tree changes no bytes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="${FIXTURES_VENV:-$REPO/.venv-fixtures}"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"

PINS=(
  "networkx==3.6.1"
  "numpy==2.4.6"
  "scipy==1.17.1"
  "igraph==1.0.0"
  "texttable==1.7.2"   # igraph's only dependency, pinned too
)

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" - "${PINS[@]}" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    try:
        if version(name) != want:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PINS[@]}"
fi

"$VENV/bin/python" "$HERE/generate.py" --out "$HERE" "$@"
