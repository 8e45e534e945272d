using SidecarGen.Model;
using SidecarGen.Rules;

namespace SidecarGen.Validation;

/// <summary>The service being checked, its build settings, and the findings so far.</summary>
internal sealed class ValidationContext
{
    public ValidationContext(ServiceDeclaration declaration, BuildSettings settings)
    {
        Declaration = declaration;
        Settings = settings;
        Findings.AddRange(declaration.ReadFindings);
    }

    public ServiceDeclaration Declaration { get; }

    public BuildSettings Settings { get; }

    public Findings Findings { get; } = new();

    public ServiceOptions Service => Declaration.Options;

    public int ServiceOrdinal => Declaration.ServiceOrdinal;

    /// <summary>The findings of the <c>[SidecarService]</c> attribute (or of the class, when it has none).</summary>
    public AttributeFindings ServiceFindings => Findings.For(ServiceOrdinal);

    public void Report(string ruleId, int ordinal, string? argument, string message, int? item = null, string? fixValue = null) =>
        Findings.Report(ruleId, ordinal, argument, message, item, fixValue);
}
