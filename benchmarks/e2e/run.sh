#!/usr/bin/env bash
# End-to-end benchmark of LruAspire.Api with wrk, all in one run on this machine:
#   1. the cached GET path        GET /data/{key}                           (keys 1..HOT_KEYS, cache warmed)
#   2. the database path          GET /data/{key} + Cache-Control: no-cache (the API reads PostgreSQL)
#   3. the ceiling                the same JSON from a Dictionary in a bare ASP.NET Core app (LruAspire.Ceiling)
# each at 64 connections (latency) and 200 connections (errors), then the ratios and the issue's targets.
#
# Prerequisites (Debian/Ubuntu):
#   - .NET 10 SDK
#   - PostgreSQL server binaries:  apt-get install -y postgresql   (initdb/pg_ctl under /usr/lib/postgresql/*/bin)
#   - wrk:                          apt-get install -y wrk
#   - python3 (only to pick free ports)
# Run as root (PostgreSQL then runs as the `postgres` OS user) or as an ordinary user.
#
#   benchmarks/e2e/run.sh                      # defaults below
#   DURATION=30s THREADS=2 benchmarks/e2e/run.sh
#
# Environment: DURATION (15s per measurement), WARMUP (5s), THREADS (2 wrk threads), HOT_KEYS (1000: the
# cache capacity), OUT (benchmarks/e2e/results/<UTC time>.md). Everything it starts listens on 127.0.0.1,
# is bounded in time and is stopped, with its temp directory removed, when the script exits.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
THREADS="${THREADS:-2}"
export HOT_KEYS="${HOT_KEYS:-1000}"
OUT="${OUT:-$root/benchmarks/e2e/results/$(date -u +%Y%m%dT%H%M%SZ).md}"
lua="$root/benchmarks/e2e/hot-keys.lua"
# The benchmark API's write key, for the churn row's PUTs; it lives only as long as this run.
export WRITE_KEY="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

log() { printf '\n=== %s\n' "$*" >&2; }
die() { echo "error: $*" >&2; exit 1; }

command -v wrk >/dev/null || die "wrk not found: apt-get install -y wrk"
command -v dotnet >/dev/null || die "dotnet not found: install the .NET 10 SDK"
command -v python3 >/dev/null || die "python3 not found (used to pick free ports)"
pg_bin="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n1)")"
[ -x "$pg_bin/initdb" ] || die "PostgreSQL binaries not found: apt-get install -y postgresql"

work="$(mktemp -d /tmp/lruaspire-bench.XXXXXX)"
api_pid=""
ceiling_pid=""

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

cleanup() {
  local code=$?
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  [ -n "$ceiling_pid" ] && kill "$ceiling_pid" 2>/dev/null && wait "$ceiling_pid" 2>/dev/null
  if [ -f "$work/pg/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_healthy() {
  local url="$1" name="$2"
  for _ in $(seq 1 120); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "$name did not become healthy at $url (log: $work/$name.log)"
}

# ------------------------------------------------------------------ build
log "building LruAspire.Api and LruAspire.Ceiling (Release)"
dotnet publish "$root/LruAspire.Api/LruAspire.Api.csproj" -c Release -o "$work/api" --nologo -v quiet >/dev/null
dotnet publish "$root/benchmarks/LruAspire.Ceiling/LruAspire.Ceiling.csproj" -c Release -o "$work/ceiling" --nologo -v quiet >/dev/null

# ------------------------------------------------------------------ PostgreSQL
pg_port="$(free_port)"
log "starting PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg" && chmod 755 "$work"
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 >"$work/initdb.log" 2>&1
as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/postgres.log" -w -t 60 \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
as_postgres "$pg_bin/psql" -h "$work/pg" -p "$pg_port" -U postgres -qc "CREATE DATABASE lrudb"

# ------------------------------------------------------------------ API and ceiling
api_port="$(free_port)"
ceiling_port="$(free_port)"
log "starting the API on 127.0.0.1:$api_port and the ceiling on 127.0.0.1:$ceiling_port (Production, no per-request logs)"
(
  cd "$work/api"
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  export ConnectionStrings__lrudb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=lrudb"
  export Api__WriteKey="$WRITE_KEY"
  exec dotnet LruAspire.Api.dll --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1
) &
api_pid=$!
(
  cd "$work/ceiling"
  export ASPNETCORE_ENVIRONMENT=Production
  exec dotnet LruAspire.Ceiling.dll --urls "http://127.0.0.1:$ceiling_port" >"$work/ceiling.log" 2>&1
) &
ceiling_pid=$!
wait_healthy "http://127.0.0.1:$api_port/health" api
wait_healthy "http://127.0.0.1:$ceiling_port/health" ceiling

api="http://127.0.0.1:$api_port"
ceiling="http://127.0.0.1:$ceiling_port"
seconds() { local d="$1"; case "$d" in *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }
limit=$(( $(seconds "$DURATION") + 30 ))

# measure NAME CONNECTIONS URL [wrk args...] -> appends "NAME CONNECTIONS key=value..." to $work/results
measure() {
  local name="$1" connections="$2" url="$3"
  shift 3
  log "wrk $name: $connections connections, $DURATION, $THREADS threads"
  local line
  line="$(timeout "$limit" wrk -t "$THREADS" -c "$connections" -d "$DURATION" --timeout 5s -s "$lua" "$@" "$url" \
    | tee "$work/wrk-$name-$connections.txt" | grep '^wrk-result')"
  echo "$line" >&2
  echo "$name $connections ${line#wrk-result }" >>"$work/results"
}

log "warming up: every hot key read through the cache, JIT and connection pools on all three paths"
for target in "$api" "$ceiling"; do
  timeout 60 wrk -t "$THREADS" -c 64 -d "$WARMUP" -s "$lua" "$target" >/dev/null
done
timeout 60 wrk -t "$THREADS" -c 64 -d "$WARMUP" -s "$lua" -H 'Cache-Control: no-cache' "$api" >/dev/null
curl -fsS "$api/metrics" >"$work/metrics-before.json"

: >"$work/results"
for connections in 64 200; do
  measure cached "$connections" "$api"
  measure database "$connections" "$api" -H 'Cache-Control: no-cache'
  measure ceiling "$connections" "$ceiling"
done
curl -fsS "$api/metrics" >"$work/metrics-after.json"
# Reliability: reads over 10x the cache's key space (constant eviction) plus 10 % writes, 200 connections.
lua="$root/benchmarks/e2e/churn.lua" measure churn 200 "$api"

# ------------------------------------------------------------------ report
mkdir -p "$(dirname "$OUT")"
python3 - "$work/results" "$work/metrics-before.json" "$work/metrics-after.json" "$DURATION" "$THREADS" "$HOT_KEYS" \
  "$(dotnet --version)" "$("$pg_bin/postgres" --version | awk '{print $3}')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT" <<'PY'
import json, sys
results_file, before_file, after_file, duration, threads, hot_keys, dotnet, postgres, cores, loadavg = sys.argv[1:]
runs = {}
for line in open(results_file):
    name, conns, *pairs = line.split()
    runs[(name, int(conns))] = {k: float(v) for k, v in (p.split("=") for p in pairs)}
before, after = json.load(open(before_file)), json.load(open(after_file))

def row(name, conns):
    r = runs[(name, conns)]
    return (f"| {name} | {conns} | {r['rps']:,.0f} | {r['p50_ms']:.2f} | {r['p90_ms']:.2f} | {r['p99_ms']:.2f} | "
            f"{r['max_ms']:.1f} | {int(r['errors'] + r['non2xx'])} |")

print(f"wrk, {threads} threads, {duration} per row, keys uniform over 1..{hot_keys}; "
      f"{cores} cores shared by wrk, the API, PostgreSQL and the ceiling; .NET SDK {dotnet}, PostgreSQL {postgres}; "
      f"load average before the report {loadavg}.\n")
print("| path | connections | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for conns in (64, 200):
    for name in ("cached", "database", "ceiling"):
        print(row(name, conns))
print(row("churn", 200) + " ← reads over 10,000 keys (10x the cache) + 10 % PUTs")

c64, d64, k64 = runs[("cached", 64)], runs[("database", 64)], runs[("ceiling", 64)]
hits, misses = after["hits"] - before["hits"], after["misses"] - before["misses"]
print()
print(f"- cache vs database (64 connections): **{c64['rps'] / d64['rps']:.1f}× throughput, "
      f"{d64['p99_ms'] / c64['p99_ms']:.1f}× lower p99** ({d64['p50_ms'] / c64['p50_ms']:.1f}× lower p50)")
print(f"- cached GET vs ceiling (64 connections): {c64['rps'] / k64['rps']:.2f}× the throughput, "
      f"p99 {c64['p99_ms']:.2f} ms vs {k64['p99_ms']:.2f} ms")
print(f"- API /metrics during the measurements: hits +{hits}, misses +{misses} "
      f"(the no-cache rows bypass the cache lookup and are not counted)")

def target(ok, text):
    return f"- [{'x' if ok else ' '}] {text}"
errors200 = sum(runs[(n, 200)]["errors"] + runs[(n, 200)]["non2xx"] for n in ("cached", "database"))
print("\nTargets:")
print(target(c64["rps"] >= k64["rps"], f"cached GET ≥ 1.0× the ceiling: {c64['rps'] / k64['rps']:.2f}×"))
print(target(c64["p99_ms"] <= 5, f"cached p99 ≤ 5 ms at 64 connections: {c64['p99_ms']:.2f} ms"))
print(target(d64["rps"] >= 4000, f"database path ≥ 4,000 req/s: {d64['rps']:,.0f} req/s"))
print(target(errors200 == 0, f"0 errors at 200 connections (API paths): {int(errors200)}"))
churn = runs[("churn", 200)]
print(target(churn["errors"] + churn["non2xx"] == 0,
             f"reads + writes with eviction churn at 200 connections: {int(churn['errors'])} errors, {int(churn['non2xx'])} non-2xx"))
PY

log "report: $OUT"
cat "$OUT"
