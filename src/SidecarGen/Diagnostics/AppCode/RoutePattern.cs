using System;
using System.Collections.Generic;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// A route template as ASP.NET Core routing matches it, reduced to what decides whether a request
/// path can reach it: its segments, each a literal (matched ignoring case), a parameter (any one
/// segment; optional ones may be absent), a catch-all (the rest, even nothing) or a segment mixing
/// literals and parameters (taken to match any one segment, so the rule stays silent).
/// </summary>
internal sealed class RoutePattern
{
    private readonly string[] segments;

    private RoutePattern(string[] segments) => this.segments = segments;

    /// <summary>A route in a group whose prefix is unknown (a route builder passed in): it may sit under any prefix.</summary>
    public bool UnknownPrefix { get; private set; }

    public static RoutePattern Parse(string template) => new(Split(template));

    /// <summary>This pattern under the group <paramref name="prefix"/> (MapGroup's, or a controller's [Route]).</summary>
    public RoutePattern Under(RoutePattern prefix)
    {
        var joined = new string[prefix.segments.Length + segments.Length];
        prefix.segments.CopyTo(joined, 0);
        segments.CopyTo(joined, prefix.segments.Length);
        return new RoutePattern(joined) { UnknownPrefix = prefix.UnknownPrefix };
    }

    /// <summary>The pattern as it stands under a prefix the code does not say.</summary>
    public RoutePattern UnderUnknownPrefix() => new(segments) { UnknownPrefix = true };

    /// <summary>The pattern is a plain path: no parameter, so a probe path could be set to it.</summary>
    public bool IsLiteral => !UnknownPrefix && Array.TrueForAll(segments, segment => segment.IndexOf('{') < 0);

    public override string ToString() => "/" + string.Join("/", segments);

    /// <summary>A GET of <paramref name="path"/> can reach this pattern.</summary>
    public bool Matches(string path)
    {
        var requested = Split(path.Split('?')[0]);
        if (!UnknownPrefix)
        {
            return Match(requested, 0, 0);
        }

        // Under an unknown prefix, the pattern may match any tail of the path.
        for (var start = 0; start <= requested.Length; start++)
        {
            if (Match(requested, start, 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool Match(string[] requested, int at, int segment)
    {
        if (segment == segments.Length)
        {
            return at == requested.Length;
        }

        var pattern = segments[segment];
        if (IsParameter(pattern))
        {
            var name = pattern.Substring(1, pattern.Length - 2);
            if (name.StartsWith("*", StringComparison.Ordinal))
            {
                return true;
            }

            return (at < requested.Length && Match(requested, at + 1, segment + 1))
                || ((name.EndsWith("?", StringComparison.Ordinal) || name.IndexOf('=') >= 0) && Match(requested, at, segment + 1));
        }

        if (pattern.IndexOf('{') >= 0)
        {
            return at < requested.Length && Match(requested, at + 1, segment + 1);
        }

        return at < requested.Length
            && string.Equals(pattern, requested[at], StringComparison.OrdinalIgnoreCase)
            && Match(requested, at + 1, segment + 1);
    }

    private static bool IsParameter(string segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}' && segment.IndexOf('{', 1) < 0;

    private static string[] Split(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.TrimStart('~').Split('/'))
        {
            if (part.Length > 0)
            {
                parts.Add(part);
            }
        }

        return parts.ToArray();
    }
}
