namespace SidecarGen.Model;

/// <summary>
/// What a system needs of one of its services, embedded in the service's assembly by its own build
/// (<c>SidecarGen.Service</c>): its attributes' arguments in their neutral form, its build settings and
/// where its attributes are written. Not its plan: the system plans each service again, knowing the
/// others (who calls whom, where each is reached). <paramref name="Project"/> is the service's project
/// file, filled in by the system build (it is not part of the embedded text).
/// </summary>
internal sealed record ServiceDescription(
    string Project,
    BuildSettings Settings,
    EquatableArray<DeclaredAttribute> Attributes,
    ServiceSource Source)
{
    /// <summary>Bumped when the format changes; a system reads only descriptions of its own version.</summary>
    public const int FormatVersion = 1;

    /// <summary>False for a description this SidecarGen cannot read (another version's format): the system reports it (SCG0027).</summary>
    public bool Readable { get; init; } = true;

    /// <summary>A service whose description could not be read.</summary>
    public static ServiceDescription Unreadable(string project) =>
        new(project, BuildSettings.Default, EquatableArray<DeclaredAttribute>.Empty, new ServiceSource(string.Empty, null, EquatableArray<AttributeSource>.Empty)) { Readable = false };

    /// <summary>The keys of the description's YAML, shared by its writer and its reader.</summary>
    internal static class Keys
    {
        public const string Version = "version";
        public const string Settings = "settings";
        public const string Class = "class";
        public const string Attributes = "attributes";
        public const string Ordinal = "ordinal";
        public const string Type = "type";
        public const string Concerns = "concerns";
        public const string Constructor = "constructor";
        public const string Named = "named";
        public const string Name = "name";
        public const string Value = "value";
        public const string Source = "source";
        public const string Path = "path";
        public const string Index = "index";

        /// <summary>A value is a one-key map: its kind (a <see cref="System.TypeCode"/> name for a constant) and its text.</summary>
        public const string Null = "null";
        public const string Enum = "enum";
        public const string Array = "array";
        public const string NullArray = "null-array";
        public const string Unreadable = "unreadable";
    }
}
