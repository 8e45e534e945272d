#!/usr/bin/env bash
# What a system project costs as systems grow. For each size N in SIZES, a generated system of N small
# ASP.NET Core services (each with 2-3 sidecars and Calls to 1-2 later services: a chain with
# shortcuts, so fan-in and fan-out are 1-2) and a system project (SidecarGenSystem, a ProjectReference
# to each service), all on the packed SidecarGen package from a private feed. Restored once; every
# build is `dotnet build -m --no-restore` without MSBuild node reuse or the MSBuild server.
#
# What is measured is CPU time: user + system seconds summed over the build's whole process tree
# (benchmarks/tree-time.py: it makes itself the child subreaper, so even a process orphaned by its
# parent is waited for and counted). It is the work a build does. Wall time is not: on a shared
# 2-core machine it is mostly how long the build waited for the other builds (load average 20-70 on
# 2026-12-07, when two cold pairs of the same builds differed by +45 s and -24 s). With the compiler
# server and node reuse off every process of a build is a descendant of `dotnet build` and ends with
# it, so the tree's CPU time is all of the build's work. Wall time and peak RSS (of the largest single
# process, as /usr/bin/time's %M) are kept as secondary columns. SERVER=on builds through a compiler
# server instead (as a developer builds); its compiles then run outside the tree and its CPU time is
# not counted, so use it for wall time only.
#
# 1. The system against its services alone, in alternating pairs: All.slnx (the services and the
#    system project) and Services.slnx (the same services, no system project), RUNS rounds, each a
#    cold pair (bin/ and obj/Debug deleted; only in the first COLD rounds), a no-op pair and EDITS
#    pairs after an edit to a method body in one service's Program.cs. The system project's share is
#    what All adds to Services. The first build of each size (All.slnx, cold) is measured too.
# 2. The system project's own build: `dotnet build System/BenchSystem.csproj --no-dependencies` once its
#    services are built, cold (its bin/ and obj/Debug deleted) and no-op, RUNS of each: CPU time, wall
#    time and the peak resident memory of the largest single process of the build (MSBuild or the csc
#    it starts; the largest of the processes waited for, not their sum), and what a detailed build reports of its
#    parts (SidecarGen's targets and task, CoreCompile, the system generator as the compiler times it).
# 3. One edit to a method body in a service's Program.cs (the file that holds its attributes), then one
#    in its Texts.cs (a file without them), each built at -v:d with MSBuild's performance summary: which
#    projects compiled (their obj/ assembly rewritten), how many services' assemblies the system's
#    ExtractServiceDescriptions opened (it logs each) and which descriptions it rewrote (only when one
#    changed), whether the system project compiled at all, and the CPU time of that build.
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
SERVER=${SERVER:-off}
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
app.MapGet("/about", () => Texts.About());

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
  # A file without SidecarGen's attributes: an edit here is one the system project has no reason to see.
  cat > "$dir/Texts.cs" <<CS
internal static class Texts
{
    public static string About() => "$svc, text 0";
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
# Runs "$@" (its output in $work/last.log) and appends to the files $1 (CPU ms: user + system over
# the process tree), $1.wall (wall ms) and $1.rss (peak RSS of the largest process, MiB).
measured() {
  local out=$1 wall user sys rss command
  shift
  command=("$@")
  [ "$1" = build ] && command=(dotnet build "${@:2}" "${build_flags[@]}" "${server_flags[@]}")
  if [ "$SERVER" = on ]; then
    # The server outlives the build: tree-time.py would wait for it. /usr/bin/time counts the build without it.
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "${command[@]}" > "$work/last.log"
  else
    python3 "$root/benchmarks/tree-time.py" "$work/time.txt" "${command[@]}" > "$work/last.log"
  fi
  read -r wall user sys rss < "$work/time.txt"
  awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d\n", (u + s) * 1000 }' >> "$out"
  awk -v w="$wall" 'BEGIN { printf "%d\n", w * 1000 }' >> "$out.wall"
  echo $(( rss / 1024 )) >> "$out.rss"
}
clean() { rm -rf "$sys"/*/bin "$sys"/*/obj/Debug; }
edit_count=0
edit() {
  edit_count=$((edit_count + 1))
  sed -i -E "s/, edit [0-9]+\"/, edit $edit_count\"/" "$sys/$edited/Program.cs"
}
edit_texts() {
  edit_count=$((edit_count + 1))
  sed -i -E "s/, text [0-9]+\"/, text $edit_count\"/" "$sys/$edited/Texts.cs"
}

# Prints one row of a table from the files $2-all and $2-services (and their .wall and .rss), whose
# lines are paired runs: CPU ms, then the secondary columns.
row() { # $1: label, $2: path prefix
  local all services
  all=$(median < "$2-all")
  services=$(median < "$2-services")
  printf '%-8s %5d %9d %9d %7s %+7.1f%%   %-28s | %9d %9d | %5d %5d\n' "$1" "$(wc -l < "$2-all")" "$all" "$services" \
    "$(awk -v a="$all" -v b="$services" 'BEGIN { printf "%.3f", a / b }')" \
    "$(awk -v a="$all" -v b="$services" 'BEGIN { print 100 * (a - b) / b }')" \
    "$(paste "$2-all" "$2-services" | awk '{ print $1 - $2 }' | median_ci)" \
    "$(median < "$2-all.wall")" "$(median < "$2-services.wall")" "$(median < "$2-all.rss")" "$(median < "$2-services.rss")"
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
        measured "$out/cold-$variant" build "$sys/$solution.slnx" -v q
      else
        build "$sys/$solution.slnx" -v q > /dev/null   # catches up with the other side's edit
      fi
      measured "$out/noop-$variant" build "$sys/$solution.slnx" -v q
      for e in $(seq "$EDITS"); do
        edit
        measured "$out/edit-$variant" build "$sys/$solution.slnx" -v q
      done
    done
  done
  echo
  echo "N=$1: the system (All.slnx) against its services alone (Services.slnx), alternating pairs, compiler server $SERVER"
  echo "CPU ms (user + system, whole process tree; medians), what the system project adds (median of the pairs [95% CI]) | wall ms | peak RSS MiB"
  printf '%-8s %5s %9s %9s %7s %8s   %-28s | %9s %9s | %5s %5s\n' build pairs system services ratio adds "adds, paired (CPU ms)" system services system services
  if [ "$3" -gt 0 ]; then row cold "$out/cold"; fi
  row no-op "$out/noop"
  row edit "$out/edit"
}

# The system project alone, its services built: RUNS cold and RUNS no-op builds under /usr/bin/time.
measure_system_alone() { # $1: N
  local out="$results/$1" i
  local SERVER=off
  for i in $(seq "$RUNS"); do
    rm -rf "$sys/System/bin" "$sys/System/obj/Debug"
    measured "$out/own-cold" dotnet build "$sys/System/BenchSystem.csproj" --no-dependencies "${build_flags[@]}" -p:UseSharedCompilation=false -v q
    measured "$out/own-noop" dotnet build "$sys/System/BenchSystem.csproj" --no-dependencies "${build_flags[@]}" -p:UseSharedCompilation=false -v q
  done
  # What one more cold build reports of its parts.
  rm -rf "$sys/System/bin" "$sys/System/obj/Debug"
  dotnet build "$sys/System/BenchSystem.csproj" --no-dependencies "${build_flags[@]}" -p:UseSharedCompilation=false \
    -v d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$work/system-$1.log"
  test -f "$sys/System/bin/Debug/net10.0/deploy/compose/compose.yaml" || { echo "the system build wrote no compose.yaml" >&2; exit 1; }
  echo
  echo "N=$1: the system project alone (--no-dependencies, compiler server off), $RUNS runs: medians of CPU ms (whole tree), wall ms, peak RSS MiB of its largest process"
  printf '  cold  %7d CPU ms  %7d wall ms  %5d MiB\n' "$(median < "$out/own-cold")" "$(median < "$out/own-cold.wall")" "$(median < "$out/own-cold.rss")"
  printf '  no-op %7d CPU ms  %7d wall ms  %5d MiB\n' "$(median < "$out/own-noop")" "$(median < "$out/own-noop.wall")" "$(median < "$out/own-noop.rss")"
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

# What one edit makes the next system build do.
trace_edit() { # $1: N, $2: the edit (edit or edit_texts), $3: what it edits
  local marker="$work/marker" log="$work/$2-$1.log" compiled descriptions opened
  build "$sys/All.slnx" -v q >/dev/null
  touch "$marker"
  sleep 1
  "$2"
  measured "$results/$1/trace-$2" build "$sys/All.slnx" -v d -clp:PerformanceSummary
  mv "$work/last.log" "$log"
  compiled=$(find "$sys" -path '*/obj/Debug/net10.0/*.dll' -newer "$marker" -not -name 'sidecargen.ref.dll' -not -path '*/ref/*' -not -path '*/refint/*' -printf '%f ' )
  descriptions=$(find "$sys/System/obj" -path '*/sidecargen/services/*.yaml' -newer "$marker" -printf '%f ' )
  echo
  echo "N=$1: one edit to $3 in $edited, then All.slnx: $(tail -1 "$results/$1/trace-$2") CPU ms, $(tail -1 "$results/$1/trace-$2.wall") wall ms"
  echo "  assemblies compiled anew: ${compiled:-none}"
  if [ -f "$sys/System/obj/Debug/net10.0/sidecargen/services.read.txt" ]; then
    opened=$(grep -c 'SidecarGen: reading the description of' "$log" || true)
    echo "  service assemblies ExtractServiceDescriptions opened: $opened of $1"
  else
    echo "  service assemblies ExtractServiceDescriptions opened: all $1 (a package from before its state file: it opens every one)"
  fi
  echo "  service descriptions it rewrote: ${descriptions:-none} (of $(ls "$sys/System/obj/Debug/net10.0/sidecargen/services" | wc -l))"
  grep -E '^ +[0-9]+ ms +(ExtractServiceDescriptions|_SidecarGenSystemServices|CoreCompile) ' "$log" | sed -E 's/^ +/  summary: /' | sort -u
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
  measured "$results/$n/first" build "$sys/All.slnx" -v m || { cat "$work/last.log" >&2; exit 1; }
  mv "$work/last.log" "$work/first-$n.log"
  echo "first build of All.slnx (cold): $(tail -1 "$results/$n/first") CPU ms, $(tail -1 "$results/$n/first.wall") wall ms, $(tail -1 "$results/$n/first.rss") MiB"
  grep -E 'warning|error' "$work/first-$n.log" | sort -u | head -20 || true
  test "$(find "$sys" -path '*/bin/Debug/net10.0/deploy/kubernetes/deployment.yaml' | wc -l)" -eq "$n" || { echo "not every service wrote its manifests" >&2; exit 1; }
  test -f "$sys/System/bin/Debug/net10.0/deploy/kubernetes/kustomization.yaml" || { echo "the system wrote no kustomization" >&2; exit 1; }
  if [ "$rounds" -gt 0 ]; then
    measure_pairs "$n" "$rounds" "$cold"
  else
    # No pairs (too slow at this size on this machine): one timed edit of the system build alone.
    edit
    measured "$results/$n/edit-unpaired" build "$sys/All.slnx" -v q
    echo "N=$n: no pairs; one edit then All.slnx: $(tail -1 "$results/$n/edit-unpaired") CPU ms, $(tail -1 "$results/$n/edit-unpaired.wall") wall ms"
  fi
  trace_edit "$n" edit "the body of Answers.Greeting in Program.cs (the file with its SidecarGen attributes)"
  trace_edit "$n" edit_texts "the body of Texts.About in Texts.cs (a file without them)"
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
  grow "first build of All.slnx, cold (CPU ms)" first
  grow "system build, cold (CPU ms)" cold-all
  grow "services alone, cold (CPU ms)" cold-services
  grow "system build, edit (CPU ms)" edit-all
  grow "services alone, edit (CPU ms)" edit-services
  grow "system build, edit, no pair (CPU ms)" edit-unpaired
  grow "system build, no-op (CPU ms)" noop-all
  grow "system build, Program.cs edit traced (CPU ms)" trace-edit
  grow "system build, Texts.cs edit traced (CPU ms)" trace-edit_texts
  grow "system project alone, cold (CPU ms)" own-cold
  grow "system project alone, no-op (CPU ms)" own-noop
  grow "system project alone, cold (wall ms)" own-cold.wall
  grow "system project alone, cold, peak RSS (MiB)" own-cold.rss
  grow "  _SidecarGenSystemServices (ms)" parts:1
  grow "  CoreCompile (ms)" parts:3
  grow "  SidecarGen.SystemGenerator (ms)" parts:4
  grow "  SidecarGenWriteManifests (ms)" parts:6
fi
