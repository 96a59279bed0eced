# Sourced by Benchmarks/run.sh and Benchmarks/end-to-end.sh from the repository root: the
# peers' virtual environment (.venv-bench, Benchmarks/requirements.txt), the seeded graphs
# (Benchmarks/generate.py, made once) and the defaults both scripts share.
PEERS=${PEERS:-"igraph networkit networkx"}
REPEAT=${REPEAT:-3}
venv=.venv-bench
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q -r Benchmarks/requirements.txt
"$venv/bin/python" Benchmarks/generate.py Benchmarks/data
