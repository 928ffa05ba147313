#!/usr/bin/env bash
# The one test command: installs what the tests need, builds, runs every test project,
# and ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

results=TestResults
rm -rf "$results"
mkdir -p "$results"

summary() { echo "$1 passed, $2 failed, $3 skipped"; }

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  echo "test.sh: Chromium is missing; installing Debian's chromium with apt-get"
  local log="$results/apt-get.log" sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  # --reinstall also restores a binary missing from an installed package; stale package lists get one update and a retry.
  $sudo apt-get install -y --reinstall chromium >>"$log" 2>&1 \
    || { $sudo apt-get update >>"$log" 2>&1 && $sudo apt-get install -y --reinstall chromium >>"$log" 2>&1; }
  if [ ! -x /usr/bin/chromium ]; then
    echo "test.sh: Chromium could not be installed (apt-get install chromium failed; see $log); the browser tests cannot run." >&2
    tail -n 5 "$log" >&2
    return 1
  fi
}

ensure_python_kubernetes() {
  /usr/bin/python3 -c 'import kubernetes' >/dev/null 2>&1 && return 0
  echo "test.sh: the Kubernetes Python client is missing; installing Debian's python3-kubernetes with apt-get"
  local log="$results/apt-get.log" sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y python3-kubernetes >>"$log" 2>&1 \
    || { $sudo apt-get update >>"$log" 2>&1 && $sudo apt-get install -y python3-kubernetes >>"$log" 2>&1; }
  if ! /usr/bin/python3 -c 'import kubernetes' >/dev/null 2>&1; then
    echo "test.sh: python3-kubernetes could not be installed (apt-get install python3-kubernetes failed; see $log); the simulator's typed-model tests cannot run." >&2
    tail -n 5 "$log" >&2
    return 1
  fi
}

ensure_postgresql() {
  [ -x /usr/lib/postgresql/15/bin/initdb ] && return 0
  echo "test.sh: PostgreSQL 15 is missing; installing Debian's postgresql with apt-get (the store tests start a throw-away server)"
  local log="$results/apt-get.log" sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y postgresql >>"$log" 2>&1 \
    || { $sudo apt-get update >>"$log" 2>&1 && $sudo apt-get install -y postgresql >>"$log" 2>&1; }
  if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    echo "test.sh: PostgreSQL could not be installed (apt-get install postgresql failed; see $log); the PostgreSQL store tests cannot run." >&2
    tail -n 5 "$log" >&2
    return 1
  fi
}

ensure_kubectl() {
  command -v kubectl >/dev/null 2>&1 && return 0
  echo "test.sh: kubectl is missing; the simulator tests use it as an independent client." >&2
  return 1
}

if ! ensure_chromium || ! ensure_python_kubernetes || ! ensure_postgresql || ! ensure_kubectl; then
  summary 0 1 0
  exit 1
fi

if ! dotnet build Cmf.Dashboard.sln -nologo -clp:ErrorsOnly; then
  echo "test.sh: the build failed." >&2
  summary 0 1 0
  exit 1
fi

test_exit=0
for project in tests/Unit/Cmf.UnitTests.csproj tests/E2E/Cmf.E2ETests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 10m || test_exit=$?
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

# A crashed or hung test host can leave no failure in the counters; it still fails the run.
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with $test_exit although no test was counted as failed." >&2
  failed=1
fi

echo "test.sh: browser screenshots are in tests/E2E/bin/Debug/net10.0/artefacts"
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
