#!/usr/bin/env bash
# What SidecarGen makes a new compiler process JIT-compile. Without the compiler server
# (UseSharedCompilation=false) every build starts a new csc, which JIT-compiles every analyzer and
# generator it runs anew; this counts and times that work for one incremental compile of
# samples/OrderService, with SidecarGen and without it.
#
# Set-up as in build-overhead.sh (orderservice-copies.sh): the packed package, the two copies of the
# sample, and the exact csc command line MSBuild ran for an incremental build, run directly so that
# the runtime's switches below reach the compiler process alone. Variants of that command line:
#   with      as MSBuild ran it (on linux-x64: the package's ReadyToRun copies of SidecarGen.dll
#             and YamlDotNet.dll, see src/SidecarGen.Build/build/SidecarGen.ReadyToRun.targets)
#   without   SidecarGen's analyzer assemblies left out (build-overhead.sh's csc row)
#   il        (where "with" used the ReadyToRun copies) the package's IL assemblies instead, as
#             every other compiler loads them
#
# COUNTS runs of each variant list every JIT compilation (DOTNET_JitStdOutFile with
# DOTNET_JitDisasmSummary=1: method, tier, IL and code size) and trace the runtime's JIT events
# (EventPipe, read by benchmarks/JitTrace) for the time each compilation took. They give the methods
# and the JIT time by assembly or namespace, by tier and by kind of method, what SidecarGen makes the
# compiler JIT-compile outside its own assemblies, and the 40 costliest SidecarGen and YamlDotNet
# methods. Method counts are medians over the runs (a handful of methods depend on timing); the
# tracing slows the JIT down, so its milliseconds are for comparing groups, not for adding to wall
# time. Then RUNS alternating rounds of all variants, timed (wall clock of the csc process, untraced
# but for a startup hook that records the runtime's own JIT totals, System.Runtime.JitInfo, at exit):
# medians, and the paired differences against "without" with a distribution-free 95% interval.
#
#   COUNTS=3 RUNS=15 benchmarks/jit-methods.sh
# KEEP_WORK=1 keeps the work folder: jit/ holds each run's listing (.txt) and timings (.tsv).
set -euo pipefail
COUNTS=${COUNTS:-3}
RUNS=${RUNS:-15}
source "$(dirname "$0")/orderservice-copies.sh"

# csc-il.rsp: the build's command line with the package's IL analyzer assemblies instead of the
# ReadyToRun copies SidecarGen.ReadyToRun.targets passed (a .NET compiler on linux-x64 gets those).
make_il() {
  sed 's#/readytorun/linux-x64/#/analyzers/dotnet/cs/#g' "$work/csc-with.rsp" > "$work/csc-il.rsp"
}

compile() { # $1: variant; the caller's environment reaches csc
  (cd "$work/with" && "$compiler" -noconfig "@$work/csc-$1.rsp" >/dev/null)
}

# One compile of $1 listing and tracing every JIT compilation: $work/jit/$1-$2.txt and .tsv.
listed_compile() { # $1: variant, $2: run number
  local out="$work/jit/$1-$2"
  DOTNET_JitStdOutFile="$out.txt" DOTNET_JitDisasmSummary=1 \
    DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$out.nettrace" DOTNET_EventPipeConfig='Microsoft-Windows-DotNETRuntime:0x10:5' \
    compile "$1"
  dotnet "$work/tools/JitTrace.dll" "$out.nettrace" > "$out.tsv"
  rm "$out.nettrace"
}

# No compiler server and no MSBuild nodes, in the set-up builds too: nothing is left running.
export UseSharedCompilation=false MSBUILDDISABLENODEREUSE=1
make_copies
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
prepare_compiler
echo "compiler: $compiler"
dotnet build "$root/benchmarks/JitTrace" -c Release -o "$work/tools" -v q -nologo >/dev/null
variants="with without"
if grep -q '/readytorun/linux-x64/' "$work/csc-with.rsp"; then
  make_il
  variants="with without il"
fi

# The same compilation either way: the ReadyToRun images must not change what SidecarGen produces.
for variant in $variants; do compile "$variant"; cp "$work/csc/out.dll" "$work/csc/out-$variant.dll"; done
if [ -f "$work/csc-il.rsp" ]; then cmp -s "$work/csc/out-with.dll" "$work/csc/out-il.dll" || { echo "the IL compile produced another assembly" >&2; exit 1; }; fi

mkdir -p "$work/jit" "$work/times"
for i in $(seq "$COUNTS"); do
  for variant in $variants; do listed_compile "$variant" "$i"; done
done

# RUNS rounds; the order of the variants rotates from round to round.
set -- $variants
for i in $(seq "$RUNS"); do
  for variant in "$@"; do
    JIT_TRACE_TOTALS="$work/times/$variant.jit" DOTNET_STARTUP_HOOKS="$work/tools/JitTrace.dll" \
      elapsed_ms compile "$variant" >> "$work/times/$variant"
  done
  set -- "${@:2}" "$1"
done

python3 - "$work" $variants <<'PY'
import collections, re, statistics, sys
from pathlib import Path

work = Path(sys.argv[1]); variants = sys.argv[2:]
others = [v for v in variants if v != "without"]
LISTED = re.compile(r"^\s*\d+: JIT compiled (.*) \[([^,\]]+), IL size=(\d+), code size=(\d+)")

def owner_and_method(name):
    """'Ns.Type`1[Arg]:Method[T](args)' -> ('Ns.Type`1[Arg]', 'Method[T](args)')."""
    depth = 0
    for i, c in enumerate(name):
        depth += c == "["
        depth -= c == "]"
        if c == ":" and depth == 0:
            return name[:i], name[i + 1:]
    return name, ""

def bare(type_name):
    return type_name.split("[")[0].split("+")[0]

def group(type_name):
    """Assembly or namespace a method's type belongs to; SidecarGen's and YamlDotNet's by namespace."""
    t = bare(type_name)
    parts = t.split(".")
    if parts[0] in ("SidecarGen", "YamlDotNet"):
        return ".".join(parts[:2]) if len(parts) > 2 else parts[0]
    if t.startswith("System.Linq"): return "System.Linq"
    if t.startswith("System.Collections.Immutable"): return "System.Collections.Immutable"
    if t.startswith("System.Collections"): return "System.Collections.Generic/Concurrent"
    if t.startswith("System.Text.RegularExpressions") or t == "dynamicClass": return "regular expressions (incl. compiled)"
    if t.startswith(("Microsoft.CodeAnalysis", "Microsoft.Cci", "Roslyn")): return "Roslyn (Microsoft.CodeAnalysis)"
    if t.startswith(("Microsoft.AspNetCore", "Microsoft.Interop", "Microsoft.Extensions", "System.Text.Json.SourceGeneration", "Analyzer.Utilities")):
        return "the SDK's other analyzers and generators"
    if t.startswith("System."): return "other BCL (System.*)"
    return "other"

def family(g):
    return g.split(".")[0] if g.startswith(("SidecarGen", "YamlDotNet")) else g

def kind(type_name, method):
    """What sort of member a SidecarGen method is (compiler-generated members by their names)."""
    m = method.split("(")[0]
    if m == ".cctor": return "static constructors"
    if "<>c" in type_name or "b__" in m or "g__" in m: return "lambdas, closures, local functions"
    if re.search(r"d__\d+", type_name): return "iterator state machines"
    if m in ("Equals", "GetHashCode", "get_EqualityContract", "PrintMembers", "ToString", "<Clone>$", "op_Equality", "op_Inequality", "Deconstruct"):
        return "record and equality members"
    if m.startswith(("get_", "set_", "init_")): return "property accessors"
    if m == ".ctor": return "constructors"
    return "other methods"

def runs(variant, ext):
    return sorted((work / "jit").glob(f"{variant}-*.{ext}"))

# Compiled regular expressions are numbered in the order a process builds them (Regex4 in one may be
# Regex7 in another): both sources name them by the IL size of their TryMatchAtCurrentPosition in
# the listing of the same run instead, and the trace's signatures of them lose their addresses.
REGEX = re.compile(r"\bRegex(\d+)_")

def listing(path):
    out = []
    for line in open(path, errors="replace"):
        m = LISTED.match(line)
        if m:
            out.append((m.group(1), m.group(2), int(m.group(3)), int(m.group(4))))
    regexes = {m.group(1): il for name, tier, il, code in out
               if "CompiledRegexRunner" in name and (m := REGEX.search(name)) and "_TryMatchAtCurrentPosition" in name}
    rename = lambda text: REGEX.sub(lambda m: f"Regex[{regexes.get(m.group(1), '?')}]_", text)
    return [(rename(name) if "CompiledRegexRunner" in name else name, tier, il, code) for name, tier, il, code in out], rename

def timings(path, rename):
    out = []
    for line in open(path):
        ms, tier, il, type_name, method, signature = line.rstrip("\n").split("\t")
        if type_name == "dynamicClass":
            method, signature = rename(method), re.sub(r"0x[0-9a-fA-F]+", "", signature)
        out.append((float(ms), type_name, method, signature, int(il)))
    return out

lists, times = {}, {}
for v in variants:
    lists[v], times[v] = [], []
    for path in runs(v, "txt"):
        listed, rename = listing(path)
        lists[v].append(listed)
        times[v].append(timings(path.with_suffix(".tsv"), rename))
med = lambda xs: statistics.median(xs) if xs else 0

def per_run(variant, key, source="list"):
    """[Counter per run] of methods (list) or JIT ms (time) by key(type, method)."""
    result = []
    if source == "list":
        for run in lists[variant]:
            c = collections.Counter()
            for name, tier, il, code in run:
                t, m = owner_and_method(name)
                c[key(t, m, tier)] += 1
            result.append(c)
    else:
        for run in times[variant]:
            c = collections.Counter()
            for ms, t, m, sig, il in run:
                c[key(t, m, None)] += ms
            result.append(c)
    return result

def medians(counters):
    keys = set().union(*counters) if counters else set()
    return {k: med([c[k] for c in counters]) for k in keys}

def fmt_diff(x):
    return f"{x:+.0f}" if x else "0"

def added_ms(variant):
    """{group: ms} of the compilations a run of variant has beyond the without run it is paired
    with (same method, type and signature, as often), median over the pairs: the JIT time the
    variant adds, without the noise of comparing whole totals."""
    pairs = []
    for run, base in zip(times[variant], times["without"]):
        left = collections.Counter((t, m, sig) for ms, t, m, sig, il in base)
        c = collections.Counter()
        for ms, t, m, sig, il in run:
            if left[(t, m, sig)] > 0:
                left[(t, m, sig)] -= 1
            else:
                c[group(t)] += ms
        pairs.append(c)
    return medians(pairs)

print()
print(f"JIT compilations in one incremental compile (csc alone, no compiler server), medians of {len(lists['with'])} runs")
total_n = {v: med([len(r) for r in lists[v]]) for v in variants}
total_il = {v: med([sum(x[2] for x in r) for r in lists[v]]) for v in variants}
total_ms = {v: med([sum(x[0] for x in r) for r in times[v]]) for v in variants}
extra_ms = {v: added_ms(v) for v in others}
print(f"{'variant':10} {'methods':>8} {'IL bytes':>10} {'JIT ms (traced)':>16}")
for v in variants:
    print(f"{v:10} {total_n[v]:8.0f} {total_il[v]:10.0f} {total_ms[v]:16.1f}")
for v in others:
    print(f"{v + ' - without':18}: {total_n[v] - total_n['without']:+.0f} methods, {total_il[v] - total_il['without']:+.0f} IL bytes; "
          f"the compilations it adds took {sum(extra_ms[v].values()):.1f} ms traced")

# By group: methods, and the JIT time of the compilations added against "without".
gkey = lambda t, m, tier: group(t)
n_by = {v: medians(per_run(v, gkey)) for v in variants}
groups = set().union(*n_by.values())
def dn(v, g): return n_by[v].get(g, 0) - n_by["without"].get(g, 0)
print()
print("by assembly or namespace: methods; 'added' is the difference against without, and the traced JIT ms of the compilations added")
print(f"{'group':44} {'without':>7}" + "".join(f" {v:>7} {'added':>6} {'(ms)':>6}" for v in others))
def show(g): return any(dn(v, g) or extra_ms[v].get(g, 0) >= 0.5 for v in others) or g.startswith(("SidecarGen", "YamlDotNet"))
for g in sorted(filter(show, groups), key=lambda g: (family(g) not in ("SidecarGen", "YamlDotNet"), family(g), -dn("with", g), g)):
    print(f"{g:44} {n_by['without'].get(g, 0):7.0f}" + "".join(
        f" {n_by[v].get(g, 0):7.0f} {fmt_diff(dn(v, g)):>6} {extra_ms[v].get(g, 0):6.1f}" for v in others))
fam_rows = collections.defaultdict(list)
for g in groups: fam_rows[family(g)].append(g)
for f in ("SidecarGen", "YamlDotNet"):
    print(f"{'all of ' + f:44} {sum(n_by['without'].get(g, 0) for g in fam_rows[f]):7.0f}" + "".join(
        f" {sum(n_by[v].get(g, 0) for g in fam_rows[f]):7.0f} {fmt_diff(sum(dn(v, g) for g in fam_rows[f])):>6} {sum(extra_ms[v].get(g, 0) for g in fam_rows[f]):6.1f}"
        for v in others))
print(f"{'all':44} {total_n['without']:7.0f}" + "".join(
    f" {total_n[v]:7.0f} {fmt_diff(total_n[v] - total_n['without']):>6} {sum(extra_ms[v].values()):6.1f}" for v in others))
print("(groups whose count does not change and whose added time is under 0.5 ms are left out)")

# By tier.
tkey = lambda t, m, tier: tier
n_tier = {v: medians(per_run(v, tkey)) for v in variants}
print()
print("by tier: methods")
print(f"{'tier':30} {'without':>8}" + "".join(f" {v:>8} {'added':>7}" for v in others))
for tier in sorted(set().union(*n_tier.values()), key=lambda t: -n_tier["with"].get(t, 0)):
    print(f"{tier:30} {n_tier['without'].get(tier, 0):8.0f}" + "".join(
        f" {n_tier[v].get(tier, 0):8.0f} {fmt_diff(n_tier[v].get(tier, 0) - n_tier['without'].get(tier, 0)):>7}" for v in others))
own = lambda t: bare(t).startswith(("SidecarGen", "YamlDotNet"))
print("SidecarGen's and YamlDotNet's own methods in the with run, by tier: " + ", ".join(
    f"{tier} {n:.0f}" for tier, n in sorted(medians(per_run("with", lambda t, m, tier: tier if own(t) else None)).items(),
                                             key=lambda kv: -kv[1]) if tier))

# SidecarGen's methods by kind.
kkey = lambda t, m, tier: kind(t, m) if bare(t).startswith("SidecarGen") else None
n_kind = medians(per_run("with", kkey))
ms_kind = medians(per_run("with", kkey, "time"))
print()
print("SidecarGen's own methods by kind (with): methods, traced JIT ms")
for k in sorted((k for k in n_kind if k), key=lambda k: -ms_kind.get(k, 0)):
    print(f"  {k:40} {n_kind[k]:5.0f} {ms_kind.get(k, 0):7.1f}")

# What SidecarGen makes the compiler JIT-compile outside its own assemblies: methods JIT-compiled in
# every with run and in no without run, by the type arguments they are instantiated over.
def names(run): return {name for name, *_ in run}
always_with = set.intersection(*(names(r) for r in lists["with"]))
ever_without = set.union(*(names(r) for r in lists["without"]))
extra = sorted(n for n in always_with - ever_without if not own(owner_and_method(n)[0]))
def type_arguments(name):
    """The outermost [...] groups of the type's and the method's names, e.g. 'int' or 'System.__Canon,int'."""
    t, m = owner_and_method(name)
    found, depth, start = [], 0, 0
    for i, c in enumerate(t + ":" + m.split("(")[0]):
        if c == "[":
            if depth == 0: start = i + 1
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0: found.append((t + ":" + m.split("(")[0])[start:i])
    return " / ".join(dict.fromkeys(found)) or "(not generic)"
by_args = collections.Counter(type_arguments(n) for n in extra)
print()
print(f"outside SidecarGen and YamlDotNet: {len(extra)} methods JIT-compiled in every with run and in no without run, by the type arguments of their instantiation")
for a, n in by_args.most_common(25):
    print(f"  {n:4d}  {a[:110]}")
if len(by_args) > 25:
    print(f"  {sum(n for a, n in by_args.most_common()[25:]):4d}  ({len(by_args) - 25} other instantiations)")
(work / "jit" / "extra-outside-sidecargen.txt").write_text("\n".join(extra) + "\n")

# The 40 SidecarGen and YamlDotNet methods that took the JIT longest (median over the runs).
per_method = collections.defaultdict(list)
il_of = {}
for run in times["with"]:
    c = collections.Counter()
    for ms, t, m, sig, il in run:
        if own(t):
            c[(t, m, sig)] += ms
            il_of[(t, m, sig)] = il
    for k, v in c.items(): per_method[k].append(v)
tier_of = {}
for name, tier, il, code in lists["with"][0]:
    t, m = owner_and_method(name)
    if own(t): tier_of.setdefault((t, m.split("(")[0].split("[")[0], il), set()).add(tier)
top = sorted(per_method, key=lambda k: -med(per_method[k]))[:40]
print()
print(f"the 40 SidecarGen and YamlDotNet methods that took the JIT longest (traced ms, median of {len(times['with'])} runs)")
print(f"{'ms':>6} {'IL':>5}  {'tier':20} method")
for k in top:
    t, m, sig = k
    tiers = "/".join(sorted(tier_of.get((t, m, il_of[k]), {"?"})))
    params = sig.split("(", 1)[1].rstrip(")") if "(" in sig else ""
    print(f"{med(per_method[k]):6.2f} {il_of[k]:5d}  {tiers:20} {t}:{m}({params})"[:190])

# Wall clock and the runtime's JIT totals of the untraced runs.
def read_numbers(path): return [float(x) for x in open(path).read().split()]
wall = {v: read_numbers(work / "times" / v) for v in variants}
jit = {}
for v in variants:
    lines = [l.split() for l in open(work / "times" / f"{v}.jit") if l.strip()]
    jit[v] = {"methods": [float(l[1]) for l in lines], "ms": [float(l[3]) for l in lines]}
def median_ci(xs):
    xs = sorted(xs); n = len(xs); k = 0; tail = 0.0; c = 1.0
    for i in range(n):
        tail += c * 0.5 ** n
        if tail > 0.025: break
        k = i + 1; c = c * (n - i) / (i + 1)
    m = statistics.median(xs)
    return f"{m:+.0f} [{xs[k - 1]:+.0f}, {xs[n - k]:+.0f}]" if k else f"{m:+.0f} [too few runs for a 95% interval]"
print()
print(f"the csc process alone, wall clock and the runtime's JIT time (System.Runtime.JitInfo), {len(wall['with'])} rounds, ms")
print(f"{'variant':10} {'wall':>7} {'JIT':>7} {'methods':>8}   {'wall added: median of the pairs [95% CI]':42} JIT added")
for v in variants:
    pairs = "" if v == "without" else median_ci([a - b for a, b in zip(wall[v], wall["without"])])
    jpairs = "" if v == "without" else median_ci([a - b for a, b in zip(jit[v]["ms"], jit["without"]["ms"])])
    print(f"{v:10} {med(wall[v]):7.0f} {med(jit[v]['ms']):7.0f} {med(jit[v]['methods']):8.0f}   {pairs:42} {jpairs}")
PY
