namespace SidecarGen.Model;

/// <summary>
/// A reference written <c>&lt;qualifier&gt;/&lt;name&gt;</c>: a Gateway (<c>namespace/gateway</c>), a secret
/// store (<c>ClusterSecretStore/name</c>), an issuer (<c>Issuer/name</c>). Only the shape is parsed here;
/// the rules check each part.
/// </summary>
internal sealed record QualifiedName(string Qualifier, string Name)
{
    /// <summary>Exactly one <c>/</c> with text on both sides, else null.</summary>
    public static QualifiedName? Parse(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0 && slash < text.Length - 1 && text.IndexOf('/', slash + 1) < 0
            ? new QualifiedName(text.Substring(0, slash), text.Substring(slash + 1))
            : null;
    }

    public override string ToString() => Qualifier + "/" + Name;
}
