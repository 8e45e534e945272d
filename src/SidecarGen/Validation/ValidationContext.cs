using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Planning;

namespace SidecarGen.Validation;

/// <summary>The service being checked, its build settings, and the findings so far.</summary>
internal sealed class ValidationContext
{
    public ValidationContext(ServiceDeclaration declaration, BuildSettings settings)
    {
        Declaration = declaration;
        Settings = settings;
    }

    public ServiceDeclaration Declaration { get; }

    public BuildSettings Settings { get; }

    public List<Finding> Findings { get; } = new();

    /// <summary>The Pod as planned for the port check, which runs only on input free of other errors.</summary>
    public ServicePlan? Plan { get; set; }

    public AttributeArguments Service => Declaration.Service ?? AttributeArguments.None;

    public int ServiceOrdinal => Declaration.ServiceOrdinal;

    public void Report(string ruleId, int ordinal, string? argument, string message, int? item = null, string? fixValue = null) =>
        Findings.Add(new Finding(ruleId, ordinal, argument, message, item, fixValue));
}
