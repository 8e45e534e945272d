using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace SidecarGen.Tests;

/// <summary>
/// The generator's folders form one direction (docs/architecture.md): each may use only the folders
/// below it, so no two folders call each other.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>Bottom first; a folder may use any folder listed before it.</summary>
    private static readonly string[] Layers = { "Rules", "Model", "Pod", "Yaml", "Sidecars", "Reading", "Planning", "Validation", "Emit", "Systems", "Pipeline", "Diagnostics" };

    [Fact]
    public void Every_folder_of_the_generator_is_a_layer()
    {
        var folders = Directory.GetDirectories(GeneratorSource()).Select(Path.GetFileName).Where(name => name is not ("bin" or "obj")).Order();
        Assert.Equal(Layers.Order(), folders);
    }

    [Fact]
    public void Folders_use_only_the_folders_below_them()
    {
        var violations = new List<string>();
        for (var layer = 0; layer < Layers.Length; layer++)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(GeneratorSource(), Layers[layer]), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match use in UsedFolder().Matches(File.ReadAllText(file)))
                {
                    var used = Array.IndexOf(Layers, use.Groups[1].Value);
                    if (used > layer)
                    {
                        violations.Add($"{Path.GetRelativePath(GeneratorSource(), file)} uses {Layers[used]}");
                    }
                }
            }
        }

        Assert.Empty(violations);
    }

    [GeneratedRegex(@"^using SidecarGen\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsedFolder();

    private static string GeneratorSource([CallerFilePath] string caller = "")
    {
        for (var directory = Path.GetDirectoryName(caller); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var source = Path.Combine(directory, "src", "SidecarGen");
            if (Directory.Exists(source))
            {
                return source;
            }
        }

        throw new InvalidOperationException("Cannot find src/SidecarGen from " + caller);
    }
}
