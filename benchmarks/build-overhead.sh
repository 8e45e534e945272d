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
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
[ -n "${KEEP_WORK:-}" ] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
version="0.1.0-bench.$(date +%s)"

echo "packing SidecarGen $version ..."
dotnet pack "$root/src/SidecarGen.Package" -c Release -o "$work/feed" -p:Version="$version" -v q -nologo >/dev/null

make_project() { # $1: with | without
  local dir="$work/$1"
  mkdir -p "$dir"
  cp -r "$root/samples/OrderService/." "$dir/"
  rm -rf "$dir/bin" "$dir/obj" "$dir/OrderService.csproj"
  echo '<Project />' > "$dir/Directory.Build.props"
  echo '<Project />' > "$dir/Directory.Build.targets"
  echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$dir/Directory.Packages.props"
  cat > "$dir/nuget.config" <<XML
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources><clear /><add key="feed" value="$work/feed" /></packageSources>
</configuration>
XML
  local reference=""
  if [ "$1" = with ]; then
    reference="<ItemGroup><PackageReference Include=\"SidecarGen\" Version=\"$version\" /></ItemGroup>"
  else
    sed -i '/^using SidecarGen;/d; /^\[SidecarService/d; /^\[LoggingSidecar/d; /^\[AuthProxySidecar/d' "$dir/Program.cs"
  fi
  cat > "$dir/OrderService.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <Version>1.4.2</Version>
  </PropertyGroup>
  $reference
</Project>
XML
  dotnet restore "$dir" -v q -nologo >/dev/null
  dotnet build "$dir" --no-restore -v q -nologo >/dev/null
}

elapsed_ms() { # runs "$@" quietly; prints its wall-clock milliseconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

build_ms() { elapsed_ms dotnet build "$1" --no-restore -v q -nologo; }

# Median of the numbers on stdin.
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# "median [low, high]" of the numbers on stdin: the median and its distribution-free 95% confidence
# interval, the order statistics k and n+1-k, with k the largest rank whose binomial tail is <= 2.5%.
median_ci() {
  sort -n | awk '
    { a[NR] = $1 }
    END {
      n = NR; k = 0; tail = 0; p = 0.5 ^ n; c = 1
      for (i = 0; i < n; i++) { tail += c * p; if (tail > 0.025) break; k = i + 1; c = c * (n - i) / (i + 1) }
      m = (n % 2) ? a[(n + 1) / 2] : int((a[n / 2] + a[n / 2 + 1]) / 2)
      if (k == 0) printf "%+d [too few runs for a 95%% interval]", m
      else printf "%+d [%+d, %+d]", m, a[k], a[n + 1 - k]
    }'
}

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
  dotnet build "$dir" --no-restore -nologo -v d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$log"
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

# The compile step alone: the csc command line MSBuild ran for the SidecarGen build, as a response
# file, and the same without SidecarGen's analyzer assemblies (its attributes compile to nothing
# without them: they are [Conditional]). Timed as a new compiler process per compile, and through the
# compiler server (-shared), which keeps the generator's driver between compiles as builds do.
prepare_compiler() {
  local dir="$work/with" csc
  echo "// edit for the compiler command line" >> "$dir/Program.cs"
  dotnet build "$dir" --no-restore -nologo -v d > "$work/detailed.log"
  csc=$(grep -m1 -E '^ +/.*/Roslyn/bincore/csc /noconfig ' "$work/detailed.log" | sed -E 's/^ +//')
  [ -n "$csc" ] || { echo "no csc command line in the build log" >&2; exit 1; }
  compiler=${csc%% *}
  echo "${csc#* }" | sed -E "s#^/noconfig ##; s#/out:[^ ]+#/out:$work/csc/out.dll#; s#/refout:[^ ]+#/refout:$work/csc/ref.dll#" > "$work/csc-with.rsp"
  sed -E 's#/analyzer:[^ ]*/sidecargen/[^ ]+##g' "$work/csc-with.rsp" > "$work/csc-without.rsp"
  mkdir -p "$work/csc"
}

measure_compiler() { # $1: label, $2: extra csc option (empty or -shared)
  local dir="$work/with"
  rm -f "$work"/compile-*
  for variant in with without; do (cd "$dir" && "$compiler" -noconfig $2 "@$work/csc-$variant.rsp" >/dev/null); done
  for i in $(seq $((RUNS * EDITS))); do
    if [ $((i % 2)) -eq 1 ]; then order="with without"; else order="without with"; fi
    for variant in $order; do
      (cd "$dir" && elapsed_ms "$compiler" -noconfig $2 "@$work/csc-$variant.rsp") >> "$work/compile-$variant"
    done
  done
  header "$1"
  row csc "$work/compile"
}

make_project with
make_project without
test -f "$work/with/bin/Debug/net10.0/deploy/kubernetes/deployment.yaml" || { echo "the SidecarGen build wrote no manifests" >&2; exit 1; }
test ! -e "$work/without/bin/Debug/net10.0/deploy" || { echo "the plain build has manifests" >&2; exit 1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version)"

export UseSharedCompilation=true MSBUILDDISABLENODEREUSE=0
build_ms "$work/with" > /dev/null   # start the compiler server once, as a developer's first build does
measure_builds "compiler server on (developer machine, IDE)"
report_components "$(median < "$work/incremental-with")"
dotnet build-server shutdown > /dev/null 2>&1 || true

export UseSharedCompilation=false MSBUILDDISABLENODEREUSE=1
measure_builds "compiler server off (UseSharedCompilation=false)"
prepare_compiler
measure_compiler "the compiler alone, a new process per compile (no MSBuild)" ""
measure_compiler "the compiler alone, through the compiler server (no MSBuild)" -shared
dotnet build-server shutdown > /dev/null 2>&1 || true
