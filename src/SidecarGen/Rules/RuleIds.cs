namespace SidecarGen.Rules;

/// <summary>
/// The diagnostic IDs (SPEC §5). Linked into SidecarGen.CodeFixes, so a fix names its rule by the same
/// constant; whether a rule blocks the output is its descriptor's default severity.
/// </summary>
internal static class RuleIds
{
    public const string SeveralConcerns = "SCG0001";
    public const string DomainType = "SCG0002";
    public const string PortCollision = "SCG0003";
    public const string DuplicateConcern = "SCG0004";
    public const string UnpinnedImage = "SCG0005";
    public const string InvalidQuantity = "SCG0006";
    public const string InvalidName = "SCG0007";
    public const string NotEntryPoint = "SCG0008";
    public const string PortOutOfRange = "SCG0009";
    public const string SidecarsOutweighApp = "SCG0010";
    public const string SecretInSource = "SCG0011";
    public const string Privileged = "SCG0012";
    public const string InvalidUrl = "SCG0013";
    public const string NoNativeSidecars = "SCG0014";
    public const string SeveralServices = "SCG0015";
    public const string CannotRender = "SCG0016";
    public const string UnknownService = "SCG0017";
    public const string DuplicateService = "SCG0018";
    public const string NoClientCertificate = "SCG0019";
    public const string IgnoredSetting = "SCG0020";
    public const string UpstreamOutsideMesh = "SCG0021";
    public const string ProbeBehindStrictMtls = "SCG0022";
    public const string InvalidAddOnSetting = "SCG0023";
    public const string InvalidHost = "SCG0024";
    public const string InvalidIssuer = "SCG0025";
    public const string AddOnWithoutEffect = "SCG0026";
    public const string UnreadableService = "SCG0027";
    public const string InvalidAutoscaling = "SCG0036";
    public const string NoContainerMetrics = "SCG0037";
    public const string AutoscalingWithoutEffect = "SCG0038";
    public const string MeshVersionUnsupported = "SCG0040";
    public const string AcmeIssuerForClusterNames = "SCG0041";
    public const string ProbePathNotMapped = "SCG0028";
    public const string ListensElsewhere = "SCG0029";
    public const string UndeclaredCall = "SCG0030";
    public const string PlainHttpBehindProxy = "SCG0031";
    public const string NoMetricsExporter = "SCG0032";
    public const string UnshippedLogFile = "SCG0033";
    public const string ConfigNotReloaded = "SCG0034";
    public const string InteractiveLoginBehindProxy = "SCG0035";
    public const string ProtocolMismatch = "SCG0039";
    public const string HopCannotSpeakProtocol = "SCG0042";
    public const string NoLogFile = "SCG0043";
}
