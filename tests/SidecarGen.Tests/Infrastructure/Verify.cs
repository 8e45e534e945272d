using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SidecarGen.Tests.Infrastructure;

/// <summary>
/// Roslyn's analyzer and code-fix test harnesses, set up for SidecarGen: the attributes referenced,
/// .NET 8 reference assemblies, and MSBuild properties as a global analyzer config.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task Analyzer(string source, params (string Property, string Value)[] properties) => Analyzer(source, editorConfig: null, properties);

    public static Task Analyzer(string source, string? editorConfig, params (string Property, string Value)[] properties) =>
        Analyzer(source, editorConfig, OutputKind.DynamicallyLinkedLibrary, properties);

    /// <summary>Also expects <paramref name="expected"/>, the diagnostics markup cannot place (those without a location).</summary>
    public static Task Analyzer(string source, DiagnosticResult[] expected, params (string Property, string Value)[] properties) =>
        Analyzer(source, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, properties, expected);

    /// <summary>The source as an application's (an executable with an entry point), not a library's.</summary>
    public static Task Application(string source, params (string Property, string Value)[] properties) =>
        Analyzer(source, editorConfig: null, OutputKind.ConsoleApplication, properties);

    /// <summary>
    /// An ASP.NET Core app (the shared framework's reference assemblies, as a web project has them), its
    /// files in order: the first holds the top-level statements, the others may hold anything.
    /// </summary>
    public static Task WebApp(params string[] sources) => WebApp(sources, Array.Empty<DiagnosticResult>());

    public static Task WebApp(string[] sources, DiagnosticResult[] expected, params (string Property, string Value)[] properties) =>
        WebAppUsing(Array.Empty<PackageIdentity>(), sources, expected, properties);

    /// <summary>An ASP.NET Core app that also references <paramref name="packages"/> (with their dependencies, restored once from the NuGet feed).</summary>
    public static Task WebAppUsing(PackageIdentity[] packages, string[] sources, DiagnosticResult[] expected, params (string Property, string Value)[] properties) =>
        WebApp(packages, sources, Array.Empty<(string, string)>(), expected, properties);

    /// <summary>An ASP.NET Core app with additional files beside its sources (the settings files the package hands to the analyzers).</summary>
    public static Task WebAppWithFiles(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected) =>
        WebApp(Array.Empty<PackageIdentity>(), new[] { source }, files, expected, Array.Empty<(string, string)>());

    private static async Task WebApp(PackageIdentity[] packages, string[] sources, (string Path, string Text)[] files, DiagnosticResult[] expected, (string Property, string Value)[] properties)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        foreach (var (path, text) in files)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test.TestState, sources[0], properties);
        for (var i = 1; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80.AddPackages(packages.ToImmutableArray());
        test.TestState.AdditionalReferences.AddRange(await ReferencePackages.Resolve(AspNetCore));
        await ReferencePackages.Resolve(test.ReferenceAssemblies);
        await test.RunAsync();
    }

    /// <summary>A code fix in an ASP.NET Core app's single file, for the <paramref name="expected"/> diagnostics.</summary>
    public static async Task WebAppCodeFix<TCodeFix>(string source, DiagnosticResult[] expected, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.ExpectedDiagnostics.AddRange(expected);
        var aspNetCore = await ReferencePackages.Resolve(AspNetCore);
        Configure(test.TestState, source, Array.Empty<(string, string)>());
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(aspNetCore);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
        test.FixedState.AdditionalReferences.AddRange(aspNetCore);
        await test.RunAsync();
    }

    /// <summary>
    /// The ASP.NET Core shared framework's reference pack (Microsoft.AspNetCore.App.Ref 8.0.0, restored once
    /// from the NuGet feed into the harness's package cache). As a package added to .NET 8's references its
    /// <c>ref/</c> folder is not read, so it is resolved as a reference pack of its own and added beside them.
    /// </summary>
    private static readonly ReferenceAssemblies AspNetCore = new("net8.0", new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), Path.Combine("ref", "net8.0"));

    private static Task Analyzer(string source, string? editorConfig, OutputKind outputKind, (string Property, string Value)[] properties, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test.TestState, source, properties);
        test.TestState.OutputKind = outputKind;
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        return test.RunAsync();
    }

    public static Task CodeFix<TCodeFix>(string source, string fixedSource, int iterations = 1)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            NumberOfFixAllIterations = iterations,
        };
        Configure(test.TestState, source, Array.Empty<(string, string)>());
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
        return test.RunAsync();
    }

    /// <summary>A code fix in an ASP.NET Core app (see <see cref="WebApp(string[])"/>).</summary>
    public static async Task WebAppCodeFix<TCodeFix>(string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        // SCG0028 is known only at the compilation's end (a path may be mapped in any file); by default the harness
        // refuses a fix for such a non-local diagnostic, since an IDE may not offer one. The fix itself is what is tested.
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        var aspNetCore = await AspNetCore.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        Configure(test.TestState, source, Array.Empty<(string, string)>());
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(aspNetCore);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
        test.FixedState.AdditionalReferences.AddRange(aspNetCore);
        await test.RunAsync();
    }

    private static void Configure(SolutionState state, string source, (string Property, string Value)[] properties)
    {
        state.Sources.Add(source);
        state.AdditionalReferences.Add(typeof(SidecarServiceAttribute).Assembly);
        if (properties.Length > 0)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Concat(properties.Select(p => $"build_property.{p.Property} = {p.Value}\n"))));
        }
    }
}
