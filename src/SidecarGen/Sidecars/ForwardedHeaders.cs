using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Pod;

namespace SidecarGen.Sidecars;

/// <summary>
/// Behind a sidecar that terminates TLS or authenticates, the app sees plain HTTP from localhost:
/// without the forwarded scheme, <c>UseHttpsRedirection</c> redirects every request (a loop behind the
/// proxy) and <c>UseHsts</c> never sends its header. ASP.NET Core's web host defaults
/// (<c>WebApplication.CreateBuilder</c>/<c>CreateSlimBuilder</c>, <c>ConfigureWebHostDefaults</c>,
/// <c>WebHost.CreateDefaultBuilder</c>) run the forwarded-headers middleware first when
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> is <c>true</c>, for <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> (dotnet/aspnetcore src/DefaultBuilder/src/ForwardedHeadersStartupFilter.cs,
/// ForwardedHeadersOptionsSetup.cs), so the app is given it whenever such a sidecar is in front.
/// </summary>
internal static class ForwardedHeaders
{
    public const string Variable = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";

    /// <summary>The variable, once, when a sidecar of the service forwards the scheme; nothing otherwise.</summary>
    public static IEnumerable<EnvVarSpec> AppEnv(ServiceDeclaration declaration)
    {
        if (Forwarder(declaration) is not null)
        {
            yield return EnvVarSpec.Literal(Variable, "true");
        }
    }

    /// <summary>The first sidecar of the service that proxies to the app with the forwarded scheme, or null.</summary>
    public static SidecarDeclaration? Forwarder(ServiceDeclaration declaration)
    {
        foreach (var sidecar in declaration.Sidecars)
        {
            if (SidecarKinds.Of(sidecar).ForwardsScheme)
            {
                return sidecar;
            }
        }

        return null;
    }
}
