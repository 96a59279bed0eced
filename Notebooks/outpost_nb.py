"""Drive the `outpost` command-line tool from a notebook.

The notebooks call the built binary and read its JSON output, so they show exactly what the
tool computes. The binary is found as follows: the OUTPOST_BIN environment variable, else
.build/release/outpost (what `bash scripts/setup.sh` builds), else .build/debug/outpost.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DATASET = str(REPOSITORY / "Graphs" / "overseas-police-stations")


class OutpostError(RuntimeError):
    """An outpost command that exited with a non-zero status; the message holds its stderr."""

    def __init__(self, arguments: list[str], status: int, stderr: str):
        self.arguments = arguments
        self.status = status
        self.stderr = stderr
        super().__init__(f"outpost {' '.join(arguments)} exited with status {status}:\n{stderr.rstrip()}")


def binary() -> str:
    """The path of the outpost executable."""
    configured = os.environ.get("OUTPOST_BIN")
    if configured:
        # A relative path is taken from the current folder, else from the repository root.
        for candidate in (Path(configured), REPOSITORY / configured):
            if os.access(candidate, os.X_OK) and candidate.is_file():
                return str(candidate.resolve())
        raise FileNotFoundError(f"OUTPOST_BIN={configured} is not an executable file")
    for config in ("release", "debug"):
        candidate = REPOSITORY / ".build" / config / "outpost"
        if os.access(candidate, os.X_OK):
            return str(candidate)
    raise FileNotFoundError(
        "outpost is not built: run `bash scripts/setup.sh` (or `swift build`) at the repository root, "
        "or set OUTPOST_BIN to the executable"
    )


def run(*arguments: str) -> str:
    """Runs `outpost ARGUMENTS…` at the repository root and returns what it printed.

    Raises OutpostError, with the command's stderr, when it fails.
    """
    args = [str(a) for a in arguments]
    result = subprocess.run([binary(), *args], cwd=REPOSITORY, capture_output=True, text=True)
    if result.returncode != 0:
        raise OutpostError(args, result.returncode, result.stderr)
    return result.stdout


def json_output(*arguments: str):
    """Runs `outpost ARGUMENTS… --format json` and returns the parsed JSON."""
    return json.loads(run(*arguments, "--format", "json"))


def render_svg(*arguments: str) -> str:
    """Runs `outpost render ARGUMENTS… -o FILE.svg` and returns the SVG text (for IPython.display.SVG)."""
    with tempfile.TemporaryDirectory(prefix="outpost-nb-") as folder:
        path = os.path.join(folder, "diagram.svg")
        run("render", *arguments, "-o", path)
        with open(path, encoding="utf-8") as handle:
            return handle.read()


def has_command(name: str) -> bool:
    """Whether this build of outpost has the subcommand `name` (as `outpost --help` lists them)."""
    listing = run("--help").split("SUBCOMMANDS:", 1)[-1]
    return any(line.startswith("  ") and line.split()[0] == name
               for line in listing.splitlines() if line.strip() and not line.startswith("   "))
