# Sourced by every benchmark script: where it works, the packed package, and the statistics.
#
# Sets root (the repository), work (a new folder, removed on exit unless KEEP_WORK is set) and
# version (of the package pack_sidecargen packs), and defines:
#   pack_sidecargen    packs src/SidecarGen.Package as $version into the local feed $work/feed
#                      (with FEED=<folder>, copies the package found there instead and sets $version)
#   isolate_from_repo  makes a folder build on its own: neutral Directory.Build.* files, no central
#                      package versions, and a nuget.config whose only source is $work/feed (packages
#                      restored into $work/packages, so no NuGet cache has seen this version)
#   elapsed_ms, median, median_ci
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
[ -n "${KEEP_WORK:-}" ] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
version="0.1.0-bench.$(date +%s)"

pack_sidecargen() {
  if [ -n "${FEED:-}" ]; then
    # The package an earlier run packed (its work folder kept with KEEP_WORK): packing takes minutes on a busy machine.
    mkdir -p "$work/feed"
    cp "$FEED"/SidecarGen.*.nupkg "$work/feed/"
    version=$(basename "$(ls "$work"/feed/SidecarGen.0.*.nupkg | head -1)" .nupkg)
    version=${version#SidecarGen.}
    echo "SidecarGen $version from $FEED"
    return
  fi
  echo "packing SidecarGen $version ..."
  dotnet pack "$root/src/SidecarGen.Package" -c Release -o "$work/feed" -p:Version="$version" -v q -nologo >/dev/null
}

isolate_from_repo() { # $1: folder
  mkdir -p "$1"
  echo '<Project />' > "$1/Directory.Build.props"
  echo '<Project />' > "$1/Directory.Build.targets"
  echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$1/Directory.Packages.props"
  cat > "$1/nuget.config" <<XML
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources><clear /><add key="feed" value="$work/feed" /></packageSources>
</configuration>
XML
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
