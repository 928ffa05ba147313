#!/usr/bin/env bash
# What the tests and the benchmarks need beside the .NET SDK, installed from Debian when missing.
# Sourced by test.sh and bench/run.sh; each function returns non-zero, with the reason on stderr, when it cannot.
# PREREQUISITES_LOG names the file apt-get's output goes to (default: a temporary file).

# ensure_debian_package <caller> <package> <what cannot run without it> <command that succeeds once it is there...>
ensure_debian_package() {
  local caller=$1 package=$2 purpose=$3
  shift 3
  "$@" >/dev/null 2>&1 && return 0
  local log=${PREREQUISITES_LOG:-$(mktemp -t apt-get.XXXXXX.log)} sudo=""
  echo "$caller: $package is missing; installing Debian's $package with apt-get (log: $log)"
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  # --reinstall also restores a binary missing from an installed package; stale package lists get one update and a retry.
  $sudo apt-get install -y --reinstall "$package" >>"$log" 2>&1 \
    || { $sudo apt-get update >>"$log" 2>&1 && $sudo apt-get install -y --reinstall "$package" >>"$log" 2>&1; }
  if ! "$@" >/dev/null 2>&1; then
    echo "$caller: $package could not be installed (apt-get install $package failed; see $log); $purpose cannot run." >&2
    tail -n 5 "$log" >&2
    return 1
  fi
}

ensure_chromium() {
  ensure_debian_package "$1" chromium "the browser tests and benchmarks" test -x /usr/bin/chromium
}

ensure_python_kubernetes() {
  ensure_debian_package "$1" python3-kubernetes "the simulator's typed-model tests" /usr/bin/python3 -c 'import kubernetes'
}

ensure_postgresql() {
  ensure_debian_package "$1" postgresql "the PostgreSQL store tests and the scaleout benchmark (each starts a throw-away server)" \
    test -x /usr/lib/postgresql/15/bin/initdb
}

ensure_kubectl() {
  command -v kubectl >/dev/null 2>&1 && return 0
  echo "$1: kubectl is missing; the simulator tests and the coldstart and latency benchmarks use it as an independent client." >&2
  return 1
}
