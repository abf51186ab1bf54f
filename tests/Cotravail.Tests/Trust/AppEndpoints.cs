using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Trust;

/// <summary>What the running app answers to: pages (and each of their handlers) and minimal-API endpoints.</summary>
public sealed record AppEndpoint(string Method, string Route, string? Handler, bool IsPage, Endpoint Endpoint)
{
    /// <summary>For a page's GET: the query-string names it reads (handler parameters, properties bound on GET).</summary>
    public IReadOnlyList<string> QueryNames { get; init; } = [];

    /// <summary>How rules name it: <c>GET /route</c>, or <c>POST /route?handler=Name</c> for a page's named handler.</summary>
    public string Key => Method + " " + Route + (Handler is null ? "" : "?handler=" + Handler);

    public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);

    public override string ToString() => Key + (IsPage ? " (page)" : " (endpoint)");
}

public static class AppEndpoints
{
    /// <summary>Every page handler and endpoint of <paramref name="services"/>, from the app's own <see cref="EndpointDataSource"/>.</summary>
    public static async Task<IReadOnlyList<AppEndpoint>> ListAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<AppEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                found.Add(new AppEndpoint("GET", route, null, true, endpoint) { QueryNames = QueryNames(compiled, route) });
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    if (method == "GET" && handler.Name is null)
                    {
                        continue;
                    }
                    found.Add(new AppEndpoint(method, route, handler.Name, true, endpoint));
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            found.AddRange(methods.Where(m => m != "HEAD" && m != "OPTIONS").Select(m => new AppEndpoint(m, route, null, false, endpoint)));
        }
        return [.. found.DistinctBy(e => e.Key).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private static List<string> QueryNames(CompiledPageActionDescriptor page, string route)
    {
        var names = page.HandlerMethods.Where(h => h.HttpMethod == "Get" && h.Name is null)
            .SelectMany(h => h.Parameters).Where(p => p.BindingInfo?.BindingSource != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Services)
            .Select(p => p.BindingInfo?.BinderModelName ?? p.Name).ToList();
        foreach (var bound in page.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            var attribute = bound.Property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>();
            var query = bound.Property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>();
            if (attribute?.SupportsGet == true || query is not null)
            {
                names.Add(query?.Name ?? attribute?.Name ?? bound.Name);
            }
        }
        return [.. names.Where(n => !route.Contains("{" + n, StringComparison.OrdinalIgnoreCase)).Distinct()];
    }
}
