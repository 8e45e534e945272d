using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// The framework types the app-code rules look for, by metadata name (<see cref="WellKnownTypes"/>),
/// each looked up once per compilation however many rules ask. A rule asks first for the one type
/// its framework cannot be without (<see cref="HasAspNetCore"/>), so a compilation without that
/// framework costs it one lookup.
/// </summary>
internal sealed class AppSymbols
{
    private static readonly ConditionalWeakTable<Compilation, AppSymbols> Cache = new();

    private readonly Compilation compilation;

    // A locked dictionary: a few dozen names, asked at compilation start; concurrent collections cost more to load.
    private readonly Dictionary<string, INamedTypeSymbol?> types = new();

    private AppSymbols(Compilation compilation) => this.compilation = compilation;

    /// <summary>The app references ASP.NET Core (its shared framework or a package of it).</summary>
    public bool HasAspNetCore => Type(WellKnownTypes.ApplicationBuilder) is not null;

    public static AppSymbols Of(Compilation compilation) => Cache.GetValue(compilation, static c => new AppSymbols(c));

    /// <summary>The type of that metadata name, or null when the compilation has none (or several, ambiguously).</summary>
    public INamedTypeSymbol? Type(string metadataName)
    {
        lock (types)
        {
            if (!types.TryGetValue(metadataName, out var type))
            {
                type = compilation.GetTypeByMetadataName(metadataName);
                types.Add(metadataName, type);
            }

            return type;
        }
    }
}
