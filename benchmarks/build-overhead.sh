#!/usr/bin/env bash
# What SidecarGen adds to building a real service. samples/OrderService is built with the packed
# SidecarGen package and without it (same code; the package reference, the using and the
# attributes removed), cold (bin/ and obj/<config> deleted) and incremental (a one-line edit to
# Program.cs), in alternating pairs (RUNS cold ones, each followed by EDITS incremental ones):
# once with the compiler server (as on a developer machine and in the IDE), once without it
# (UseSharedCompilation=false, as some CI machines run: every build starts a new compiler that
# JIT-compiles every generator anew). Between the two, what the build itself reports of
# SidecarGen's parts. Last, the compile step alone, with and without the server: the exact csc
# command line of the build, with and without SidecarGen's analyzer assemblies, which takes
# MSBuild's own noise out of the picture.
#
# Each table gives the median of each side, their ratio, and the median of the paired differences
# (with - without) with a distribution-free 95% confidence interval: on a shared machine whose
# speed drifts, the pairs are what tells a real cost from noise.
#   RUNS=15 EDITS=3 benchmarks/build-overhead.sh
set -euo pipefail
RUNS=${RUNS:-15}
EDITS=${EDITS:-3}
source "$(dirname "$0")/orderservice-copies.sh"

# The compiler server this script starts has a pipe of its own, so it is the only one stopped at the
# end: a developer's own compiler server (and its warm caches) is left alone.
server_pipe="sidecargen-bench-$$"
stop_server() { pkill -f -- "VBCSCompiler -pipename:$server_pipe" 2>/dev/null || true; }
trap stop_server EXIT

build_ms() { elapsed_ms dotnet build "$1" --no-restore -v q -nologo -p:SharedCompilationId="$server_pipe"; }

# Prints one row of a table from the files $2-with and $2-without, whose lines are paired runs.
row() { # $1: label, $2: path prefix
  local with without
  with=$(median < "$2-with")
  without=$(median < "$2-without")
  printf '%-14s %6d %10d %10d %8s   %s ms\n' "$1" "$(wc -l < "$2-with")" "$with" "$without" \
    "$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.3f", a / b }')" \
    "$(paste "$2-with" "$2-without" | awk '{ print $1 - $2 }' | median_ci)"
}

header() {
  echo
  echo "$1: alternating pairs, wall-clock ms"
  printf '%-14s %6s %10s %10s %8s   %s\n' build pairs with without ratio "added: median of the pairs [95% CI]"
}

# RUNS cold pairs and, after each, EDITS incremental pairs (the cheaper builds get more samples).
measure_builds() { # $1: label
  rm -f "$work"/cold-* "$work"/incremental-*
  for i in $(seq "$RUNS"); do
    # Alternate which side goes first, so a drift in the machine's speed favours neither.
    if [ $((i % 2)) -eq 1 ]; then order="with without"; else order="without with"; fi
    for variant in $order; do
      rm -rf "$work/$variant/bin" "$work/$variant/obj/Debug"
      build_ms "$work/$variant" >> "$work/cold-$variant"
    done
    for edit in $(seq "$EDITS"); do
      for variant in $order; do
        echo "// edit $i.$edit" >> "$work/$variant/Program.cs"
        build_ms "$work/$variant" >> "$work/incremental-$variant"
      done
    done
  done
  header "$1"
  row cold "$work/cold"
  row incremental "$work/incremental"
}

# What one incremental build reports of SidecarGen's own parts: the generator and the analyzers as the
# compiler times them (-p:ReportAnalyzer=true), and SidecarGen's targets in MSBuild's summary. Without
# the compiler server the generator's figure would also hold work that the next generator would do
# if SidecarGen did not (it runs first and binds first), so this is read with the server on.
report_components() { # $1: the median incremental build with SidecarGen, in ms
  local dir="$work/with" log="$work/components.log"
  echo "// edit for the component report" >> "$dir/Program.cs"
  dotnet build "$dir" --no-restore -nologo -v d -clp:PerformanceSummary -p:ReportAnalyzer=true -p:SharedCompilationId="$server_pipe" > "$log"
  awk -v build_ms="$1" '
    function ms(text) { return text ~ /^</ ? 0.5 : text * 1000 }
    /Total generator execution time/ { generators = 1 }
    !generators && $3 ~ /^SidecarGen,$/ { analyzers = ms($1) }
    generators && $3 == "SidecarGen.SidecarGenerator" { generator = ms($1) }
    $2 == "ms" && $3 ~ /^_?SidecarGen(WriteManifests|Paths|RecordFileWrites)$/ && !seen[$3]++ { targets += $1 }
    END {
      total = generator + analyzers + targets
      printf "\nwhat an incremental build reports of SidecarGen (compiler server on; reported times, not a difference):\n"
      printf "  generator %.0f ms, analyzers %.0f ms, SidecarGen targets %d ms: %.0f ms, %.1f %% of the %d ms median incremental build\n", generator, analyzers, targets, total, 100 * total / build_ms, build_ms
    }' "$log"
}

# The compile step alone (prepare_compiler), timed as a new compiler process per compile, and through
# the compiler server (-shared), which keeps the generator's driver between compiles as builds do.
measure_compiler() { # $1: label, $2: extra csc option (empty or -shared)
  local dir="$work/with"
  rm -f "$work"/compile-*
  for variant in with without; do (cd "$dir" && "$compiler" -noconfig ${2:+$2:$server_pipe} "@$work/csc-$variant.rsp" >/dev/null); done
  for i in $(seq $((RUNS * EDITS))); do
    if [ $((i % 2)) -eq 1 ]; then order="with without"; else order="without with"; fi
    for variant in $order; do
      (cd "$dir" && elapsed_ms "$compiler" -noconfig ${2:+$2:$server_pipe} "@$work/csc-$variant.rsp") >> "$work/compile-$variant"
    done
  done
  header "$1"
  row csc "$work/compile"
}

make_copies

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version)"

export UseSharedCompilation=true MSBUILDDISABLENODEREUSE=0
build_ms "$work/with" > /dev/null   # start the compiler server once, as a developer's first build does
measure_builds "compiler server on (developer machine, IDE)"
report_components "$(median < "$work/incremental-with")"
stop_server

export UseSharedCompilation=false MSBUILDDISABLENODEREUSE=1
measure_builds "compiler server off (UseSharedCompilation=false)"
prepare_compiler
measure_compiler "the compiler alone, a new process per compile (no MSBuild)" ""
measure_compiler "the compiler alone, through the compiler server (no MSBuild)" -shared
