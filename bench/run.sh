#!/usr/bin/env bash
# Runs every benchmark part in Release and writes the results table into bench/README.md.
# Usage: bench/run.sh [part ...] [--quick] [--sizes=1000,10000,50000]     (no part: all of them)
#   --quick         a short smoke run; its figures go to bench/results/quick
#   --sizes=LIST    the sizes (FlinkDeployments) of the parts with a cost curve (coldstart, ingest)
set -euo pipefail
cd "$(dirname "$0")/.."

parts=(); flags=(); micro_flags=()
for arg in "$@"; do
  case "$arg" in
    --sizes=*) flags+=("$arg") ;;
    --*) flags+=("$arg"); micro_flags+=("$arg") ;;
    *) parts+=("$arg") ;;
  esac
done
# The latency part saturates the cores (50 browser pages, 1,000 changes/s) and the load it leaves behind would slow the
# timed parts after it, so it runs last.
[ ${#parts[@]} -gt 0 ] || parts=(micro ingest scale coldstart memory scaleout latency)

# Every figure carries the load average when it was taken; a busy machine at the start is worth a warning too.
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)
if [ "$load" != unknown ] && awk -v l="$load" 'BEGIN { exit !(l > 0.5) }'; then
  echo "bench: WARNING: the 1-minute load average is $load (above 0.5): other work shares the cores, so times will be longer than on a quiet machine." >&2
else
  echo "bench: 1-minute load average at start: $load"
fi

# What the parts need beside the SDK, installed as ./test.sh installs it (a fresh machine has no Chromium).
# shellcheck source=../eng/prerequisites.sh
source eng/prerequisites.sh
for part in "${parts[@]}"; do
  case "$part" in
    memory) ensure_chromium bench ;;
    latency) ensure_chromium bench && ensure_kubectl bench ;;
    coldstart) ensure_kubectl bench ;;
    scaleout) ensure_postgresql bench ;;
  esac || { echo "bench: the $part part cannot run without it." >&2; exit 1; }
done

dotnet build bench/Cmf.Bench/Cmf.Bench.csproj -c Release -nologo -clp:ErrorsOnly
bench=(dotnet bench/Cmf.Bench/bin/Release/net10.0/Cmf.Bench.dll)

for part in "${parts[@]}"; do
  echo "== bench: $part (load average $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown))"
  if [ "$part" = micro ]; then
    dotnet run -c Release --project bench/Cmf.Bench.Micro -- "${micro_flags[@]}"
  elif [ "$part" = ingest ] || [ "$part" = scaleout ]; then
    # The pipeline runs in the dashboard, which uses server GC (the web SDK's default); so does its bench.
    DOTNET_gcServer=1 "${bench[@]}" "$part" "${flags[@]}"
  else
    "${bench[@]}" "$part" "${flags[@]}"
  fi
done
"${bench[@]}" report
