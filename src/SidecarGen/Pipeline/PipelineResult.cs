using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Pipeline;

/// <summary>Every finding about a service's options and its plan, and the plan itself unless an error stands.</summary>
internal sealed record PipelineResult(EquatableArray<Finding> Findings, ServicePlan? Plan)
{
    public IEnumerable<Finding> Errors => Findings.Where(finding => finding.IsError);
}
