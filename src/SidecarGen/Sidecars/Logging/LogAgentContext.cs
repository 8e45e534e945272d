namespace SidecarGen.Sidecars.Logging;

/// <summary>What every log agent is told: where the app writes, where to ship, and its own names.</summary>
internal sealed record LogAgentContext(
    string SidecarName,
    string ServiceName,
    string LogPath,
    LogDestination Destination)
{
    private const string Extension = ".log";

    /// <summary>The files the agent tails: every <c>*.log</c> the app writes into the shared folder.</summary>
    public string LogGlob => LogPath.TrimEnd('/') + "/*" + Extension;

    /// <summary>
    /// The agent tails the file at the absolute path <paramref name="file"/>: a <c>*.log</c> directly in
    /// <paramref name="logPath"/> (<see cref="LogGlob"/>; the glob matches no dot file and no subfolder).
    /// </summary>
    public static bool Tails(string logPath, string file)
    {
        var folder = logPath.TrimEnd('/') + "/";
        if (!file.StartsWith(folder, System.StringComparison.Ordinal))
        {
            return false;
        }

        var name = file.Substring(folder.Length);
        return name.Length > Extension.Length && name[0] != '.' && name.IndexOf('/') < 0 && name.EndsWith(Extension, System.StringComparison.Ordinal);
    }

    public string ConfigDirectory => Pod.SidecarSpec.ConfigMount(SidecarName);

    /// <summary>The agent's state volume mounted at <paramref name="path"/>: kept across the agent's restarts (<see cref="Pod.MountSpec.KeepsState"/>).</summary>
    public Pod.MountSpec StateMount(string path) => new(SidecarName + "-state", path, ReadOnly: false, KeepsState: true);

    /// <summary>The Secret holding output credentials (e.g. the Splunk HEC token).</summary>
    public string CredentialsSecret => ServiceName + "-" + SidecarName;
}
