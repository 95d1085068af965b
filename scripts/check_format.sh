#!/usr/bin/env bash
# Checks that the C++ lines changed since BASE follow .clang-format (clang-format-diff: only
# changed lines, so older code is not reformatted wholesale). BASE defaults to the commit that last
# changed .clang-format: every line written under the current style is checked. New files not yet
# added to git are checked whole.
#   scripts/check_format.sh [BASE]        report and fail on unformatted changed lines
#   scripts/check_format.sh --fix [BASE]  reformat those lines in place
set -euo pipefail
cd "$(dirname "$0")/.."
fix=0
if [ "${1:-}" = "--fix" ]; then fix=1; shift; fi
base=${1:-$(git log -1 --format=%H -- .clang-format)}
diff_tool=$(command -v clang-format-diff-14 || command -v clang-format-diff)
format_tool=$(command -v clang-format-14 || command -v clang-format)
changes=$(git diff -U0 --no-color "$base" -- '*.cpp' '*.hpp' '*.hpp.in')
mapfile -t untracked < <(git ls-files --others --exclude-standard -- '*.cpp' '*.hpp' '*.hpp.in')
if [ -z "$changes" ] && [ ${#untracked[@]} -eq 0 ]; then echo "format: no C++ lines changed since ${base:0:12}"; exit 0; fi
if [ $fix -eq 1 ]; then
  [ -z "$changes" ] || printf '%s\n' "$changes" | "$diff_tool" -p1 -i
  [ ${#untracked[@]} -eq 0 ] || "$format_tool" -i "${untracked[@]}"
  exit 0
fi
report=$( ([ -z "$changes" ] || printf '%s\n' "$changes" | "$diff_tool" -p1) || true)
for file in "${untracked[@]}"; do
  report+=$(diff -u --label "$file (new file)" --label "$file (after formatting)" "$file" <("$format_tool" "$file") || true)
done
if [ -n "$report" ]; then
  printf '%s\n' "$report"
  echo "format: the lines above differ from .clang-format; fix with scripts/check_format.sh --fix" >&2
  exit 1
fi
echo "format: C++ lines changed since ${base:0:12} follow .clang-format"
