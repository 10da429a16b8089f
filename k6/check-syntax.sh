#!/usr/bin/env bash
# Parse-checks every k6 script (k6/*.js, k6/lib/*.js) as an ES module with Node.js.
# k6 is not needed: each file is copied to a temp dir as .mjs so Node parses it as a module,
# and `node --check` only parses — imports such as 'k6/http' are never resolved.
#
#   k6/check-syntax.sh            # check the scripts next to this file
#   k6/check-syntax.sh DIR        # check DIR/*.js and DIR/lib/*.js instead
set -euo pipefail

dir="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"
command -v node >/dev/null || { echo "node not found on PATH" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
files=("$dir"/*.js "$dir"/lib/*.js)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no .js files under $dir" >&2
  exit 2
fi

name="$(basename "$dir")"
failed=0
for f in "${files[@]}"; do
  rel="${f#"$dir"/}"
  copy="$tmp/${rel%.js}.mjs"
  mkdir -p "$(dirname "$copy")"
  cp "$f" "$copy"
  if err="$(node --check "$copy" 2>&1)"; then
    echo "ok    $name/$rel"
  else
    echo "FAIL  $name/$rel"
    # Node prints "file:line", the source line, a caret and the error; keep the location
    # (pointing back at the original file, not the temp copy) and the error message.
    printf '%s\n' "$err" | sed "s#$copy#$f#g" | grep -E "^$f:|Error" | sed 's/^/      /' || true
    failed=$((failed + 1))
  fi
done

if [ "$failed" -gt 0 ]; then
  echo "$failed of ${#files[@]} file(s) failed to parse" >&2
  exit 1
fi
echo "all ${#files[@]} file(s) parse as ES modules (node $(node --version))"
