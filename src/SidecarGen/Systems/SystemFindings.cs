using System.Collections.Generic;
using System.Linq;
using SidecarGen.Rules;

namespace SidecarGen.Systems;

/// <summary>A system's findings so far, each once, in the order found.</summary>
internal sealed class SystemFindings
{
    private readonly List<SystemFinding> items;

    public SystemFindings(IEnumerable<SystemFinding> found) => items = found.ToList();

    public IReadOnlyList<SystemFinding> Items => items;

    public bool HasErrors => items.Any(item => item.Finding.IsError);

    public void AddRange(SystemService service, IEnumerable<Finding> found)
    {
        foreach (var finding in found)
        {
            // A finding about an MSBuild property of the system is the same for every service: it is reported once.
            var item = new SystemFinding(finding.Ordinal == Finding.BuildProperty ? -1 : service.Index, finding);
            if (!items.Contains(item))
            {
                items.Add(item);
            }
        }
    }
}
