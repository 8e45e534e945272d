using System.Collections.Generic;
using System.Linq;

namespace SidecarGen.Model;

/// <summary>
/// Where the service class's SidecarGen attributes are written, in terms an edit elsewhere in the file
/// does not change (no offsets or lines, so a method-body edit leaves the service's description, and
/// with it the reference assembly, as it was): the class's name and first file, and each attribute's
/// file and position among the attributes of the class's declarations in that file. A system's build,
/// which has no syntax tree of the service, parses that file to report a finding at its argument.
/// </summary>
internal sealed record ServiceSource(string ClassName, string? ClassPath, EquatableArray<AttributeSource> Attributes)
{
    /// <summary>The files that hold the class and its attributes, each once.</summary>
    public IEnumerable<string> Files =>
        new[] { ClassPath }.Concat(Attributes.Select(attribute => attribute.Path)).OfType<string>().Where(path => path.Length > 0).Distinct();
}

/// <summary>The attribute at <paramref name="Ordinal"/> on the class is the <paramref name="Index"/>-th attribute of the class's declarations in <paramref name="Path"/>.</summary>
internal sealed record AttributeSource(int Ordinal, string Path, int Index);
