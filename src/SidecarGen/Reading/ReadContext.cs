using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Rules;

namespace SidecarGen.Reading;

/// <summary>
/// What reading one attribute records beside its values: the properties the user wrote, and SCG0016
/// for text no manifest can carry: a control character anywhere but in an environment value or an
/// argument, and a NUL in an argument (Kubernetes and Compose carry a multi-line <c>sh -c</c>
/// script to the process, but no process receives a NUL).
/// </summary>
internal sealed class ReadContext
{
    private readonly List<string> written = new();
    private readonly Findings findings;
    private readonly int ordinal;

    public ReadContext(Findings findings, int ordinal)
    {
        this.findings = findings;
        this.ordinal = ordinal;
    }

    public EquatableArray<string> WrittenProperties => written.ToEquatableArray();

    public void Written(string property, object? value)
    {
        if (!written.Contains(property))
        {
            written.Add(property);
        }

        if (property == nameof(SidecarAttribute.Env))
        {
            return;
        }

        if (property == nameof(SidecarAttribute.Args))
        {
            ReportItems(property, value, item => item.IndexOf('\0') >= 0, "a NUL character");
        }
        else if (value is string text && TextChecks.HasControlCharacter(text))
        {
            findings.Report(RuleIds.CannotRender, ordinal, property, $"{property} contains a control character (newline, tab, ...)");
        }
        else
        {
            ReportItems(property, value, TextChecks.HasControlCharacter, "a control character");
        }
    }

    private void ReportItems(string property, object? value, System.Func<string, bool> cannotCarry, string what)
    {
        if (value is string[] items)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (cannotCarry(items[i]))
                {
                    findings.Report(RuleIds.CannotRender, ordinal, property, $"An item of {property} contains {what}", i);
                }
            }
        }
    }
}
