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
