# Sourced by build-overhead.sh and jit-methods.sh: the set-up both measure on.
#
# Sets root (the repository), work (a new folder, removed on exit unless KEEP_WORK is set) and
# version (of the package packed by make_copies), and defines:
#   make_copies       packs SidecarGen into the local feed $work/feed and makes two copies of
#                     samples/OrderService, restored and built once: $work/with references the
#                     package, $work/without has the package reference, the using and the
#                     attributes removed (same code otherwise)
#   prepare_compiler  the csc command line MSBuild ran for an incremental build of $work/with, as
#                     response files $work/csc-with.rsp and (without SidecarGen's analyzer
#                     assemblies) $work/csc-without.rsp; sets compiler (the csc program)
#   elapsed_ms, median, median_ci
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
[ -n "${KEEP_WORK:-}" ] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
version="0.1.0-bench.$(date +%s)"

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

make_copies() {
  echo "packing SidecarGen $version ..."
  dotnet pack "$root/src/SidecarGen.Package" -c Release -o "$work/feed" -p:Version="$version" -v q -nologo >/dev/null
  make_project with
  make_project without
  test -f "$work/with/bin/Debug/net10.0/deploy/kubernetes/deployment.yaml" || { echo "the SidecarGen build wrote no manifests" >&2; exit 1; }
  test ! -e "$work/without/bin/Debug/net10.0/deploy" || { echo "the plain build has manifests" >&2; exit 1; }
}

elapsed_ms() { # runs "$@" quietly; prints its wall-clock milliseconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

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

# The compile step alone: the csc command line MSBuild ran for the SidecarGen build, as a response
# file, and the same without SidecarGen's analyzer assemblies (its attributes compile to nothing
# without them: they are [Conditional]).
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
