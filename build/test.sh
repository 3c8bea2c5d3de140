#!/usr/bin/env bash
# The test command (README: "bash build/test.sh"). On a fresh Debian machine with the .NET 10
# SDK it installs what the tests need, runs the nano compile-check (library, device tests and the
# ESP32 sample against nanoFramework's mscorlib), validates the NuGet spec, runs every host test
# and a one-minute fuzz smoke per target, and ends with "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash build/install-deps.sh

echo "== nano compile-check (device mscorlib, C# 9)"
dotnet build build/NanoCheck/NanoCheck.sln -nologo -v:q -clp:ErrorsOnly

echo "== nuspec check (HttpClient.Nano.nuspec: metadata, packaged files, dependencies = packages.config)"
bash build/check-nuspec.sh --built

echo "== host tests"
results="$root/artifacts/test-results"
rm -rf "$results"
set +e
dotnet test HttpNano.Host.slnf -nologo -v:q --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=minimal"
status=$?
set -e

echo "== fuzz smoke (AFL++ and SharpFuzz, 60 s per target)"
fuzz_failed=0
bash fuzz/run.sh 60 || fuzz_failed=1

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); x=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${x:-0}))
  skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0} - ${t:-0} - ${x:-0}))
done
failed=$((failed + fuzz_failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the run itself broke (build error, crashed host): count it, never report green
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
