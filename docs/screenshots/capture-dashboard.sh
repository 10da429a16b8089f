#!/usr/bin/env bash
# Real-browser check of the dashboard: runs the AppHost, logs into the Aspire dashboard with the token it
# prints, opens the api resource's metrics, selects LruAspire.Cache's cache.requests instrument in headless
# Chromium (Playwright) and saves docs/images/dashboard-cache-metrics.png. Fails when the instrument is absent.
# Needs: Chromium at /usr/bin/chromium (apt-get install chromium) and the AppHost's fixed ports free.
set -euo pipefail
cd "$(dirname "$0")/../.."

output=${1:-docs/images/dashboard-cache-metrics.png}
log=$(mktemp -t lruaspire-apphost.XXXXXX.log)

if ss -ltn | grep -Eq ':(15180|5180|19180|20180)\b'; then
  echo "An AppHost (or something else) already uses ports 15180/5180/19180/20180; stop it first." >&2
  exit 1
fi

dotnet build LruAspire.AppHost -v quiet -nologo
dotnet build tools/DashboardScreenshot -v quiet -nologo

# Its own process group, so stopping it stops the API, the load generator and PostgreSQL with it.
setsid dotnet run --project LruAspire.AppHost --no-build --launch-profile http >"$log" 2>&1 &
apphost=$!
stop_apphost() {
  kill -TERM -- "-$apphost" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$apphost" 2>/dev/null || return 0; sleep 1; done
  kill -KILL -- "-$apphost" 2>/dev/null || true
}
trap stop_apphost EXIT

login_url=
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
# A few metric exports of the load generator's traffic, so the chart has a line to show.
sleep 20

dotnet tools/DashboardScreenshot/bin/Debug/net10.0/DashboardScreenshot.dll "$login_url" "$output"
