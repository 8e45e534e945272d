using System.Collections.Generic;
using System.Linq;

namespace SidecarGen.Rules;

/// <summary>The findings of one service, collected in the order the checks make them.</summary>
internal sealed class Findings
{
    private readonly List<Finding> items = new();

    public IReadOnlyList<Finding> Items => items;

    public bool HasErrors => items.Any(finding => finding.IsError);

    public bool Has(string ruleId) => items.Any(finding => finding.RuleId == ruleId);

    public void AddRange(IEnumerable<Finding> findings) => items.AddRange(findings);

    public void Report(string ruleId, int ordinal, string? argument, string message, int? item = null, string? fixValue = null) =>
        items.Add(new Finding(ruleId, ordinal, argument, message, item, fixValue));

    /// <summary>The findings of one attribute: its ordinal is filled in.</summary>
    public AttributeFindings For(int ordinal) => new(this, ordinal);
}

/// <summary>Reports the findings of one attribute, at its ordinal.</summary>
internal readonly struct AttributeFindings
{
    private readonly Findings findings;
    private readonly int ordinal;

    public AttributeFindings(Findings findings, int ordinal)
    {
        this.findings = findings;
        this.ordinal = ordinal;
    }

    public void Report(string ruleId, string? argument, string message, int? item = null, string? fixValue = null) =>
        findings.Report(ruleId, ordinal, argument, message, item, fixValue);
}
