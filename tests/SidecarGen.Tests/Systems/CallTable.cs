namespace SidecarGen.Tests.Systems;

/// <summary>
/// Who may call whom in the five-service system the policy tables check (gateway → catalog, orders;
/// orders → catalog, ledger; reports → ledger): every caller × callee, admitted when the caller declares
/// the call or when nobody declares a call to the callee (the system's entry, open to all).
/// </summary>
internal static class CallTable
{
    public static readonly string[] Services = { "gateway", "catalog", "orders", "ledger", "reports" };

    private static readonly HashSet<(string Caller, string Callee)> Declared =
        new() { ("gateway", "catalog"), ("gateway", "orders"), ("orders", "catalog"), ("orders", "ledger"), ("reports", "ledger") };

    /// <summary>
    /// The system itself: each service declaring its calls, with <paramref name="attributes"/> of its own
    /// (by service name), its project named after it.
    /// </summary>
    public static SystemHarness.Service[] System(Func<string, IEnumerable<string>> attributes) =>
        Services.Select(name =>
        {
            var callees = Declared.Where(call => call.Caller == name).Select(call => "\"" + call.Callee + "\"").ToList();
            var service = callees.Count == 0 ? $"SidecarService(\"{name}\")" : $"SidecarService(\"{name}\", Calls = new[] {{ {string.Join(", ", callees)} }})";
            return Shop.Of(char.ToUpperInvariant(name[0]) + name[1..], attributes(name).Prepend(service).ToArray());
        }).ToArray();

    public static TheoryData<string, string, bool> Admitted()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var caller in Services)
        {
            foreach (var callee in Services.Where(callee => callee != caller))
            {
                data.Add(caller, callee, !Declared.Any(call => call.Callee == callee) || Declared.Contains((caller, callee)));
            }
        }

        return data;
    }
}
