#!/usr/bin/env bash
# What SidecarGen's analyzers add to a REAL build, in CPU time. For each size N in SIZES, a generated
# Microsoft.NET.Sdk.Web project (net10.0, the SDK's default analysis level, as `dotnet new web` gets:
# Microsoft.CodeAnalysis.NetAnalyzers and the ASP.NET Core analyzers run) on the packed SidecarGen
# package: Program.cs with [SidecarService] and three sidecars (Workload.cs's WebProgram), and N-1 files of app code shaped like
# benchmarks/SidecarGen.Benchmarks/Workload.cs's filler plus what the app-code rules read (string
# building, LINQ, HttpClient calls to constant URIs of the declared callees, MapGet routes in every
# tenth file). Restored once; then PAIRS alternating pairs of the same compile:
#   with     SidecarGen as packed: generator and analyzers
#   without  the same, plus a global analyzer config setting every SCG rule's severity to none: Roslyn
#            then runs none of SidecarGen's analyzers (an analyzer all of whose diagnostics are
#            suppressed is skipped), and the generator still runs, so the difference is the analyzers.
# Every build touches Program.cs so CoreCompile runs, with the compiler server, MSBuild node reuse and
# the MSBuild server off, so csc is a child process; tree-time.py measures the whole tree's CPU time
# (user + sys). Reports per size the medians of each side and of the paired differences with a
# bootstrap 95% interval. Last, one build each side at -v:d -p:ReportAnalyzer=true per size: what csc
# itself attributes to each analyzer assembly.
# Each size in SIZES is N, or N:PAIRS to give it its own number of pairs.
#   SIZES="100:6 2000:5" benchmarks/analyzer-build-cost.sh   (the run in docs/performance.md)
#   FEED=<folder with a packed SidecarGen nupkg> skips packing (see bench-common.sh).
set -euo pipefail
SIZES=${SIZES:-"100 2000"}
PAIRS=${PAIRS:-6}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/bench-common.sh"
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
pack_sidecargen

# Program.cs: the benchmarks' web service (Workload.WebProgram), calling inventory too, as the app code below does.
program() {
  sed -n '/WebProgram = """/,/""";/p' "$root/benchmarks/SidecarGen.Benchmarks/Workload.cs" | sed '1d;$d; s/^        //' |
    sed 's/Calls = new\[\] { "payments" }/Calls = new[] { "payments", "inventory" }/'
}

# App code: Workload.cs's filler class, with calls to the declared services and, in every tenth file, routes.
feature() { # $1: index
  local i=$1 callee=payments
  [ $((i % 2)) -eq 0 ] && callee=inventory
  cat <<CS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace OrderService.Features$((i % 20));

public sealed class Feature$i
{
    private const string Endpoint = "http://$callee/api/feature$i";
    private readonly List<int> values = new();
    private readonly HttpClient client = new() { BaseAddress = new Uri("http://$callee") };

    public void Add(int value) => values.Add(value * $i);

    public int Total() => values.Where(v => v > 0).Sum();

    public IEnumerable<string> Labels() => values.OrderBy(v => v).Select(v => \$"item-{v}").Distinct();

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var label in Labels().Take(10))
            text.Append(label).Append(", ");
        return string.Concat("Feature$i: ", text.ToString().TrimEnd(',', ' '), " total ", Total().ToString());
    }

    public async Task<string> FetchAsync(int id)
    {
        using var response = await client.GetAsync(new Uri(\$"{Endpoint}/{id}"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> SendAsync(string body) => client.PostAsync("/api/feature$i", new StringContent(body, Encoding.UTF8, "application/json"));

    public override string ToString() => \$"Feature$i: {Total()}";
}
CS
  if [ $((i % 10)) -eq 0 ]; then
    cat <<CS

public static class Feature${i}Routes
{
    public static Microsoft.AspNetCore.Routing.IEndpointRouteBuilder MapFeature$i(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/features/$i");
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(group, "/", () => new Feature$i().Describe());
        Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(group, "/{id:int}", (int id) => new Feature$i().FetchAsync(id));
        return app;
    }
}
CS
  fi
}

generate() { # $1: folder, $2: files
  local dir=$1 n=$2 i
  isolate_from_repo "$dir"
  cat > "$dir/OrderService.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup><PackageReference Include="SidecarGen" Version="$version" /></ItemGroup>
  <ItemGroup Condition="'\$(SidecarGenAnalyzersOff)' == 'true'"><GlobalAnalyzerConfigFiles Include="scg-off.globalconfig" /></ItemGroup>
</Project>
XML
  { echo 'is_global = true'; for i in $(seq 1 43); do printf 'dotnet_diagnostic.SCG%04d.severity = none\n' "$i"; done; } > "$dir/scg-off.globalconfig"
  program > "$dir/Program.cs"
  for i in $(seq 1 $((n - 1))); do feature "$i" > "$dir/Feature$i.cs"; done
}

build() { # $1: folder, $2: with|without, $3: out file, rest: extra flags
  local dir=$1 side=$2 out=$3; shift 3
  local off=()
  [ "$side" = without ] && off=(-p:SidecarGenAnalyzersOff=true)
  touch "$dir/Program.cs"
  "$here/tree-time.py" "$out" dotnet build "$dir/OrderService.csproj" --no-restore -nodeReuse:false -nologo \
    -p:UseSharedCompilation=false "${off[@]}" "$@"
}

# median [bootstrap 95% interval] of the paired differences, and each side's median: $1 with, $2 without (one number a line)
stats() {
  python3 - "$1" "$2" <<'PY'
import random, statistics, sys
w = [float(x) for x in open(sys.argv[1])]; o = [float(x) for x in open(sys.argv[2])]
d = [a - b for a, b in zip(w, o)]
rng = random.Random(21)
boot = sorted(statistics.median(rng.choices(d, k=len(d))) for _ in range(10000))
print("%7.2f %7.2f %+7.2f [%+.2f, %+.2f] %+5.1f%%" % (statistics.median(w), statistics.median(o), statistics.median(d),
      boot[249], boot[9749], 100 * statistics.median(d) / statistics.median(o)))
PY
}

results=${RESULTS:-$work/results}
mkdir -p "$results"
sizes=()
for size in $SIZES; do
  n=${size%%:*}; pairs=$PAIRS; [ "$size" != "$n" ] && pairs=${size#*:}
  sizes+=("$n")
  dir="$work/app$n"
  generate "$dir" "$n"
  dotnet restore "$dir/OrderService.csproj" -nologo -v q >/dev/null
  build "$dir" with "$results/warm" -v q >/dev/null   # the first compile (and the analyzers' first load from disk) is not timed
  : > "$results/$n-with.cpu"; : > "$results/$n-without.cpu"; : > "$results/$n-with.wall"; : > "$results/$n-without.wall"
  for p in $(seq 1 "$pairs"); do
    order="with without"; [ $((p % 2)) -eq 0 ] && order="without with"
    for side in $order; do
      build "$dir" "$side" "$results/one" -v q >/dev/null
      read -r wall user sys _ < "$results/one"
      echo "$user $sys" | awk '{ print $1 + $2 }' >> "$results/$n-$side.cpu"
      echo "$wall" >> "$results/$n-$side.wall"
      echo "$n files, pair $p, $side: wall ${wall}s user ${user}s sys ${sys}s, load $(cut -d' ' -f1-3 /proc/loadavg)"
    done
  done
  for side in with without; do
    build "$dir" "$side" "$results/one" -v:d -p:ReportAnalyzer=true > "$results/$n-$side-report.log"
  done
done

echo
echo "CPU seconds (user+sys of the whole build) and wall seconds, medians: with  without  added [bootstrap 95%]  added share"
for n in "${sizes[@]}"; do
  echo "$n files, $(wc -l < "$results/$n-with.cpu") pairs,  cpu: $(stats "$results/$n-with.cpu" "$results/$n-without.cpu")"
  echo "$n files, $(wc -l < "$results/$n-with.cpu") pairs, wall: $(stats "$results/$n-with.wall" "$results/$n-without.wall")"
done
echo
echo "What csc attributes to each analyzer assembly (-p:ReportAnalyzer=true), and to SidecarGen's analyzers one by one:"
for n in "${sizes[@]}"; do
  for side in with without; do
    echo "-- $n files, $side"
    awk '/Total analyzer execution time/ { on = 1; print } /Total generator execution time/ { on = 0 }
         on && (/Version=/ || /SidecarGen\./) { print }' "$results/$n-$side-report.log" | sed -E 's/^ +/   /; s/, Culture=neutral.*//'
  done
done
