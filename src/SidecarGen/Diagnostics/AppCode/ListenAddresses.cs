using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// Where the app's code tells Kestrel to listen, gathered from every file, by the source that decides:
/// Kestrel's own endpoints (<c>Listen*</c> in <c>ConfigureKestrel</c>/<c>UseKestrel</c>) override the
/// server addresses; addresses set on the app (<c>app.Urls</c>, <c>app.Run(url)</c>) are used before the
/// <c>urls</c> setting (<c>UseUrls</c>, <c>ASPNETCORE_URLS</c>); that is used before <c>http_ports</c>
/// (<c>ASPNETCORE_HTTP_PORTS</c>, which SidecarGen sets to <c>Port</c>). Code that runs only in Development is left out.
/// </summary>
internal sealed class ListenAddresses
{
    private readonly AppSymbols symbols;
    private readonly Source[] sources = { new(), new(), new(), new() };

    public ListenAddresses(AppSymbols symbols) => this.symbols = symbols;

    private enum Decides
    {
        KestrelEndpoints = 0,
        AppAddresses = 1,
        Urls = 2,
        HttpPorts = 3,
    }

    /// <summary>The addresses the app listens on, from the source that decides; null when some of them cannot be known, empty when the code says nothing.</summary>
    public IReadOnlyList<ListenAddress>? Effective()
    {
        foreach (var source in sources)
        {
            lock (source)
            {
                if (source.Unknown)
                {
                    return null;
                }

                if (source.Addresses.Count > 0)
                {
                    return source.Addresses;
                }
            }
        }

        return System.Array.Empty<ListenAddress>();
    }

    public void Read(IInvocationOperation invocation)
    {
        // The methods read below, by name first: any other call is passed over before its place in the code is walked.
        var method = invocation.TargetMethod;
        if (method.Name is not ("ListenAnyIP" or "ListenLocalhost" or "Listen" or "ListenUnixSocket" or "ListenHandle" or "ListenNamedPipe" or "Configure"
                or "UseUrls" or "PreferHostingUrls" or "UseSetting" or "Run" or "RunAsync" or "Add" or "SetEnvironmentVariable")
            || DevelopmentOnly.Contains(invocation, symbols))
        {
            return;
        }

        var location = invocation.Syntax.GetLocation();
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Type(WellKnownTypes.KestrelServerOptions)))
        {
            switch (method.Name)
            {
                case "ListenAnyIP":
                    Add(Decides.KestrelEndpoints, new ListenAddress(ConstantResolver.Int(invocation.Argument("port")), false, location, method.Name));
                    break;
                case "ListenLocalhost":
                    Add(Decides.KestrelEndpoints, new ListenAddress(ConstantResolver.Int(invocation.Argument("port")), true, location, method.Name));
                    break;
                case "Listen" when invocation.Argument("address") is { } address:
                    Add(Decides.KestrelEndpoints, new ListenAddress(ConstantResolver.Int(invocation.Argument("port")), Loopback(address), location, method.Name));
                    break;
                case "Listen" or "ListenUnixSocket" or "ListenHandle" or "ListenNamedPipe" or "Configure":
                    Unknown(Decides.KestrelEndpoints);
                    break;
            }
        }
        else if (invocation.Calls(symbols.Type(WellKnownTypes.HostingAbstractionsWebHostBuilderExtensions), "UseUrls"))
        {
            AddUrls(Decides.Urls, invocation.Argument("urls"), location, "UseUrls");
        }
        else if (invocation.Calls(symbols.Type(WellKnownTypes.HostingAbstractionsWebHostBuilderExtensions), "PreferHostingUrls")
            || invocation.Calls(symbols.Type(WellKnownTypes.HostingAbstractionsWebHostBuilderExtensions), "UseSetting"))
        {
            // The address sources' order changes, or a setting the analyzer does not follow.
            Unknown(Decides.KestrelEndpoints);
        }
        else if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Type(WellKnownTypes.WebApplication)) && method.Name is "Run" or "RunAsync")
        {
            var url = invocation.Argument("url");
            if (url is not null && url.ConstantValue is not { HasValue: true, Value: null })
            {
                AddUrls(Decides.AppAddresses, url, location, method.Name + "(url)");
            }
        }
        else if (method.Name == "Add" && invocation.Instance is IPropertyReferenceOperation { Property.Name: "Urls" } urls
            && SymbolEqualityComparer.Default.Equals(urls.Property.ContainingType, symbols.Type(WellKnownTypes.WebApplication)))
        {
            AddUrls(Decides.AppAddresses, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null, location, "app.Urls.Add");
        }
        else if (invocation.Calls(symbols.Type(WellKnownTypes.Environment), "SetEnvironmentVariable"))
        {
            switch (ConstantResolver.String(invocation.Argument("variable")))
            {
                case "ASPNETCORE_URLS":
                    AddUrls(Decides.Urls, invocation.Argument("value"), location, "ASPNETCORE_URLS");
                    break;
                case "ASPNETCORE_HTTP_PORTS":
                    AddPorts(invocation.Argument("value"), location);
                    break;
            }
        }
    }

    private bool? Loopback(IOperation address)
    {
        var ipAddress = symbols.Type(WellKnownTypes.IPAddress);
        return address switch
        {
            IFieldReferenceOperation field when SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, ipAddress) => field.Field.Name switch
            {
                "Loopback" or "IPv6Loopback" => true,
                "Any" or "IPv6Any" => false,
                _ => null,
            },
            IInvocationOperation parse when parse.Calls(ipAddress, "Parse") && ConstantResolver.String(parse.Argument("ipString")) is { } text =>
                ListenAddress.IsLoopbackHost(text),
            _ => null,
        };
    }

    /// <summary>URLs as one constant (several separated by <c>;</c>) or a <c>params</c> array of constants.</summary>
    private void AddUrls(Decides source, IOperation? value, Location location, string how)
    {
        var items = value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : ImmutableArrayOf(value);
        foreach (var item in items)
        {
            if (ConstantResolver.String(item) is not { } text)
            {
                Unknown(source);
                continue;
            }

            foreach (var url in text.Split(';'))
            {
                if (url.Trim().Length == 0)
                {
                    continue;
                }

                if (ListenAddress.OfUrl(url.Trim(), location, how) is { } address)
                {
                    Add(source, address);
                }
                else
                {
                    Unknown(source);
                }
            }
        }
    }

    private void AddPorts(IOperation? value, Location location)
    {
        if (ConstantResolver.String(value) is not { } text)
        {
            Unknown(Decides.HttpPorts);
            return;
        }

        foreach (var port in text.Split(';'))
        {
            if (port.Trim().Length > 0)
            {
                Add(Decides.HttpPorts, new ListenAddress(int.TryParse(port.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null, false, location, "ASPNETCORE_HTTP_PORTS"));
            }
        }
    }

    private static System.Collections.Immutable.ImmutableArray<IOperation> ImmutableArrayOf(IOperation? value) =>
        value is null ? System.Collections.Immutable.ImmutableArray<IOperation>.Empty : System.Collections.Immutable.ImmutableArray.Create(value);

    private void Add(Decides source, ListenAddress address)
    {
        var into = sources[(int)source];
        lock (into)
        {
            into.Addresses.Add(address);
        }
    }

    private void Unknown(Decides source)
    {
        var into = sources[(int)source];
        lock (into)
        {
            into.Unknown = true;
        }
    }

    private sealed class Source
    {
        public List<ListenAddress> Addresses { get; } = new();

        public bool Unknown { get; set; }
    }
}
