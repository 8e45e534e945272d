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
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
eshop_src=$(cd "${1:?usage: try-eshop.sh <eshop-checkout> [sidecargen-repo]}" && pwd)
sidecargen=$(cd "${2:-$here/../..}" && pwd)
work=${WORK:-$(mktemp -d /tmp/try-eshop.XXXXXX)}
mkdir -p "$work"
eshop=$work/eshop
services=(Catalog.API Basket.API Ordering.API WebApp)

say() { printf '\n=== %s\n' "$*"; }
# Replaces a whole line matching $2 (an extended regex) in file $1 by $3, and fails when nothing matched.
replace_line() {
  grep -Eq "$2" "$1" || { echo "try-eshop: '$2' not found in $1 (another eShop version?)" >&2; exit 1; }
  sed -E -i "s#^.*$2.*\$#$3#" "$1"
}
# Sets a <PackageVersion>'s Version in the central Directory.Packages.props.
pin() { replace_line "$eshop/Directory.Packages.props" "<PackageVersion Include=\"$1\" Version=\"[^\"]*\"" "    <PackageVersion Include=\"$1\" Version=\"$2\" />"; }

say "1. eShop copied from $eshop_src to $eshop"
rm -rf "$eshop" && mkdir -p "$eshop"
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
( cd "$eshop" && diff -rq "$eshop_src/src" src | sed "s#$eshop_src/##;s#$eshop/##" ) || true

