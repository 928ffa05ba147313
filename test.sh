#!/usr/bin/env bash
# The one test command: installs what the tests need, builds, runs every test project,
# and ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

results=TestResults
rm -rf "$results"
mkdir -p "$results"

summary() { echo "$1 passed, $2 failed, $3 skipped"; }

# shellcheck source=eng/prerequisites.sh
source eng/prerequisites.sh
export PREREQUISITES_LOG="$PWD/$results/apt-get.log"

if ! ensure_chromium test.sh || ! ensure_python_kubernetes test.sh || ! ensure_postgresql test.sh || ! ensure_kubectl test.sh; then
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
