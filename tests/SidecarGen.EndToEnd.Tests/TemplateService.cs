namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// A service made by <c>dotnet new sidecargen-service</c> as a newcomer makes it: the packed template
/// installed into a hive of its own, the service created in an empty folder that knows only the packed feed.
/// </summary>
internal static class TemplateService
{
    /// <summary>Creates the service <paramref name="name"/> (the template's <c>-n</c>) and returns its project folder.</summary>
    public static string Create(PackedPackage package, string name)
    {
        var hive = Path.Combine(package.Root, name + ".template-hive");
        var folder = Path.Combine(package.Root, name + ".from-template");
        ConsumerProject.WriteIsolation(package, folder);
        DotNet.Succeed(folder, "new", "install", package.Templates, "--debug:custom-hive", hive);
        DotNet.Succeed(folder, "new", "sidecargen-service", "-n", name, "--debug:custom-hive", hive);
        return Path.Combine(folder, name);
    }
}
