using System.Collections;
using Microsoft.Build.Framework;

namespace SidecarGen.Benchmarks;

/// <summary>An MSBuild engine for a task run outside MSBuild: it drops messages and warnings, and an error ends the benchmark.</summary>
internal sealed class QuietBuildEngine : IBuildEngine
{
    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "bench.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => true;

    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Message);

    public void LogMessageEvent(BuildMessageEventArgs e) { }

    public void LogWarningEvent(BuildWarningEventArgs e) { }
}
