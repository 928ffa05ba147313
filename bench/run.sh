#!/usr/bin/env bash
# Runs every benchmark part in Release and writes the results table into bench/README.md.
# Usage: bench/run.sh [part ...] [--quick]     (no part: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."

parts=(); flags=()
for arg in "$@"; do
  case "$arg" in --*) flags+=("$arg") ;; *) parts+=("$arg") ;; esac
done
[ ${#parts[@]} -gt 0 ] || parts=(micro ingest scale latency memory coldstart scaleout)

dotnet build bench/Cmf.Bench/Cmf.Bench.csproj -c Release -nologo -clp:ErrorsOnly
bench=(dotnet bench/Cmf.Bench/bin/Release/net10.0/Cmf.Bench.dll)

for part in "${parts[@]}"; do
  echo "== bench: $part"
  if [ "$part" = micro ]; then
    dotnet run -c Release --project bench/Cmf.Bench.Micro -- "${flags[@]}"
  elif [ "$part" = ingest ] || [ "$part" = scaleout ]; then
    # The pipeline runs in the dashboard, which uses server GC (the web SDK's default); so does its bench.
    DOTNET_gcServer=1 "${bench[@]}" "$part" "${flags[@]}"
  else
    "${bench[@]}" "$part" "${flags[@]}"
  fi
done
"${bench[@]}" report
