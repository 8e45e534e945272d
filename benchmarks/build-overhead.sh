#!/usr/bin/env bash
# What SidecarGen adds to building a real service. samples/OrderService is built with the packed
# SidecarGen package and without it (same code; the package reference, the using and the
# attributes removed), cold (bin/ and obj/<config> deleted) and incremental (a one-line edit to
# Program.cs), alternating with/without RUNS times. Prints the median of each and the ratio, once
# with the compiler server (as on a developer machine and in the IDE) and once without it
# (UseSharedCompilation=false, as some CI machines run: every build JITs the compiler anew).
#   RUNS=7 benchmarks/build-overhead.sh
set -euo pipefail
RUNS=${RUNS:-5}
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

build_ms() { # $1: project folder; prints the wall-clock milliseconds of one build
  local start end
  start=$(date +%s%N)
  dotnet build "$1" --no-restore -v q -nologo >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

make_project with
make_project without
test -f "$work/with/bin/Debug/net10.0/deploy/kubernetes/deployment.yaml" || { echo "the SidecarGen build wrote no manifests" >&2; exit 1; }
test ! -e "$work/without/bin/Debug/net10.0/deploy" || { echo "the plain build has manifests" >&2; exit 1; }

measure() { # $1: label; times RUNS alternating cold and incremental builds, prints the table
  rm -f "$work"/cold-* "$work"/incremental-*
  for i in $(seq "$RUNS"); do
    for variant in with without; do
      dir="$work/$variant"
      rm -rf "$dir/bin" "$dir/obj/Debug"
      build_ms "$dir" >> "$work/cold-$variant"
      echo "// edit $i" >> "$dir/Program.cs"
      build_ms "$dir" >> "$work/incremental-$variant"
    done
  done

  echo
  echo "$1: $RUNS alternating runs each, median wall-clock"
  printf '%-12s %12s %12s %8s\n' build "with (ms)" "without (ms)" ratio
  for scenario in cold incremental; do
    with=$(median < "$work/$scenario-with")
    without=$(median < "$work/$scenario-without")
    printf '%-12s %12d %12d %8s\n' "$scenario" "$with" "$without" "$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.3f", a / b }')"
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version)"

export UseSharedCompilation=true MSBUILDDISABLENODEREUSE=0
build_ms "$work/with" > /dev/null   # start the compiler server once, as a developer's first build does
measure "compiler server on (developer machine, IDE)"
dotnet build-server shutdown > /dev/null 2>&1 || true

export UseSharedCompilation=false MSBUILDDISABLENODEREUSE=1
measure "compiler server off (UseSharedCompilation=false)"
