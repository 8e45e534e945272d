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
            var item = new SystemFinding(service.Index, finding);
            if (!items.Contains(item))
            {
                items.Add(item);
            }
        }
    }
}
