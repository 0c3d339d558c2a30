#!/usr/bin/env bash
# Score the extractor on the held-out sets in tests/extraction_heldout/ with the development corpus's
# scorer (../shared/extraction-dev/score.py and its gold checker), each set in a scratch folder.
# usage: tests/benchmarks/score_heldout.sh [set1 ... set18 ...] [-- score.py options such as --per-doc --show]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
scorer=${SCORER_DIR:-$here/../shared/extraction-dev}
[ -f "$scorer/score.py" ] || { echo "Error: no score.py in $scorer (set SCORER_DIR)" >&2; exit 2; }
sets=(); while [ $# -gt 0 ] && [ "$1" != "--" ]; do sets+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#sets[@]} -gt 0 ] || sets=(set1 set2 set3 set4 set5 set6 set7 set8 set9 set10 set11 set12 set13 set14 set15 set16 set17 set18)
for s in "${sets[@]}"; do
  work=$(mktemp -d)
  mkdir "$work/docs"
  cp "$scorer/score.py" "$scorer/A_check_gold.py" "$scorer/B_make_gold.py" "$work/"
  cp "$here/tests/extraction_heldout/$s/"* "$work/docs/"
  echo "== $s"
  python "$work/score.py" --exe "$(command -v stakeholders)" "$@"
  rm -rf "$work"
done
