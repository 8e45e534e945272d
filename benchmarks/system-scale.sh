#!/usr/bin/env bash
# What a system project costs as systems grow. For each size N in SIZES, a generated system of N small
# ASP.NET Core services (each with 2-3 sidecars and Calls to 1-2 later services: a chain with
# shortcuts, so fan-in and fan-out are 1-2) and a system project (SidecarGenSystem, a ProjectReference
# to each service), all on the packed SidecarGen package from a private feed. Restored once; every
# build is `dotnet build -m --no-restore` without MSBuild node reuse or the MSBuild server.
#
# 1. The system against its services alone, in alternating pairs: All.slnx (the services and the
#    system project) and Services.slnx (the same services, no system project), RUNS rounds, each a
#    cold pair (bin/ and obj/Debug deleted; only in the first COLD rounds), a no-op pair and EDITS
#    pairs after an edit to a method body in one service's Program.cs. The system project's share is
#    what All adds to Services. The first build of each size (All.slnx, cold) is timed too.
#    Through the compiler server, on a pipe of this script's own (stopped at the end), as a developer
#    builds; set SERVER=off to build without it.
# 2. The system project's own build: `dotnet build System/BenchSystem.csproj --no-dependencies` once its
#    services are built, cold (its bin/ and obj/Debug deleted) and no-op, RUNS of each, under
#    /usr/bin/time, without the compiler server: wall time and the peak resident memory of the
#    largest single process of the build (MSBuild or the csc it starts; /usr/bin/time reports the
#    largest of the processes it waited for, not their sum), and what a detailed build reports of its
#    parts (SidecarGen's targets and task, CoreCompile, the system generator as the compiler times it).
# 3. One edit to a method body, built at -v:d with MSBuild's performance summary: which projects
#    compiled (their obj/ assembly rewritten), which service descriptions the system's
#    ExtractServiceDescriptions rewrote (it rewrites a description only when it changed) and whether the
#    system project compiled at all.
# Last, how each figure grows from the smallest size to the largest, per service.
#
# Each size in SIZES is N, or N:RUNS:COLD to give it its own number of rounds and of cold ones (a
# cold 50-service build takes minutes on 2 cores; with 0 rounds, one timed edit of All.slnx replaces
# the pairs). RESULTS=<folder> keeps each figure's samples, so sizes can be measured in separate runs.
#   SIZES="10 50" RUNS=3 EDITS=2 benchmarks/system-scale.sh
#   SIZES="10:2:2" EDITS=1 RESULTS=/tmp/scale benchmarks/system-scale.sh; SIZES="50:0:0" RESULTS=/tmp/scale benchmarks/system-scale.sh
#   (the runs in docs/performance.md)
set -euo pipefail
SIZES=${SIZES:-"10 50"}
RUNS=${RUNS:-3}
EDITS=${EDITS:-2}
SERVER=${SERVER:-on}
source "$(dirname "$0")/bench-common.sh"
results=${RESULTS:-$work/results}

export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
server_pipe="sidecargen-scale-$$"
# The compiler server this script started (its pipe is this script's own), stopped by its process id.
stop_server() {
  local pid
  for pid in $(pgrep -f -- "VBCSCompiler.* -pipename:$server_pipe" || true); do kill "$pid" 2>/dev/null || true; done
}
trap 'stop_server; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

build_flags=(-m -nodeReuse:false --no-restore -nologo)
if [ "$SERVER" = on ]; then server_flags=(-p:UseSharedCompilation=true -p:SharedCompilationId="$server_pipe"); else server_flags=(-p:UseSharedCompilation=false); fi

# --- the generated system ---------------------------------------------------------------------------

name() { printf 'svc%02d' "$1"; }

# The services service $1 of $2 calls: the next one, and from every odd one also the third after it.
calls() {
  local i=$1 n=$2
  [ $((i + 1)) -le "$n" ] && name $((i + 1)) && echo
  [ $((i % 2)) -eq 1 ] && [ $((i + 3)) -le "$n" ] && name $((i + 3)) && echo
  return 0
}

# Its sidecars, by i mod 5: logging and metrics; an auth proxy, logging and metrics; the mesh and
# metrics; a config watcher and logging; the mesh, a config watcher and metrics. The mesh's upstreams
# are the called services (mutual TLS off: not every caller has the mesh).
sidecars() { # $1: i, $2: "svcA", "svcB" (the called services as C# strings)
  local svc auth mesh
  svc=$(name "$1")
  auth="[AuthProxySidecar(IssuerUrl = \"https://login.example.com/realms/bench\", SecretName = \"$svc-auth\")]"
  mesh="[ServiceMeshSidecar(Upstreams = new[] { $2 }, Mtls = false)]"
  [ -z "$2" ] && mesh="[ServiceMeshSidecar(Mtls = false)]"
  case $(($1 % 5)) in
    0) printf '%s\n' "[LoggingSidecar]" "[MetricsSidecar]" ;;
    1) printf '%s\n' "$auth" "[LoggingSidecar]" "[MetricsSidecar]" ;;
    2) printf '%s\n' "$mesh" "[MetricsSidecar]" ;;
    3) printf '%s\n' "[ConfigWatcherSidecar(Key = \"config/$svc\")]" "[LoggingSidecar]" ;;
    4) printf '%s\n' "$mesh" "[ConfigWatcherSidecar(Key = \"config/$svc\")]" "[MetricsSidecar]" ;;
  esac
}

make_service() { # $1: folder of the system, $2: i, $3: N
  local svc dir called quoted clients=""
  svc=$(name "$2")
  dir="$1/$svc"
  mkdir -p "$dir"
  called=$(calls "$2" "$3")
  quoted=$(for c in $called; do printf '"%s", ' "$c"; done | sed 's/, $//')
  for c in $called; do
    clients+="builder.Services.AddHttpClient(\"$c\", client => client.BaseAddress = new Uri(builder.Configuration[\"services:$c:http:0\"] ?? \"http://$c\"));"$'\n'
  done
  echo '<Project Sdk="Microsoft.NET.Sdk.Web" />' > "$dir/$svc.csproj"
  cat > "$dir/Program.cs" <<CS
using SidecarGen;

var builder = WebApplication.CreateBuilder(args);
${clients}
var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok("healthy"));
app.MapGet("/", () => Answers.Greeting());

app.Run();

/// <summary>$svc, one service of the benchmark's system.</summary>
[SidecarService("$svc", Image = "registry.example.com/bench/$svc:1.0.0"${quoted:+, Calls = new[] { $quoted \}})]
$(sidecars "$2" "$quoted")
public partial class Program;

internal static class Answers
{
    // The benchmark's edit rewrites this method body.
    public static string Greeting() => "$svc, edit 0";
}
CS
}

make_system() { # $1: N; sets sys (the folder), edited (the service the edits touch)
  local n=$1 i
  sys="$work/system-$n"
  isolate_from_repo "$sys"
  # Every project of the system: net10.0 and the package.
  cat > "$sys/Directory.Build.props" <<XML
<Project>
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <Version>1.0.0</Version>
  </PropertyGroup>
  <ItemGroup><PackageReference Include="SidecarGen" Version="$version" /></ItemGroup>
</Project>
XML
  mkdir -p "$sys/System"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo "  <PropertyGroup><SidecarGenSystem>bench</SidecarGenSystem><SidecarGenNamespace>bench</SidecarGenNamespace></PropertyGroup>"
    echo '  <ItemGroup>'
    for i in $(seq "$n"); do echo "    <ProjectReference Include=\"../$(name "$i")/$(name "$i").csproj\" ReferenceOutputAssembly=\"false\" />"; done
    echo '  </ItemGroup>'
    echo '</Project>'
  } > "$sys/System/BenchSystem.csproj"
  for i in $(seq "$n"); do make_service "$sys" "$i" "$n"; done
  { echo '<Solution>'; for i in $(seq "$n"); do echo "  <Project Path=\"$(name "$i")/$(name "$i").csproj\" />"; done; echo '</Solution>'; } > "$sys/Services.slnx"
  sed 's#</Solution>#  <Project Path="System/BenchSystem.csproj" />\n</Solution>#' "$sys/Services.slnx" > "$sys/All.slnx"
  edited=$(name $(( (n + 1) / 2 )))
  dotnet restore "$sys/All.slnx" -v q -nologo >/dev/null
}

# --- measuring --------------------------------------------------------------------------------------

build() { dotnet build "$@" "${build_flags[@]}" "${server_flags[@]}"; }
build_ms() { elapsed_ms build "$1" -v q; }
clean() { rm -rf "$sys"/*/bin "$sys"/*/obj/Debug; }
edit_count=0
edit() {
  edit_count=$((edit_count + 1))
  sed -i -E "s/, edit [0-9]+\"/, edit $edit_count\"/" "$sys/$edited/Program.cs"
}

# Prints one row of a table from the files $2-all and $2-services, whose lines are paired runs.
row() { # $1: label, $2: path prefix
  local all services
  all=$(median < "$2-all")
  services=$(median < "$2-services")
  printf '%-10s %6d %10d %10d %8s   %s ms\n' "$1" "$(wc -l < "$2-all")" "$all" "$services" \
    "$(awk -v a="$all" -v b="$services" 'BEGIN { printf "%.3f", a / b }')" \
    "$(paste "$2-all" "$2-services" | awk '{ print $1 - $2 }' | median_ci)"
}

measure_pairs() { # $1: N, $2: rounds, $3: of which cold
  local out="$results/$1" i e order variant solution
  for i in $(seq "$2"); do
    # Alternate which side goes first, so a drift in the machine's speed favours neither.
    if [ $((i % 2)) -eq 1 ]; then order="all services"; else order="services all"; fi
    for variant in $order; do
      [ "$variant" = all ] && solution=All || solution=Services
      if [ "$i" -le "$3" ]; then
        clean
        build_ms "$sys/$solution.slnx" >> "$out/cold-$variant"
      else
        build_ms "$sys/$solution.slnx" > /dev/null   # catches up with the other side's edit
      fi
      build_ms "$sys/$solution.slnx" >> "$out/noop-$variant"
      for e in $(seq "$EDITS"); do
        edit
        build_ms "$sys/$solution.slnx" >> "$out/edit-$variant"
      done
    done
  done
  echo
  echo "N=$1: the system (All.slnx) against its services alone (Services.slnx), alternating pairs, wall-clock ms, compiler server $SERVER"
  printf '%-10s %6s %10s %10s %8s   %s\n' build pairs system services ratio "system project adds: median of the pairs [95% CI]"
  if [ "$3" -gt 0 ]; then row cold "$out/cold"; fi
  row no-op "$out/noop"
  row edit "$out/edit"
}

# The system project alone, its services built: RUNS cold and RUNS no-op builds under /usr/bin/time.
measure_system_alone() { # $1: N
  local out="$results/$1" i
  for i in $(seq "$RUNS"); do
    rm -rf "$sys/System/bin" "$sys/System/obj/Debug"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" dotnet build "$sys/System/BenchSystem.csproj" --no-dependencies "${build_flags[@]}" -p:UseSharedCompilation=false -v q >/dev/null
    awk '{ printf "%d\n", $1 * 1000 }' "$work/time.txt" >> "$out/own-cold-ms"
    awk '{ printf "%d\n", $2 / 1024 }' "$work/time.txt" >> "$out/own-cold-mib"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" dotnet build "$sys/System/BenchSystem.csproj" --no-dependencies "${build_flags[@]}" -p:UseSharedCompilation=false -v q >/dev/null
    awk '{ printf "%d\n", $1 * 1000 }' "$work/time.txt" >> "$out/own-noop-ms"
    awk '{ printf "%d\n", $2 / 1024 }' "$work/time.txt" >> "$out/own-noop-mib"
  done
  # What one more cold build reports of its parts.
  rm -rf "$sys/System/bin" "$sys/System/obj/Debug"
  dotnet build "$sys/System/BenchSystem.csproj" --no-dependencies "${build_flags[@]}" -p:UseSharedCompilation=false \
    -v d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$work/system-$1.log"
  test -f "$sys/System/bin/Debug/net10.0/deploy/compose/compose.yaml" || { echo "the system build wrote no compose.yaml" >&2; exit 1; }
  echo
  echo "N=$1: the system project alone (--no-dependencies, compiler server off), $RUNS runs: median wall ms, median peak RSS MiB of its largest process"
  printf '  cold  %6d ms  %5d MiB\n' "$(median < "$out/own-cold-ms")" "$(median < "$out/own-cold-mib")"
  printf '  no-op %6d ms  %5d MiB\n' "$(median < "$out/own-noop-ms")" "$(median < "$out/own-noop-mib")"
  awk -v n="$1" -v out="$out/parts" '
    function ms(text) { return text ~ /^</ ? 0.5 : text * 1000 }
    /Total generator execution time/ { generators = 1 }
    /Total analyzer execution time/ { generators = 0 }
    !generators && $3 ~ /^SidecarGen,$/ { analyzers = ms($1) }
    generators && $3 == "SidecarGen.SystemGenerator" { generator = ms($1) }
    $2 == "ms" && ($3 == "CoreCompile" || $3 == "_SidecarGenSystemServices" || $3 == "SidecarGenWriteManifests" || $3 == "ExtractServiceDescriptions" || $3 == "WriteSidecarManifests") && !seen[$3]++ { part[$3] = $1 }
    END {
      printf "  one cold build at -v:d reports: _SidecarGenSystemServices %d ms (its ExtractServiceDescriptions task %d ms), CoreCompile %d ms (SidecarGen.SystemGenerator %.0f ms, SidecarGen analyzers %.0f ms), SidecarGenWriteManifests %d ms\n", part["_SidecarGenSystemServices"], part["ExtractServiceDescriptions"], part["CoreCompile"], generator, analyzers, part["SidecarGenWriteManifests"]
      printf "%d %d %d %.0f %.0f %d\n", part["_SidecarGenSystemServices"], part["ExtractServiceDescriptions"], part["CoreCompile"], generator, analyzers, part["SidecarGenWriteManifests"] >> out
    }' "$work/system-$1.log"
}

# What one unrelated edit makes the next system build do.
trace_edit() { # $1: N
  local marker="$work/marker" log="$work/edit-$1.log" compiled descriptions
  build "$sys/All.slnx" -v q >/dev/null
  touch "$marker"
  sleep 1
  edit
  build "$sys/All.slnx" -v d -clp:PerformanceSummary > "$log"
  compiled=$(find "$sys" -path '*/obj/Debug/net10.0/*.dll' -newer "$marker" -not -name 'sidecargen.ref.dll' -not -path '*/ref/*' -not -path '*/refint/*' -printf '%f ' )
  descriptions=$(find "$sys/System/obj" -path '*/sidecargen/services/*.yaml' -newer "$marker" -printf '%f ' )
  echo
  echo "N=$1: one edit to the body of Answers.Greeting in $edited/Program.cs, then All.slnx"
  echo "  assemblies compiled anew: ${compiled:-none}"
  echo "  service descriptions rewritten by ExtractServiceDescriptions: ${descriptions:-none} (of $(ls "$sys/System/obj/Debug/net10.0/sidecargen/services" | wc -l))"
  grep -E '^ +[0-9]+ ms +(ExtractServiceDescriptions|_SidecarGenSystemServices) ' "$log" | sed -E 's/^ +/  summary: /' | sort -u
  # MSBuild's reason for each compile it ran.
  grep -oE 'Input file "[^"]+" is newer than output file "[^"]+"' "$log" | sed -E "s#$sys/##g; s/^/  why: /" | sort -u | head -20
  if [ -n "$(find "$sys/System/obj/Debug/net10.0" -name BenchSystem.dll -newer "$marker")" ]; then
    echo "  the system project compiled"
  else
    echo "  the system project did not compile (CoreCompile's inputs, the descriptions among them, unchanged)"
  fi
}

# --- the run ----------------------------------------------------------------------------------------

pack_sidecargen
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "SIZES=\"$SIZES\" RUNS=$RUNS EDITS=$EDITS SERVER=$SERVER"
for size in $SIZES; do
  IFS=: read -r n rounds cold <<< "$size"
  rounds=${rounds:-$RUNS}
  cold=${cold:-$rounds}
  mkdir -p "$results/$n"
  echo
  echo "== N=$n: generating, restoring ($(date -u +%H:%M:%S) UTC)"
  make_system "$n"
  # A first build, checked: every service's manifests and the system's files, no warnings.
  start=$(date +%s%N)
  build "$sys/All.slnx" -v m > "$work/first-$n.log" || { cat "$work/first-$n.log" >&2; exit 1; }
  echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$results/$n/first-ms"
  echo "first build of All.slnx (cold; the compiler server starts in it): $(tail -1 "$results/$n/first-ms") ms"
  grep -E 'warning|error' "$work/first-$n.log" | sort -u | head -20 || true
  test "$(find "$sys" -path '*/bin/Debug/net10.0/deploy/kubernetes/deployment.yaml' | wc -l)" -eq "$n" || { echo "not every service wrote its manifests" >&2; exit 1; }
  test -f "$sys/System/bin/Debug/net10.0/deploy/kubernetes/kustomization.yaml" || { echo "the system wrote no kustomization" >&2; exit 1; }
  if [ "$rounds" -gt 0 ]; then
    measure_pairs "$n" "$rounds" "$cold"
  else
    # No pairs (too slow at this size on this machine): one timed edit of the system build alone.
    edit
    build_ms "$sys/All.slnx" >> "$results/$n/edit-unpaired"
    echo "N=$n: no pairs; one edit then All.slnx: $(tail -1 "$results/$n/edit-unpaired") ms"
  fi
  trace_edit "$n"
  stop_server
  RUNS=$(( rounds > 0 ? rounds : 1 )) measure_system_alone "$n"
  echo "  (N=$n done $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -rf "$sys"
done

# Growth from the smallest size measured to the largest (this run's sizes and any others already in
# $results): each figure's ratio, and that ratio per service (1.00: linear; below 1: better).
set -- $(ls "$results" | sort -n)
small=$1
large=${!#}
grow() { # $1: label, $2: file under results/<N>/ (or a column of parts: parts:<column>)
  local a b
  if [[ $2 != parts:* ]] && ! [ -s "$results/$small/$2" -a -s "$results/$large/$2" ]; then
    return 0
  fi
  if [[ $2 == parts:* ]]; then
    a=$(awk -v c="${2#parts:}" '{ print $c }' "$results/$small/parts" | median)
    b=$(awk -v c="${2#parts:}" '{ print $c }' "$results/$large/parts" | median)
  else
    a=$(median < "$results/$small/$2")
    b=$(median < "$results/$large/$2")
  fi
  awk -v l="$1" -v a="$a" -v b="$b" -v s="$small" -v g="$large" 'BEGIN {
    printf "%-44s %9d %9d %8.2f %14.2f\n", l, a, b, (a > 0 ? b / a : 0), (a > 0 ? (b / a) / (g / s) : 0) }'
}
if [ "$small" != "$large" ]; then
  echo
  echo "growth from N=$small to N=$large (medians; per service: the ratio over $large/$small, 1.00 = linear)"
  printf '%-44s %9s %9s %8s %14s\n' figure "N=$small" "N=$large" ratio "per service"
  grow "first build of All.slnx, cold (ms)" first-ms
  grow "system build, cold (ms)" cold-all
  grow "services alone, cold (ms)" cold-services
  grow "system build, edit (ms)" edit-all
  grow "services alone, edit (ms)" edit-services
  grow "system build, edit, no pair (ms)" edit-unpaired
  grow "system build, no-op (ms)" noop-all
  grow "system project alone, cold (ms)" own-cold-ms
  grow "system project alone, no-op (ms)" own-noop-ms
  grow "system project alone, cold, peak RSS (MiB)" own-cold-mib
  grow "  _SidecarGenSystemServices (ms)" parts:1
  grow "  CoreCompile (ms)" parts:3
  grow "  SidecarGen.SystemGenerator (ms)" parts:4
  grow "  SidecarGenWriteManifests (ms)" parts:6
fi
