using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SidecarGen.Model;
using SidecarGen.Rules;
using SidecarGen.Sidecars.ConfigWatcher;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// SCG0034: the config watcher writes files under <c>MountPath</c> that the app loads without
/// <c>reloadOnChange: true</c> (it keeps the values it started with), loads in the wrong shape, or never
/// loads. Loads are read from <c>AddJsonFile</c>, <c>AddKeyPerFile</c>, <c>AddIniFile</c> and
/// <c>AddXmlFile</c> with constant absolute paths. "Never loads" is said only when every configuration
/// source the app adds is one of those with a known path or one that reads no file (environment,
/// command line, memory, user secrets), and no library of the app could add one (<see cref="ReferencedLibraries"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigReloadAnalyzer : AppCodeAnalyzer
{
    private const string ReloadOnChange = "reloadOnChange";
    private const string Optional = "optional";

    // The configuration assemblies whose sources read files, for the libraries that may add one for the app.
    private static readonly string[] FileSourceAssemblies =
    {
        "Microsoft.Extensions.Configuration.FileExtensions",
        "Microsoft.Extensions.Configuration.Json",
        "Microsoft.Extensions.Configuration.KeyPerFile",
        "Microsoft.Extensions.Configuration.Ini",
        "Microsoft.Extensions.Configuration.Xml",
    };

    // Microsoft.Extensions.Configuration's methods on the builder that add no file (or only set how relative paths resolve).
    private static readonly HashSet<string> ReadsNoFile = new(System.StringComparer.Ordinal)
    {
        "AddEnvironmentVariables", "AddCommandLine", "AddInMemoryCollection", "AddUserSecrets",
        "SetBasePath", "SetFileProvider", "SetFileLoadExceptionHandler", "Build",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ConfigNotReloaded, DiagnosticDescriptors.ConfigNotLoaded);

    private protected override void Start(CompilationStartAnalysisContext start, AppService service)
    {
        var watchers = Watchers(service.Declaration);
        var symbols = service.Symbols;
        if (watchers.Count == 0 || symbols.Type(WellKnownTypes.ConfigurationBuilder) is not { } builder)
        {
            return;
        }

        var sources = new[]
        {
            new FileSource(symbols.Type(WellKnownTypes.JsonConfigurationExtensions), "AddJsonFile", "path", Folder: false),
            new FileSource(symbols.Type(WellKnownTypes.IniConfigurationExtensions), "AddIniFile", "path", Folder: false),
            new FileSource(symbols.Type(WellKnownTypes.XmlConfigurationExtensions), "AddXmlFile", "path", Folder: false),
            new FileSource(symbols.Type(WellKnownTypes.KeyPerFileConfigurationExtensions), "AddKeyPerFile", "directoryPath", Folder: true),
        };
        var loaded = new ConcurrentDictionary<int, bool>();
        var unseen = new Unseen { Source = ReferencedLibraries.Reference(start.Compilation, FileSourceAssemblies) };

        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (FileSource.Of(invocation, sources) is not { } source)
                {
                    if (AddsUnknownSource(invocation, builder, start.Compilation))
                    {
                        unseen.Source = true;
                    }

                    return;
                }

                if (Load.Of(invocation, source, symbols) is not { } load)
                {
                    unseen.Source = true;
                    return;
                }

                foreach (var watcher in watchers)
                {
                    if (load.Under(MountPath(watcher)))
                    {
                        loaded[watcher.Ordinal] = true;
                        if (Problem(watcher, load) is { } diagnostic)
                        {
                            context.ReportDiagnostic(AppService.Disagreement(
                                DiagnosticDescriptors.ConfigNotReloaded,
                                diagnostic.AtReload ? load.ReloadLocation : load.CallLocation,
                                service.Argument(watcher.Ordinal, nameof(ConfigWatcherSidecarAttribute.MountPath), context.CancellationToken),
                                diagnostic.Message,
                                diagnostic.AtReload ? load.FixProperties : null));
                        }
                    }
                }
            },
            OperationKind.Invocation);

        start.RegisterCompilationEndAction(context =>
        {
            foreach (var watcher in watchers)
            {
                if (!loaded.ContainsKey(watcher.Ordinal) && !unseen.Source)
                {
                    var mount = MountPath(watcher);
                    var call = IsConsul(watcher) ? $"AddJsonFile(\"{Written(watcher)}\", optional: false, reloadOnChange: true)" : $"AddKeyPerFile(\"{mount}\", optional: false, reloadOnChange: true)";
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ConfigNotLoaded,
                        service.Argument(watcher.Ordinal, nameof(ConfigWatcherSidecarAttribute.MountPath), context.CancellationToken),
                        $"The app never loads what the '{watcher.Name}' watcher writes under {mount}: add builder.Configuration.{call}"));
                }
            }
        });
    }

    /// <summary>What is wrong with a load of the watcher's files: its shape (at the call), or no reload (at the reload value, or the call); null when nothing is.</summary>
    private static Mismatch? Problem(SidecarDeclaration watcher, Load load)
    {
        var written = Written(watcher);
        if (IsConsul(watcher) && load.Source.Folder)
        {
            return new Mismatch($"The '{watcher.Name}' watcher (Consul) writes one JSON document, {written}; AddKeyPerFile reads it as a single key named '{ConsulTemplateWatcher.OutputFile}'; load it with AddJsonFile(\"{written}\", optional: false, reloadOnChange: true)", AtReload: false);
        }

        if (IsConsul(watcher) && load.Path != written)
        {
            return new Mismatch($"The '{watcher.Name}' watcher (Consul) writes only {written}, not '{load.Path}'", AtReload: false);
        }

        return load.Reloads == false && !load.DevelopmentOnly
            ? new Mismatch($"{load.Source.Method}(\"{load.Path}\") reads the '{watcher.Name}' watcher's files once: without reloadOnChange: true the app keeps the values it started with", AtReload: true)
            : null;
    }

    private static string MountPath(SidecarDeclaration watcher) => ((ConfigWatcherOptions)watcher.Options).MountPath.TrimEnd('/');

    private static bool IsConsul(SidecarDeclaration watcher) => ((ConfigWatcherOptions)watcher.Options).Source != ConfigSource.Etcd;

    /// <summary>The one file consul-template writes (<see cref="ConsulTemplateWatcher"/>).</summary>
    private static string Written(SidecarDeclaration watcher) => MountPath(watcher) + "/" + ConsulTemplateWatcher.OutputFile;

    /// <summary>
    /// A configuration source the analyzer cannot read: a method from another assembly that extends the
    /// builder and is not one known to read no file, or the builder's own <c>Add</c> (or <c>Sources.Add</c>).
    /// A method of this compilation is not one: its body is analyzed like the rest.
    /// </summary>
    private static bool AddsUnknownSource(IInvocationOperation invocation, INamedTypeSymbol builder, Compilation compilation)
    {
        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
        {
            return false;
        }

        if (method.IsExtensionMethod && method.Parameters.Length > 0 && method.Parameters[0].Type.IsOrInherits(builder))
        {
            return !(ReadsNoFile.Contains(method.Name) && method.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration");
        }

        return method.Name == "Add"
            && (method.ContainingType.IsOrInherits(builder)
                || (invocation.Receiver() is IPropertyReferenceOperation { Property.Name: "Sources" } sources && sources.Property.ContainingType.IsOrInherits(builder)));
    }

    private static List<SidecarDeclaration> Watchers(ServiceDeclaration declaration)
    {
        var watchers = new List<SidecarDeclaration>();
        foreach (var sidecar in declaration.Sidecars)
        {
            if (sidecar.Options is ConfigWatcherOptions)
            {
                watchers.Add(sidecar);
            }
        }

        return watchers;
    }

    /// <summary>A configuration method that reads a file (or a folder, one file per key) from its path parameter.</summary>
    private sealed record FileSource(INamedTypeSymbol? Type, string Method, string PathParameter, bool Folder)
    {
        public static FileSource? Of(IInvocationOperation invocation, FileSource[] sources)
        {
            foreach (var source in sources)
            {
                if (invocation.Calls(source.Type, source.Method))
                {
                    return source;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A load from a constant absolute path; <see cref="Reloads"/> is null when not a constant. The code fix
    /// reads <see cref="FixProperties"/>: the arguments to add when <c>reloadOnChange</c> is not written
    /// (the diagnostic is then at the call), <c>true</c> when it is (the diagnostic is then at its value, <see cref="ReloadLocation"/>).
    /// </summary>
    private sealed record Load(FileSource Source, string Path, bool? Reloads, bool DevelopmentOnly, Location CallLocation, Location ReloadLocation, ImmutableDictionary<string, string?> FixProperties)
    {
        public static Load? Of(IInvocationOperation invocation, FileSource source, AppSymbols symbols)
        {
            if (ConstantResolver.String(invocation.Argument(source.PathParameter)) is not { } path || !path.StartsWith("/", System.StringComparison.Ordinal)
                || (invocation.Argument("provider") is { } provider && !(provider.ConstantValue.HasValue && provider.ConstantValue.Value is null)))
            {
                return null;
            }

            var reload = Written(invocation, ReloadOnChange);
            var reloads = reload is null ? false : reload.Value.ConstantValue.Value as bool?;
            var fix = ImmutableDictionary<string, string?>.Empty.Add(
                Rules.FixProperties.Value,
                reload is not null ? "true" : (Written(invocation, Optional) is null ? Optional + ": false, " : string.Empty) + ReloadOnChange + ": true");
            return new Load(
                source,
                path.Length > 1 ? path.TrimEnd('/') : path,
                reloads,
                AppCode.DevelopmentOnly.Contains(invocation, symbols),
                invocation.Syntax.GetLocation(),
                (reload?.Value ?? invocation).Syntax.GetLocation(),
                fix);
        }

        /// <summary>The path is the mount or below it.</summary>
        public bool Under(string mount) => Path == mount || Path.StartsWith(mount + "/", System.StringComparison.Ordinal);

        /// <summary>The argument written in source for <paramref name="parameter"/>; null when left out or the overload has none.</summary>
        private static IArgumentOperation? Written(IInvocationOperation invocation, string parameter)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameter && argument.ArgumentKind != Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue)
                {
                    return argument;
                }
            }

            return null;
        }
    }

    private sealed record Mismatch(string Message, bool AtReload);

    /// <summary>Set from concurrent actions; only ever turns on.</summary>
    private sealed class Unseen
    {
        public volatile bool Source;
    }
}
