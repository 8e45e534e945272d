using System.Collections.Generic;
using SidecarGen.Model;
using SidecarGen.Rules;

namespace SidecarGen.Reading;

/// <summary>
/// What reading one attribute records beside its values: the properties the user wrote, and SCG0016
/// for text SidecarGen cannot carry. <c>Args</c> and <c>Env</c> reach the process unchanged (argv and
/// environment, through YAML in both outputs), so only NUL, which no process can receive, is refused
/// there (a multi-line <c>sh -c</c> script is fine); every other string becomes a name, path, URL,
/// header or a line of a sidecar's config file, where a control character would change its meaning.
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

        var processText = property is nameof(SidecarAttribute.Args) or nameof(SidecarAttribute.Env);
        var what = processText ? "a NUL character (no process can receive one in an argument or environment variable)" : "a control character (newline, tab, ...)";
        if (value is string text && Refused(text, processText))
        {
            findings.Report(RuleIds.CannotRender, ordinal, property, $"{property} contains {what}");
        }
        else if (value is string[] items)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i] is { } item && Refused(item, processText))
                {
                    findings.Report(RuleIds.CannotRender, ordinal, property, $"An item of {property} contains {what}", i);
                }
            }
        }
    }

    private static bool Refused(string text, bool processText) =>
        processText ? text.IndexOf('\0') >= 0 : TextChecks.HasControlCharacter(text);
}
