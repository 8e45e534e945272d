#!/usr/bin/env bash
# Builds four dotnet/eShop services with SidecarGen packed from a SidecarGen repository, then starts
# each app process the way its generated Deployment would (its env, in Production, its dependencies
# down) and runs the generated probes against it. See README.md beside this file.
#
#   try-eshop.sh <eshop-checkout> [sidecargen-repo]
#
# <eshop-checkout>: a checkout of github.com/dotnet/eShop (tried at 5624ad56, "Upgrade to Aspire 13.1").
# [sidecargen-repo]: the SidecarGen repository to pack (default: the one holding this script); its
#   committed HEAD is packed, with a version no NuGet cache has seen.
# WORK (env): where to copy eShop, pack and build (default: a new folder under /tmp).
# PGVECTOR (env): a checkout of github.com/pgvector/pgvector, built and installed into the machine's
#   PostgreSQL 15 when its `vector` extension is not there yet (Catalog.API's migration creates it).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
eshop_src=$(cd "${1:?usage: try-eshop.sh <eshop-checkout> [sidecargen-repo]}" && pwd)
sidecargen=$(cd "${2:-$here/../..}" && pwd)
work=${WORK:-$(mktemp -d /tmp/try-eshop.XXXXXX)}
mkdir -p "$work"
eshop=$work/eshop
read -r -a services <<<"${SERVICES:-Catalog.API Basket.API Ordering.API WebApp}"   # SERVICES="WebApp": only those

say() { printf '\n=== %s\n' "$*"; }
# Replaces a whole line matching $2 (an extended regex) in file $1 by $3, and fails when nothing matched.
replace_line() {
  grep -Eq "$2" "$1" || { echo "try-eshop: '$2' not found in $1 (another eShop version?)" >&2; exit 1; }
  sed -E -i "s#^.*$2.*\$#$3#" "$1"
}
# Sets a <PackageVersion>'s Version in the central Directory.Packages.props.
pin() { replace_line "$eshop/Directory.Packages.props" "<PackageVersion Include=\"$1\" Version=\"[^\"]*\"" "    <PackageVersion Include=\"$1\" Version=\"$2\" />"; }

say "1. eShop copied from $eshop_src to $eshop"
# A fresh copy each run; the build output (artifacts/) of an earlier run in the same WORK is kept, so
# only what changed is compiled again.
mkdir -p "$eshop" && find "$eshop" -mindepth 1 -maxdepth 1 ! -name artifacts -exec rm -rf {} +
tar -C "$eshop_src" --exclude=.git -cf - . | tar -C "$eshop" -xf -
git -C "$eshop_src" log --oneline -1 2>/dev/null || true

say "2. Changes eShop needs to build here (this NuGet serves other versions; no other change to its code)"
props=$eshop/Directory.Packages.props
# Versions this NuGet serves, nearest above eShop's own (NU1603 is an error under eShop's TreatWarningsAsErrors).
replace_line "$props" '<AspireVersion>' '    <AspireVersion>13.6.5</AspireVersion>'
replace_line "$props" '<MicrosoftExtensionsVersion>' '    <MicrosoftExtensionsVersion>10.11.0</MicrosoftExtensionsVersion>'
replace_line "$props" '<ApiVersioningVersion>' '    <ApiVersioningVersion>8.1.1</ApiVersioningVersion>'
sed -i 's/Version="10\.0\.1"/Version="10.0.14"/' "$props"      # ASP.NET Core, EF Core, runtime packages (Aspire 13.6.5 wants 10.0.14)
pin Npgsql.EntityFrameworkCore.PostgreSQL 10.0.3
pin Microsoft.OpenApi 2.12.2
pin Microsoft.Extensions.Http.Resilience 10.11.0
for p in OpenTelemetry.Exporter.OpenTelemetryProtocol OpenTelemetry.Extensions.Hosting OpenTelemetry.Instrumentation.AspNetCore \
         OpenTelemetry.Instrumentation.Http OpenTelemetry.Instrumentation.Runtime; do pin "$p" 1.20.0; done
pin OpenTelemetry.Instrumentation.GrpcNetClient 1.20.1-beta.1
pin Scalar.AspNetCore 2.18.0
pin Google.Protobuf 3.35.0
pin Pgvector.EntityFrameworkCore 0.3.0
# Microsoft.OpenApi 2.12 marks OpenApiSchema.Example obsolete: a warning, an error under TreatWarningsAsErrors.
sed -i 's#<Nullable>enable</Nullable>#<Nullable>enable</Nullable><NoWarn>$(NoWarn);CS0618</NoWarn>#' "$eshop/src/eShop.ServiceDefaults/eShop.ServiceDefaults.csproj"
# Not served at all: the AI packages (AI is off unless OllamaEnabled or a model's connection string is
# set), MediatR 12+ and Asp.Versioning.Http.Client: their few uses go, or are replaced by shims/.
sed -i 's#</Project>#  <ItemGroup><PackageVersion Include="Microsoft.Extensions.AI" Version="10.11.0" /><PackageVersion Include="Polly.Core" Version="8.8.0" /></ItemGroup>\n</Project>#' "$props"
for project in Catalog.API WebApp; do
  sed -i -E '/PackageReference Include="(Aspire.Azure.AI.OpenAI|CommunityToolkit.Aspire.OllamaSharp)"/d' "$eshop/src/$project/$project.csproj"
  sed -i 's#</Project>#  <ItemGroup><PackageReference Include="Microsoft.Extensions.AI" /></ItemGroup>\n</Project>#' "$eshop/src/$project/$project.csproj"
done
perl -0pi -e 's/\n\s*if \(builder\.Configuration\["OllamaEnabled"\].*?(?=\n\s*builder\.Services\.AddScoped<ICatalogAI)/\n/s' "$eshop/src/Catalog.API/Extensions/Extensions.cs"
perl -0pi -e 's/\n\s*if \(builder\.Configuration\["OllamaEnabled"\].*?(?=\n\s*chatClientBuilder\?\.UseFunctionInvocation)/\n/s' "$eshop/src/WebApp/Extensions/Extensions.cs"
sed -i '/PackageReference Include="Asp.Versioning.Http.Client"/d' "$eshop/src/WebApp/WebApp.csproj"
cp "$here/shims/ApiVersionClient.cs" "$eshop/src/WebApp/"
mkdir -p "$eshop/src/MediatR" && cp "$here/shims/MediatR.cs" "$eshop/src/MediatR/"
cat > "$eshop/src/MediatR/MediatR.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>
</Project>
XML
replace_line "$eshop/src/Ordering.Domain/Ordering.Domain.csproj" '<PackageReference Include="MediatR" />' '    <ProjectReference Include="..\/MediatR\/MediatR.csproj" />'
diff -u "$eshop_src/Directory.Packages.props" "$props" | grep '^[-+] ' || true
( cd "$eshop" && diff -rq "$eshop_src/src" src | sed "s#$eshop_src/##" ) || true

say "3. SidecarGen packed from $sidecargen (its committed HEAD)"
feed=$work/feed
if [[ -n ${SIDECARGEN_FEED:-} ]]; then
  feed=$SIDECARGEN_FEED   # an already packed feed (one nupkg), to re-run without packing again
else
  rm -rf "$work/sidecargen" "$feed" && mkdir -p "$work/sidecargen"
  git -C "$sidecargen" archive HEAD | tar -x -C "$work/sidecargen"
  version=0.1.0-eshop.$(date -u +%Y%m%d%H%M%S)
  dotnet restore "$work/sidecargen/src/SidecarGen.Package/SidecarGen.Package.csproj" -v q
  dotnet pack "$work/sidecargen/src/SidecarGen.Package/SidecarGen.Package.csproj" --no-restore -c Release -o "$feed" -p:Version="$version" -v q
  git -C "$sidecargen" log --oneline -1 > "$feed/commit.txt"
fi
nupkg=$(ls "$feed"/SidecarGen.*.nupkg | head -1)
version=$(basename "$nupkg" .nupkg); version=${version#SidecarGen.}
echo "package: $nupkg, packed from: $(cat "$feed/commit.txt" 2>/dev/null || echo '?')"
# The attribute properties this package has (SPEC 4b names; older packages lack them).
docs=$(unzip -p "$nupkg" lib/netstandard2.0/SidecarGen.Abstractions.xml)
has() { grep -q "P:SidecarGen\.$1\"" <<<"$docs"; }
liveness=; protocol=
if has SidecarServiceAttribute.LivenessPath; then liveness=', LivenessPath = "/alive"'; else echo "this SidecarGen has no SidecarServiceAttribute.LivenessPath"; fi
if has SidecarServiceAttribute.Protocol; then protocol=', Protocol = ServiceProtocol.Http2'; else echo "this SidecarGen has no SidecarServiceAttribute.Protocol"; fi
# The identity server is built and deployed elsewhere (eShop's Identity.API): WebApp reads its address as
# IdentityUrl, Basket.API and Ordering.API as Identity:Url.
identity_url=https://identity.example.com
webapp_identity='"identity-api"'; api_identity=; operator_identity=" Identity__Url=$identity_url"
if has SidecarServiceAttribute.ExternalServices; then
  webapp_identity="\"IdentityUrl=identity-api\" }, ExternalServices = new[] { \"identity-api=$identity_url\""
  api_identity=",
    Calls = new[] { \"Identity:Url=identity-api\" }, ExternalServices = new[] { \"identity-api=$identity_url\" }"
  operator_identity=
else
  echo "this SidecarGen has no SidecarServiceAttribute.ExternalServices: Identity__Url comes from the operator's env"
fi

say "4. SidecarGen added as the README says, plus what eShop's NuGet setup needs"
# eShop maps every package to nuget.org (<packageSourceMapping> with <clear/>): without a mapping for the
# new source, 'dotnet add package' fails with NU1100 ("PackageSourceMapping is enabled, the following
# source(s) were not considered"). Under Central Package Management 'dotnet add package' itself writes
# the PackageVersion into Directory.Packages.props.
dotnet nuget add source "$feed" -n sidecargen --configfile "$eshop/nuget.config" >/dev/null
perl -0pi -e 's#(<packageSourceMapping>.*?<clear />)#$1\n    <packageSource key="sidecargen">\n      <package pattern="SidecarGen" />\n    </packageSource>#s' "$eshop/nuget.config"
# eShop's ServiceDefaults map /health and /alive only in Development (MapDefaultEndpoints); the Pod runs
# Production, where the probes would get 404. The user maps them in every environment, as the Aspire
# template's comment there asks them to decide (ESHOP_DEVELOPMENT_ONLY_HEALTH=1 keeps eShop's code).
if [[ -z ${ESHOP_DEVELOPMENT_ONLY_HEALTH:-} ]]; then
  perl -0pi -e 's/(MapDefaultEndpoints\(this WebApplication app\)\s*\{.*?)if \(app\.Environment\.IsDevelopment\(\)\)/$1\/\/ in every environment: the Pod probes them/s or die "MapDefaultEndpoints: no IsDevelopment() found\n"' \
    "$eshop/src/eShop.ServiceDefaults/Extensions.cs"
  echo "eShop.ServiceDefaults/Extensions.cs: /health and /alive mapped in every environment"
fi
declare -A attributes=(
  [Catalog.API]="[SidecarService(\"catalog-api\", Image = \"eshop/catalog-api:5624ad5\", HealthPath = \"/health\"$liveness)]
[MetricsSidecar]"
  [Basket.API]="[SidecarService(\"basket-api\", Image = \"eshop/basket-api:5624ad5\", HealthPath = \"/health\"$liveness$protocol$api_identity)]
[MetricsSidecar]"
  [Ordering.API]="[SidecarService(\"ordering-api\", Image = \"eshop/ordering-api:5624ad5\", HealthPath = \"/health\"$liveness$api_identity)]
[MetricsSidecar]"
  [WebApp]="[SidecarService(\"webapp\", Image = \"eshop/webapp:5624ad5\", HealthPath = \"/health\"$liveness,
    Calls = new[] { \"basket-api\", \"catalog-api\", \"ordering-api\", $webapp_identity })]
[MetricsSidecar]"
)
for s in "${services[@]}"; do
  dotnet add "$eshop/src/$s/$s.csproj" package SidecarGen --version "$version" --no-restore | grep -E 'error|added' || true
  sed -i 's#</Project>#  <ItemGroup><Using Include="SidecarGen" /></ItemGroup>\n</Project>#' "$eshop/src/$s/$s.csproj"
  printf '\n%s\npublic partial class Program;\n' "${attributes[$s]}" >> "$eshop/src/$s/Program.cs"
  echo "--- $s/Program.cs ends with:"; tail -n +$(( $(grep -n '^\[SidecarService' "$eshop/src/$s/Program.cs" | cut -d: -f1) )) "$eshop/src/$s/Program.cs"
done

say "5. Build (Release), and what the build says"
# The diagnostics of a build log, one line each, paths from src/.
diagnostics() { grep -E ': (error|warning) [A-Z]+[0-9]+:' "$1" | grep -v 'csc ' | perl -pe 's/^\s*(\d+>)?//; s/ \[[^\[\]]*\]$//; s#^\S*/src/#src/#; s/ \(https:[^)]*\)//' | sort -u; }
for s in "${services[@]}"; do
  echo "--- $s"
  log=$work/build-$s.log
  if dotnet build "$eshop/src/$s/$s.csproj" -c Release -v n >"$log" 2>&1; then
    echo "build: succeeded"
  else
    echo "build: FAILED"
    diagnostics "$log" || true
    # eShop builds with TreatWarningsAsErrors: a SidecarGen warning stops it. Go on with warnings as warnings.
    echo "rebuilt with -p:TreatWarningsAsErrors=false:"
    if dotnet build "$eshop/src/$s/$s.csproj" -c Release -v n -p:TreatWarningsAsErrors=false >"$log" 2>&1; then echo "build: succeeded"; else echo "build: FAILED"; fi
  fi
  diagnostics "$log" || true
  grep -E 'SidecarGen: ' "$log" | sed 's/^ *//' | sort -u || true
  deploy=$eshop/artifacts/bin/$s/release/deploy
  [[ -d $deploy ]] && (cd "$deploy" && find . -type f | sort | sed 's#^\./#  #')
done

# Catalog.API and Ordering.API migrate their database before Kestrel listens, and exit when it stays
# down: they get a Postgres of their own, as their Pods would (a separate service in the cluster).
declare -A database=([Catalog.API]=catalogdb [Ordering.API]=orderingdb)
with_databases=(); for s in "${services[@]}"; do [[ -z ${database[$s]:-} ]] || with_databases+=("$s"); done
if [[ ${#with_databases[@]} -gt 0 ]]; then
  say "6. A throwaway PostgreSQL 15 with pgvector for ${with_databases[*]} (throwaway-postgres.sh)"
  "$here/throwaway-postgres.sh" install "${PGVECTOR:-}"
fi

say "7. Each app started as its generated Deployment starts it, in Production, its dependencies down but its database"
# A network namespace of its own (root only): nothing listens there but the app and its Postgres, no
# name resolves, and ports 8080 and 5432 are free whatever else runs on this machine.
isolate=(unshare --net -- sh -c 'ip link set lo up && exec "$@"' sh)
pg_port=5432
"${isolate[@]}" true 2>/dev/null || { echo "no network namespace (not root?): runs on this machine's own network"; isolate=(); pg_port=55432; }
pg_password=throwaway-$RANDOM$RANDOM
pg() { echo "ConnectionStrings__$1=Host=127.0.0.1;Port=$pg_port;Database=$1;Username=postgres;Password=$pg_password"; }
# What eShop's AppHost (src/eShop.AppHost/Program.cs) gives each service beside what SidecarGen can know:
# the addresses of its database, cache and broker. An operator gives these in a ConfigMap or Secret of
# their own; here the cache and broker name hosts that do not answer, the database is the one above.
# WebApp's IdentityUrl is not among them: SidecarGen delivers it (Calls "IdentityUrl=identity-api",
# issue 27 point 5), as it does Identity__Url where it can.
declare -A operator_env=(
  [Catalog.API]="$(pg catalogdb) ConnectionStrings__eventbus=amqp://eventbus:5672"
  [Basket.API]="ConnectionStrings__redis=redis:6379 ConnectionStrings__eventbus=amqp://eventbus:5672$operator_identity"
  [Ordering.API]="$(pg orderingdb) ConnectionStrings__eventbus=amqp://eventbus:5672$operator_identity"
  [WebApp]="ConnectionStrings__eventbus=amqp://eventbus:5672 CallBackUrl=http://webapp"
)
passed=0
for s in "${services[@]}"; do
  echo "--- $s"
  out=$eshop/artifacts/bin/$s/release
  if [[ ! -f $out/deploy/kubernetes/deployment.yaml ]]; then echo "no generated deployment.yaml: not run"; continue; fi
  with_database=()
  [[ -n ${database[$s]:-} ]] && with_database=("$here/throwaway-postgres.sh" run "$pg_port" "$pg_password" --)
  # shellcheck disable=SC2086 # the operator's env is a list of words
  if TMPDIR=$work "${isolate[@]}" "${with_database[@]}" python3 "$here/run-as-generated.py" "$out/deploy/kubernetes/deployment.yaml" "$out/$s.dll" ${operator_env[$s]}; then
    passed=$((passed + 1))
  fi
done
say "$passed of ${#services[@]} services: liveness passes and readiness behaves as documented with their dependencies down ${with_databases[*]:+(and, for ${with_databases[*]}, with their database stopped)}"
[[ $passed == "${#services[@]}" ]]
