// A stand-in for the one call WebApp makes into Asp.Versioning.Http.Client, which this machine's
// NuGet does not serve: `IHttpClientBuilder.AddApiVersion(version)`. Like that package's default
// writer, it puts the version into the query string as `api-version`, the parameter the eShop
// APIs read. try-eshop.sh compiles this file into WebApp in the package's place.
using System.Globalization;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApiVersionClientExtensions
{
    public static IHttpClientBuilder AddApiVersion(this IHttpClientBuilder builder, double version) =>
        builder.AddHttpMessageHandler(() => new ApiVersionQueryHandler(version.ToString("0.0", CultureInfo.InvariantCulture)));

    private sealed class ApiVersionQueryHandler(string version) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri)
            {
                var query = uri.Query.TrimStart('?');
                request.RequestUri = new UriBuilder(uri) { Query = (query.Length == 0 ? "" : query + "&") + "api-version=" + version }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
