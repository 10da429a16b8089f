#!/usr/bin/env bash
# Regenerates the README's dashboard screenshots in docs/images/ with headless Chromium (Playwright):
# dashboard-resources.png, dashboard-hit-ratio.png (one replica's cache.hit_ratio) and
# dashboard-db-queries-saved.png (cache.db_queries_saved, all replicas). Fails when an instrument is absent.
#   docs/screenshots/capture-dashboard.sh                 starts the AppHost, waits for data, captures, stops it
#   docs/screenshots/capture-dashboard.sh <login-url>     uses an AppHost that is already running (its console
#                                                         prints the login URL, http://localhost:15180/login?t=...)
# Needs: Chromium at /usr/bin/chromium (apt-get install chromium), or CHROMIUM_PATH; without a login URL, the
# AppHost's fixed ports free. Takes about two minutes when it starts the AppHost itself.
set -euo pipefail
cd "$(dirname "$0")/../.."

output=docs/images
login_url=${1:-}

dotnet build tools/DashboardScreenshot -v quiet -nologo

if [ -z "$login_url" ]; then
  if ss -ltn | grep -Eq ':(15180|5180|19180|20180)\b'; then
    echo "An AppHost (or something else) already uses ports 15180/5180/19180/20180: stop it, or pass its login URL." >&2
    exit 1
  fi
  dotnet build LruAspire.AppHost -v quiet -nologo
  log=$(mktemp -t lruaspire-apphost.XXXXXX.log)

  # Its own process group, so stopping it stops the API, the load generator and PostgreSQL with it.
  setsid dotnet run --project LruAspire.AppHost --no-build --launch-profile http >"$log" 2>&1 &
  apphost=$!
  stop_apphost() {
    kill -TERM -- "-$apphost" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$apphost" 2>/dev/null || return 0; sleep 1; done
    kill -KILL -- "-$apphost" 2>/dev/null || true
  }
  trap stop_apphost EXIT

  for _ in $(seq 180); do
    login_url=$(grep -oE 'https?://[^ ]+/login\?t=[0-9a-zA-Z]+' "$log" | head -n1 || true)
    [ -n "$login_url" ] && break
    sleep 1
  done
  if [ -z "$login_url" ]; then
    echo "The AppHost printed no dashboard login URL; its log:" >&2
    cat "$log" >&2
    exit 1
  fi

  for _ in $(seq 180); do
    curl -fs http://localhost:5180/health >/dev/null && break
    sleep 1
  done
  # A minute of the load generator's background traffic, so the charts have lines to show.
  sleep 60
fi

dotnet tools/DashboardScreenshot/bin/Debug/net10.0/DashboardScreenshot.dll "$login_url" http://localhost:5180 "$output"
