# Sourced by build-overhead.sh and jit-methods.sh: the set-up both measure on (and, through
# bench-common.sh, root, work, version and the statistics).
#
#   make_copies       packs SidecarGen into the local feed $work/feed and makes two copies of
#                     samples/OrderService, restored and built once: $work/with references the
#                     package, $work/without has the package reference, the using and the
#                     attributes removed (same code otherwise)
#   prepare_compiler  the csc command line MSBuild ran for an incremental build of $work/with, as
#                     response files $work/csc-with.rsp and (without SidecarGen's analyzer
#                     assemblies) $work/csc-without.rsp; sets compiler (the csc program)
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

make_project() { # $1: with | without
  local dir="$work/$1"
  mkdir -p "$dir"
  cp -r "$root/samples/OrderService/." "$dir/"
  rm -rf "$dir/bin" "$dir/obj" "$dir/OrderService.csproj"
  isolate_from_repo "$dir"
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
  pack_sidecargen
  make_project with
  make_project without
  test -f "$work/with/bin/Debug/net10.0/deploy/kubernetes/deployment.yaml" || { echo "the SidecarGen build wrote no manifests" >&2; exit 1; }
  test ! -e "$work/without/bin/Debug/net10.0/deploy" || { echo "the plain build has manifests" >&2; exit 1; }
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
