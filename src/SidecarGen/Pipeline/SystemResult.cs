using System.Collections.Generic;
using System.Linq;
using SidecarGen.Rules;
using SidecarGen.Systems;

namespace SidecarGen.Pipeline;

/// <summary>What a system's build reports, each finding in its service's own source, and its checked plans unless an error stands.</summary>
internal sealed record SystemResult(IReadOnlyList<SystemFinding> Findings, SystemPlans? Plans)
{
    public IEnumerable<Finding> Errors => Findings.Select(finding => finding.Finding).Where(finding => finding.IsError);
}
