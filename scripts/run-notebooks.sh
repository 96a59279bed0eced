#!/usr/bin/env bash
# Executes every notebook in Notebooks/ top to bottom and fails on the first error.
# Creates the virtual environment .venv-notebooks (from Notebooks/requirements.txt) and
# registers its kernel inside it, then runs each notebook with nbclient from a temporary copy,
# so the committed notebooks keep no outputs. The executed copies are kept in
# .build/notebooks/ to look at. Needs the outpost binary: .build/release/outpost (what
# scripts/setup.sh builds), .build/debug/outpost, or OUTPOST_BIN.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

venv=.venv-notebooks
stamp=$venv/.requirements
if [ ! -x "$venv/bin/python" ] || ! cmp -s Notebooks/requirements.txt "$stamp"; then
  echo "==> creating $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -r Notebooks/requirements.txt
  cp Notebooks/requirements.txt "$stamp"
fi
# The kernel the notebooks name, installed inside the environment (nothing in ~/.local).
"$venv/bin/python" -m ipykernel install --sys-prefix --name outpost-notebooks \
  --display-name "Python 3 (Outpost notebooks)" >/dev/null

if [ -n "${OUTPOST_BIN:-}" ]; then
  # The kernel runs in Notebooks/; give it an absolute path.
  OUTPOST_BIN=$(realpath "$OUTPOST_BIN")
  export OUTPOST_BIN
elif [ ! -x .build/release/outpost ] && [ ! -x .build/debug/outpost ]; then
  echo "==> building outpost (release)"
  swift build -c release --product outpost 2>&1 | tail -n 1
fi

out=.build/notebooks
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Notebooks/*.ipynb "$work/"

"$venv/bin/python" - "$work" "$root/Notebooks" "$out" <<'PY'
import sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

work, folder, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
failed = []
# The committed notebooks carry no outputs (see Notebooks/README.md).
for path in sorted(folder.glob("*.ipynb")):
    committed = nbformat.read(path, as_version=4)
    if any(c.get("outputs") or c.get("execution_count") for c in committed.cells if c.cell_type == "code"):
        failed.append(path.name)
        print(f"FAIL {path.name}: holds outputs; clear them before committing", file=sys.stderr)
for path in sorted(work.glob("*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    # Run from Notebooks/ so `import outpost_nb` finds the helper and the repository.
    client = NotebookClient(notebook, timeout=600, kernel_name="outpost-notebooks",
                            resources={"metadata": {"path": str(folder)}})
    start = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as error:
        failed.append(path.name)
        print(f"FAIL {path.name}\n{error}", file=sys.stderr)
    finally:
        nbformat.write(notebook, out / path.name)
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    if errors and path.name not in failed:
        failed.append(path.name)
    cells = sum(1 for c in notebook.cells if c.cell_type == "code")
    print(f"{'ok  ' if path.name not in failed else 'FAIL'} {path.name}: {cells} code cells in {time.monotonic() - start:.1f} s")
if failed:
    sys.exit(f"{len(failed)} notebook(s) failed: {', '.join(failed)}")
PY
echo "notebooks: ok (executed copies in $out)"
