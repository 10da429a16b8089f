#!/usr/bin/env bash
# End-to-end benchmark of LruAspire.Api with wrk, all in one run on this machine:
#   1. the cached GET path        GET /data/{key}                           (keys 1..HOT_KEYS, cache warmed)
#   2. the database path          GET /data/{key} + Cache-Control: no-cache (the API reads PostgreSQL)
#   3. the ceiling                the same JSON from a Dictionary in a bare ASP.NET Core app (LruAspire.Ceiling)
#   4. the cached path untraced: OpenTelemetry off and no hosting diagnostics logger, so ASP.NET Core creates
#      no Activity and no log scope per request; the difference to row 1 is what per-request tracing costs
#   5. the peer                   what a .NET developer would write instead (LruAspire.HybridPeer): a minimal API
#                                 with HybridCache's defaults over NpgsqlDataSource, no telemetry or per-request
#                                 logging, reading the same PostgreSQL with the same hot keys
# 1-3 and 5 at 64 connections (latency) and 200 connections (errors), 4 at 64, then the ratios (among them the
# API over the peer, for throughput, p99 and the server's CPU time per request), the API's misses after warm-up,
# and the issues' targets. The paths take turns, ROUNDS times (odd, so there is a middle round), starting one
# path later each round, and the report gives each path's median round: on a shared VM the machine's speed drifts
# by tens of percent within minutes, and one long row per path turns drift into ratios.
#
# Prerequisites (Debian/Ubuntu):
#   - .NET 10 SDK
#   - PostgreSQL server binaries:  apt-get install -y postgresql   (initdb/pg_ctl under /usr/lib/postgresql/*/bin)
#   - wrk:                          apt-get install -y wrk
#   - python3 (to pick free ports and write the report)
# Run as root (PostgreSQL then runs as the `postgres` OS user) or as an ordinary user.
#
#   benchmarks/e2e/run.sh                      # defaults below
#   DURATION=30s THREADS=2 benchmarks/e2e/run.sh
#
# Environment: DURATION (10s per measurement), ROUNDS (3), WARMUP (10s), THREADS (2 wrk threads), HOT_KEYS
# (1000), OUT (benchmarks/e2e/results/<UTC time>.md), VARIANT (unset): space-separated NAME=VALUE settings for one
# more copy of the API, measured as the path "cached-variant" at 64 connections beside the others and compared with
# the cached path round by round, e.g.
#   VARIANT='OpenTelemetry__Tracing__SampleRatio=0' benchmarks/e2e/run.sh
# Everything it starts listens on 127.0.0.1, is bounded in time and is stopped, with its temp directory removed,
# when the script exits.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
# Exactly the API's default capacity (1,000): the peer comparison asks whether a working set as large as the
# cache is served without misses. The striped v1 engine split its capacity over its stripes, so the fullest
# stripes overflowed and about 1-2 % of these requests missed; with global bounds every hot key stays cached.
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
# VARIANT split on spaces without glob expansion; a word without "=" would make env run it as the command.
read -r -a variant_settings <<<"${VARIANT:-}"
for setting in "${variant_settings[@]}"; do
  [[ "$setting" == ?*=* ]] || die "VARIANT holds NAME=VALUE settings; '$setting' is not one"
done

work="$(mktemp -d /tmp/lruaspire-bench.XXXXXX)"
api_pid=""
untraced_pid=""
variant_pid=""
ceiling_pid=""
peer_pid=""

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

# stop PID: SIGTERM and wait. A server that exits non-zero on SIGTERM must not end the EXIT trap under set -e
# before the others and PostgreSQL are stopped, hence the `|| true`.
stop() { if [ -n "$1" ] && kill "$1" 2>/dev/null; then wait "$1" 2>/dev/null || true; fi; }

cleanup() {
  local code=$?
  stop "$api_pid"
  stop "$untraced_pid"
  stop "$variant_pid"
  stop "$ceiling_pid"
  stop "$peer_pid"
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
  local url="$1" name="$2" logfile="$3"
  for _ in $(seq 1 120); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "$name did not become healthy at $url (log: $logfile)"
}

# ------------------------------------------------------------------ build
log "building LruAspire.Api, LruAspire.Ceiling and LruAspire.HybridPeer (Release)"
dotnet publish "$root/LruAspire.Api/LruAspire.Api.csproj" -c Release -o "$work/api" --nologo -v quiet >/dev/null
dotnet publish "$root/benchmarks/LruAspire.Ceiling/LruAspire.Ceiling.csproj" -c Release -o "$work/ceiling" --nologo -v quiet >/dev/null
dotnet publish "$root/benchmarks/LruAspire.HybridPeer/LruAspire.HybridPeer.csproj" -c Release -o "$work/peer" --nologo -v quiet >/dev/null

# ------------------------------------------------------------------ PostgreSQL
pg_port="$(free_port)"
log "starting PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg" && chmod 755 "$work"
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 >"$work/initdb.log" 2>&1
# Room for every pool at once: Npgsql's default pools hold up to 100 connections each, and the API (at 200
# connections), the untraced API, the peer and a VARIANT copy (at 64 during their warm-ups) keep theirs open
# for minutes.
as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/postgres.log" -w -t 60 \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null
as_postgres "$pg_bin/psql" -h "$work/pg" -p "$pg_port" -U postgres -qc "CREATE DATABASE lrudb"

# ------------------------------------------------------------------ API, ceiling and peer
api_port="$(free_port)"
untraced_port="$(free_port)"
ceiling_port="$(free_port)"
peer_port="$(free_port)"
log "starting the API on 127.0.0.1:$api_port (and untraced on :$untraced_port), the ceiling on :$ceiling_port, the peer on :$peer_port"
# start_api PORT [NAME=VALUE...]: the published API in Production (log level Warning: no per-request logs).
start_api() {
  local port="$1"
  shift
  (
    cd "$work/api"
    export ASPNETCORE_ENVIRONMENT=Production
    export Logging__LogLevel__Default=Warning
    export ConnectionStrings__lrudb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=lrudb"
    export Api__WriteKey="$WRITE_KEY"
    exec env "$@" dotnet LruAspire.Api.dll --urls "http://127.0.0.1:$port" >"$work/api-$port.log" 2>&1
  ) &
}
start_api "$api_port"
api_pid=$!
# ASP.NET Core starts an Activity (and a log scope) per request when a tracer listens or its hosting logger
# is enabled at any level, so "untraced" needs both switched off.
start_api "$untraced_port" OTEL_SDK_DISABLED=true Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=None
untraced_pid=$!
if [ "${#variant_settings[@]}" -gt 0 ]; then
  variant_port="$(free_port)"
  log "starting a copy of the API with $VARIANT on 127.0.0.1:$variant_port"
  start_api "$variant_port" "${variant_settings[@]}"
  variant_pid=$!
fi
(
  cd "$work/ceiling"
  export ASPNETCORE_ENVIRONMENT=Production
  exec dotnet LruAspire.Ceiling.dll --urls "http://127.0.0.1:$ceiling_port" >"$work/ceiling.log" 2>&1
) &
ceiling_pid=$!
# The peer only reads the items table, which the API creates and seeds before it reports healthy.
(
  cd "$work/peer"
  export ASPNETCORE_ENVIRONMENT=Production
  export ConnectionStrings__lrudb="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=lrudb"
  exec dotnet LruAspire.HybridPeer.dll --urls "http://127.0.0.1:$peer_port" >"$work/peer.log" 2>&1
) &
peer_pid=$!
wait_healthy "http://127.0.0.1:$api_port/health" api "$work/api-$api_port.log"
wait_healthy "http://127.0.0.1:$untraced_port/health" api-untraced "$work/api-$untraced_port.log"
[ -n "$variant_pid" ] && wait_healthy "http://127.0.0.1:$variant_port/health" api-variant "$work/api-$variant_port.log"
wait_healthy "http://127.0.0.1:$ceiling_port/health" ceiling "$work/ceiling.log"
wait_healthy "http://127.0.0.1:$peer_port/health" peer "$work/peer.log"

api="http://127.0.0.1:$api_port"
untraced="http://127.0.0.1:$untraced_port"
ceiling="http://127.0.0.1:$ceiling_port"
peer="http://127.0.0.1:$peer_port"
seconds() { local d="$1"; case "$d" in *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }
limit=$(( $(seconds "$DURATION") + 30 ))

# cpu_ticks PID -> the process's user + system CPU time so far, in clock ticks (/proc/PID/stat fields 14 and 15,
# counted after the command name, which is in parentheses and could hold spaces).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# measure NAME CONNECTIONS URL PID [wrk args...] -> appends "NAME CONNECTIONS key=value..." to $work/results,
# among them cpu_ticks: what the server process PID spent on the CPU during the measurement. Divided by the
# requests, that is what a request costs its server, which the machine's drift moves far less than throughput.
measure() {
  local name="$1" connections="$2" url="$3" pid="$4"
  shift 4
  log "wrk $name: $connections connections, $DURATION, $THREADS threads${round:+, round $round of $ROUNDS}"
  local line ticks_before ticks_after
  ticks_before="$(cpu_ticks "$pid")"
  line="$(timeout "$limit" wrk -t "$THREADS" -c "$connections" -d "$DURATION" --timeout 5s -s "$lua" "$@" "$url" \
    | tee "$work/wrk-$name-$connections-${round:-1}.txt" | grep '^wrk-result')"
  ticks_after="$(cpu_ticks "$pid")"
  echo "$line" >&2
  echo "$name $connections ${line#wrk-result } cpu_ticks=$(( ticks_after - ticks_before ))" >>"$work/results"
}

log "warming up: every hot key read through the caches, JIT and connection pools on every path"
warmup_limit=$(( $(seconds "$WARMUP") + 30 ))
# HybridCache keeps an entry 5 minutes by default, so the peer reloads its hot set (about once per key) when a
# run outlasts that; like everything else about the peer, that default is kept because it is what a user gets.
for target in "$api" "$untraced" "$ceiling" "$peer" ${variant_pid:+"http://127.0.0.1:$variant_port"}; do
  timeout "$warmup_limit" wrk -t "$THREADS" -c 64 -d "$WARMUP" -s "$lua" "$target" >/dev/null
done
timeout "$warmup_limit" wrk -t "$THREADS" -c 64 -d "$WARMUP" -s "$lua" -H 'Cache-Control: no-cache' "$api" >/dev/null
curl -fsS "$api/metrics" >"$work/metrics-before.json"

measure_path() {
  case "$1" in
    cached) measure cached "$2" "$api" "$api_pid" ;;
    database) measure database "$2" "$api" "$api_pid" -H 'Cache-Control: no-cache' ;;
    ceiling) measure ceiling "$2" "$ceiling" "$ceiling_pid" ;;
    cached-untraced) measure cached-untraced "$2" "$untraced" "$untraced_pid" ;;
    cached-variant) measure cached-variant "$2" "http://127.0.0.1:$variant_port" "$variant_pid" ;;
    peer) measure peer "$2" "$peer" "$peer_pid" ;;
  esac
}

: >"$work/results"
for connections in 64 200; do
  paths=(cached database ceiling peer)
  if [ "$connections" -eq 64 ]; then paths+=(cached-untraced ${variant_pid:+cached-variant}); fi
  for round in $(seq 1 "$ROUNDS"); do
    # Each round starts one path later, so no path always runs right after the same one.
    for i in "${!paths[@]}"; do
      measure_path "${paths[$(( (i + round - 1) % ${#paths[@]} ))]}" "$connections"
    done
  done
done
round=""
curl -fsS "$api/metrics" >"$work/metrics-after.json"
# Reliability: reads over 10x the cache's key space (constant eviction) plus 10 % writes, 200 connections.
lua="$root/benchmarks/e2e/churn.lua" measure churn 200 "$api" "$api_pid"

# ------------------------------------------------------------------ report
mkdir -p "$(dirname "$OUT")"
python3 - "$work/results" "$work/metrics-before.json" "$work/metrics-after.json" "$DURATION" "$ROUNDS" "$THREADS" "$HOT_KEYS" \
  "$(dotnet --version)" "$("$pg_bin/postgres" --version | awk '{print $3}')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$(getconf CLK_TCK)" "${VARIANT:-}" >"$OUT" <<'PY'
import json, statistics, sys
results_file, before_file, after_file, duration, rounds, threads, hot_keys, dotnet, postgres, cores, loadavg, hz, variant = sys.argv[1:]
runs = {}  # (path, connections) -> one dict per round, in order
for line in open(results_file):
    name, conns, *pairs = line.split()
    run = {k: float(v) for k, v in (p.split("=") for p in pairs)}
    run["cpu_us"] = run["cpu_ticks"] / float(hz) * 1e6 / max(run["requests"], 1)  # the server's CPU per request
    runs.setdefault((name, int(conns)), []).append(run)
before, after = json.load(open(before_file)), json.load(open(after_file))

def median_round(name, conns):
    """The round with the median throughput, so its latencies come from one consistent run."""
    ordered = sorted(runs[(name, conns)], key=lambda r: r["rps"])
    return ordered[(len(ordered) - 1) // 2]  # the lower middle for an even count, as median_low below

def errors(name, conns):
    return int(sum(r["errors"] + r["non2xx"] for r in runs[(name, conns)]))

def row(name, conns, note=""):
    r, all_rps = median_round(name, conns), [r["rps"] for r in runs[(name, conns)]]
    cpu = statistics.median_low(x["cpu_us"] for x in runs[(name, conns)])
    return (f"| {name} | {conns} | {r['rps']:,.0f} | {min(all_rps):,.0f}–{max(all_rps):,.0f} | {r['p50_ms']:.2f} | "
            f"{r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.1f} | {cpu:.1f} | {errors(name, conns)} |{note}")

def ratio(a, b, conns=64, metric="rps"):
    """Median over rounds of a/b for one metric, each pair measured in the same round."""
    return statistics.median_low(x[metric] / y[metric] for x, y in zip(runs[(a, conns)], runs[(b, conns)]))

print(f"wrk, {threads} threads, {rounds} rounds of {duration} per path (the paths take turns; each row is the "
      f"median round, with the range of all rounds), keys uniform over 1..{hot_keys}; {cores} cores shared by wrk, "
      f"the APIs, PostgreSQL, the ceiling and the peer; .NET SDK {dotnet}, PostgreSQL {postgres}; "
      f"load average before the report {loadavg}. Server CPU µs/req: the user + system CPU time of the process that "
      f"answered (PostgreSQL's not included) over its requests, median over the rounds.\n")
print("| path | connections | req/s | req/s, all rounds | p50 ms | p90 ms | p99 ms | max ms | server CPU µs/req | errors |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for conns in (64, 200):
    for name in ("cached", "database", "ceiling", "peer", "cached-untraced", "cached-variant"):
        if (name, conns) in runs:
            note = {"cached-untraced": " ← the same API untraced: no Activity or log scope per request",
                    "cached-variant": f" ← the same API with {variant}",
                    "peer": " ← HybridCache + Npgsql minimal API, no telemetry"}.get(name, "")
            print(row(name, conns, note))
print(row("churn", 200, " ← reads over 10,000 keys (10x the cache) + 10 % PUTs"))

c64, d64, k64, p64 = (median_round(name, 64) for name in ("cached", "database", "ceiling", "peer"))
hits, misses = after["hits"] - before["hits"], after["misses"] - before["misses"]
dropped = after["dropped_reads"] - before["dropped_reads"]
print()
print(f"- cache vs database (64 connections): **{ratio('cached', 'database'):.1f}× throughput, "
      f"{d64['p99_ms'] / c64['p99_ms']:.1f}× lower p99** ({d64['p50_ms'] / c64['p50_ms']:.1f}× lower p50)")
print(f"- cached GET vs ceiling (64 connections): {ratio('cached', 'ceiling'):.2f}× the throughput, "
      f"p99 {c64['p99_ms']:.2f} ms vs {k64['p99_ms']:.2f} ms; untraced "
      f"{ratio('cached-untraced', 'ceiling'):.2f}×")
print(f"- cached GET vs peer (64 connections), API/peer: **{ratio('cached', 'peer'):.2f}× the throughput, "
      f"{ratio('cached', 'peer', metric='p99_ms'):.2f}× the p99** (p99 {c64['p99_ms']:.2f} ms vs {p64['p99_ms']:.2f} ms "
      f"in the median rounds; both ratios are medians of same-round pairs); the API's CPU per request is "
      f"{ratio('cached', 'peer', metric='cpu_us'):.2f}× the peer's (untraced {ratio('cached-untraced', 'peer', metric='cpu_us'):.2f}×)")
print(f"- API /metrics during the measurements: hits +{hits}, misses +{misses} "
      f"(after warm-up; the no-cache rows bypass the cache lookup and are not counted); reads the policy never saw "
      f"(dropped from a full read buffer while a drain was pending) +{dropped}, {100 * dropped / max(hits, 1):.1f} % of the hits")
if ("cached-variant", 64) in runs:
    print(f"- the API with {variant} over the API as it is (64 connections, medians of same-round pairs): "
          f"**{ratio('cached-variant', 'cached', metric='cpu_us'):.2f}× the CPU per request**, "
          f"{ratio('cached-variant', 'cached'):.2f}× the throughput, {ratio('cached-variant', 'cached', metric='p99_ms'):.2f}× the p99")

def target(ok, text):
    return f"- [{'x' if ok else ' '}] {text}"
errors200 = sum(errors(n, 200) for n in ("cached", "database"))
print("\nTargets:")
print(target(ratio("cached", "ceiling") >= 1.0, f"cached GET ≥ 1.0× the ceiling: {ratio('cached', 'ceiling'):.2f}×"))
print(target(ratio("cached", "peer") >= 1.05, f"cached GET ≥ 1.05× the peer's throughput: {ratio('cached', 'peer'):.2f}×"))
print(target(ratio("cached", "peer", metric="p99_ms") <= 1.0,
             f"cached p99 ≤ the peer's: {ratio('cached', 'peer', metric='p99_ms'):.2f}× ({c64['p99_ms']:.2f} vs {p64['p99_ms']:.2f} ms)"))
print(target(misses == 0, f"0 misses after warm-up with {hot_keys} hot keys: {misses}"))
print(target(c64["p99_ms"] <= 5, f"cached p99 ≤ 5 ms at 64 connections: {c64['p99_ms']:.2f} ms"))
print(target(d64["rps"] >= 4000, f"database path ≥ 4,000 req/s: {d64['rps']:,.0f} req/s"))
print(target(errors200 == 0, f"0 errors at 200 connections (API paths, all rounds): {errors200}"))
churn = runs[("churn", 200)][0]
print(target(churn["errors"] + churn["non2xx"] == 0,
             f"reads + writes with eviction churn at 200 connections: {int(churn['errors'])} errors, {int(churn['non2xx'])} non-2xx"))
PY

log "report: $OUT"
cat "$OUT"
