using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>Every finding about a service, and its planned Pod unless an error stands.</summary>
internal sealed record ValidationResult(EquatableArray<Finding> Findings, ServicePlan? Plan);
