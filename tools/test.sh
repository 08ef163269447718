#!/usr/bin/env bash
# Builds everything (host, SDK, fixture plugins, tools) and runs every test project, then the integration
# tests a second time on PostgreSQL.
# Ends with one line "N passed, N failed" counted from the test results.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf TestResults
# Hundreds of test portals each watch their content and config files; inotify's default of 128 instances per user
# runs out on a fresh machine ("configured user limit (128) on the number of inotify instances"). Poll instead.
export DOTNET_USE_POLLING_FILE_WATCHER=true
# The browser tests drive Debian's Chromium (with Chinese fonts, or screenshots show boxes).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "The browser tests need Chromium: sudo apt-get install -y chromium fonts-noto-cjk" >&2
  fi
fi
dotnet build Modular.sln -nologo -v minimal -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# First on SQLite (the default), whatever the environment says about PostgreSQL. One project after the other:
# on two cores the browser tests get the machine to themselves instead of sharing it with hundreds of portals.
status=0
for project in tests/Modular.Tests tests/Modular.BrowserTests; do
  env -u MODULAR_TEST_POSTGRES dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=$(basename "$project").trx" --results-directory TestResults || status=1
done
# The integration tests again on PostgreSQL (a throwaway cluster from tools/pg-start.sh, or MODULAR_TEST_POSTGRES).
if [ -z "${MODULAR_TEST_POSTGRES:-}" ]; then
  MODULAR_TEST_POSTGRES=$(bash tools/pg-start.sh | tail -1) || MODULAR_TEST_POSTGRES=""
fi
if [ -n "$MODULAR_TEST_POSTGRES" ]; then
  echo "Integration tests on PostgreSQL ($MODULAR_TEST_POSTGRES)"
  MODULAR_TEST_POSTGRES=$MODULAR_TEST_POSTGRES dotnet test tests/Modular.Tests --no-build -nologo \
    --logger "trx;LogFileName=postgresql.trx" --results-directory TestResults || status=1
else
  echo "PostgreSQL not available: integration tests ran on SQLite only" >&2
fi
passed=0; failed=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<< "$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<< "$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
