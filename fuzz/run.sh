#!/usr/bin/env bash
# Coverage-guided fuzzing of the protocol core with AFL++ and SharpFuzz (see fuzz/README.md).
#
#   bash fuzz/run.sh [SECONDS] [TARGET...]   build, instrument HttpClient.Nano.dll, run afl-fuzz
#                                            SECONDS per target (default 60) on every target
#                                            (or those named); fails if any crash or hang was
#                                            found, printing the inputs
#   bash fuzz/run.sh replay [TARGET...]      no AFL: every file of fuzz/corpus/TARGET/ through the
#                                            targets in-process (seconds)
#
# Needs afl-fuzz (Debian package afl++, installed by build/install-deps.sh) and the sharpfuzz
# dotnet tool (restored from .config/dotnet-tools.json). Findings go to artifacts/fuzz/TARGET/;
# new inputs that AFL++ kept are in artifacts/fuzz/TARGET/default/queue/ (copy the interesting
# ones into fuzz/corpus/TARGET/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=fuzz/HttpClient.Nano.Fuzz/HttpClient.Nano.Fuzz.csproj
corpus=$root/fuzz/corpus
all_targets="head chunked trailers request"

if [ "${1:-}" = replay ]; then
  shift
  out=$root/artifacts/fuzz/replay-bin
  dotnet build "$project" -nologo -v:q -clp:ErrorsOnly -c Release -o "$out"
  exec dotnet "$out/HttpClient.Nano.Fuzz.dll" replay "$corpus" "$@"
fi

seconds=${1:-60}
case "$seconds" in
  ''|*[!0-9]*) echo "usage: fuzz/run.sh [SECONDS] [TARGET...] | fuzz/run.sh replay [TARGET...]" >&2; exit 2 ;;
esac
[ $# -gt 0 ] && shift
targets=${*:-$all_targets}

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz not found: install the Debian package afl++ (build/install-deps.sh does)" >&2
  exit 1
fi

echo "== build and instrument"
bin=$root/artifacts/fuzz/bin
plain=$root/artifacts/fuzz/plain   # not instrumented: reruns the crashes outside afl-fuzz
rm -rf "$bin" "$plain"
dotnet build "$project" -nologo -v:q -clp:ErrorsOnly -c Release -o "$bin"
cp -r "$bin" "$plain"
dotnet tool restore >/dev/null
# Only the library under test is instrumented: coverage of the targets and the runtime is noise.
dotnet tool run sharpfuzz "$bin/HttpClient.Nano.dll" >/dev/null

# CI runs as root, without a tty, on machines whose CPU governor and core pattern are not ours.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
export AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 AFL_FORKSRV_INIT_TMOUT=60000 AFL_QUIET=1

found=0
for target in $targets; do
  [ -d "$corpus/$target" ] || { echo "unknown target $target (no fuzz/corpus/$target)" >&2; exit 2; }
  out=$root/artifacts/fuzz/$target
  rm -rf "$out"
  mkdir -p "$out"
  echo "== afl-fuzz $target for ${seconds}s"
  # -t: a .NET run is slow to start; -m none: the runtime reserves much more than it uses.
  set +e
  timeout -k 10 $((seconds + 120)) afl-fuzz -i "$corpus/$target" -o "$out" -V "$seconds" -t 5000 -m none \
    -- dotnet "$bin/HttpClient.Nano.Fuzz.dll" fuzz "$target" >"$out/afl.log" 2>&1
  status=$?
  set -e
  stats=$out/default/fuzzer_stats
  if [ ! -f "$stats" ]; then
    echo "afl-fuzz did not start (exit $status):" >&2
    tail -n 30 "$out/afl.log" >&2
    exit 1
  fi
  grep -E '^(execs_done|execs_per_sec|corpus_count|corpus_found|bitmap_cvg|saved_crashes|saved_hangs) ' "$stats" \
    | sed 's/^/   /'
  for kind in crashes hangs; do
    for input in "$out/default/$kind"/id:*; do
      [ -f "$input" ] || continue
      found=$((found + 1))
      echo "!! $target $kind: $input"
      od -A d -c "$input" | head -n 20
      if [ "$kind" = crashes ]; then
        dotnet "$plain/HttpClient.Nano.Fuzz.dll" run "$target" "$input" 2>&1 | head -n 15 || true
      fi
    done
  done
done

if [ "$found" -gt 0 ]; then
  echo "fuzz: $found crash or hang inputs found (artifacts/fuzz/*/default/{crashes,hangs}/)"
  exit 1
fi
echo "fuzz: no crash or hang in $(echo $targets | wc -w) targets x ${seconds}s"
