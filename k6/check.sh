#!/usr/bin/env bash
# Type-checks every k6 script (k6/*.js, k6/lib/*.js) against k6's official TypeScript definitions
# (@types/k6) with the TypeScript compiler, both pinned in package-lock.json. k6 itself is not needed.
# A syntax error, a wrong option name, a wrong threshold or stage shape, or a k6 API call with the wrong
# arguments fails. Needs Node.js and npm; installs into k6/node_modules (git-ignored).
#
#   k6/check.sh
set -euo pipefail

dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v npm >/dev/null || { echo "npm not found on PATH (install Node.js)" >&2; exit 2; }

# Options are only checked where they are typed: a script builds them with rampOptions() or annotates
# them as k6 Options. Without this, a new script's misspelled option would pass unnoticed.
untyped=0
for script in "$dir"/*.js; do
  if ! grep -qE "^export const options = rampOptions\(|@type \{import\('k6/options'\)\.Options\}" "$script"; then
    echo "FAIL  k6/$(basename "$script"): type its options (rampOptions() or /** @type {import('k6/options').Options} */)" >&2
    untyped=$((untyped + 1))
  fi
done

(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
if (cd "$dir" && npx --no-install tsc -p .) && [ "$untyped" -eq 0 ]; then
  echo "k6 scripts type-check against @types/k6 $(cd "$dir" && node -p "require('@types/k6/package.json').version") (tsc $(cd "$dir" && npx --no-install tsc --version | awk '{print $2}'))"
else
  echo "k6 scripts do not type-check" >&2
  exit 1
fi
