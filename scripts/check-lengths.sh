#!/usr/bin/env bash
# Lint: no source file over 500 lines (the house rule: one concern per file). Checks the .rs,
# .mjs, .js and .ts files under src/, crates/, tests/, bench/ and scripts/ that git tracks or
# would track (so target/, node_modules/ and test artifacts are skipped), and names every file
# over the limit. Run by `make lint`.
set -euo pipefail
cd "$(dirname "$0")/.."

max=500
over=()
while IFS= read -r -d '' file; do
  [[ -f "$file" ]] || continue
  lines=$(wc -l <"$file")
  if ((lines > max)); then
    over+=("  $file: $lines lines")
  fi
done < <(git ls-files -z --cached --others --exclude-standard -- \
  'src/*' 'crates/*' 'tests/*' 'bench/*' 'scripts/*' |
  grep -zE '\.(rs|mjs|js|ts)$')

if ((${#over[@]})); then
  printf 'check-lengths: %d source file(s) over %d lines (split them by concern):\n' "${#over[@]}" "$max" >&2
  printf '%s\n' "${over[@]}" >&2
  exit 1
fi
echo "check-lengths: no source file over $max lines"
