using System.Collections.Concurrent;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.SingleSignOn;

/// <summary>A network's provider as the sign-in page and the scheme provider see it.</summary>
public sealed record SignOnProvider(int NetworkId, string DisplayName, DateTime UpdatedAtUtc)
{
    public string Scheme => SignOnRules.SchemeName(NetworkId);
}

/// <summary>
/// The networks' providers, read from the database and remembered <see cref="Remembered"/> by each instance (the saving
/// instance forgets at once): a provider saved on one instance is known to every other within that time. When a
/// provider changed, its OpenID Connect options are dropped from the options cache, so the next request builds them
/// again from the row (<see cref="SignOnOptions"/>).
/// </summary>
public sealed class SignOnProviders(IServiceScopeFactory scopes, IOptionsMonitorCache<OpenIdConnectOptions> optionsCache, TimeProvider clock)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, DateTime> _known = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyList<SignOnProvider> Providers, DateTimeOffset Until);

    /// <summary>The enabled providers, by network id.</summary>
    public async Task<IReadOnlyList<SignOnProvider>> AllAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } s && s.Until > clock.GetUtcNow())
        {
            return s.Providers;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && again.Until > clock.GetUtcNow())
            {
                return again.Providers;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var providers = await db.Set<NetworkSignOn>().AsNoTracking().Where(p => p.Enabled)
                .OrderBy(p => p.DisplayName).ThenBy(p => p.NetworkId)
                .Select(p => new SignOnProvider(p.NetworkId, p.DisplayName, p.UpdatedAtUtc)).ToListAsync(ct);
            foreach (var p in providers)
            {
                if (_known.TryGetValue(p.NetworkId, out var stamp) && stamp != p.UpdatedAtUtc)
                {
                    optionsCache.TryRemove(p.Scheme);
                }
                _known[p.NetworkId] = p.UpdatedAtUtc;
            }
            foreach (var gone in _known.Keys.Except(providers.Select(p => p.NetworkId)).ToList())
            {
                _known.TryRemove(gone, out _);
                optionsCache.TryRemove(SignOnRules.SchemeName(gone));
            }
            _snapshot = new Snapshot(providers, clock.GetUtcNow() + Remembered);
            return providers;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>After a save on this instance: the list and the network's options are read again at the next request.</summary>
    public void Forget(int networkId)
    {
        _snapshot = null;
        optionsCache.TryRemove(SignOnRules.SchemeName(networkId));
    }
}

/// <summary>
/// ASP.NET Core's scheme provider, plus one OpenID Connect scheme per network with an enabled provider (<c>oidc-ID</c>):
/// each is a request handler, so its callback path is answered by <see cref="OpenIdConnectHandler"/>.
/// </summary>
public sealed class SignOnSchemeProvider(IOptions<AuthenticationOptions> options, SignOnProviders providers) : AuthenticationSchemeProvider(options)
{
    public override async Task<AuthenticationScheme?> GetSchemeAsync(string name)
    {
        if (SignOnRules.NetworkOf(name) is { } networkId)
        {
            var provider = (await providers.AllAsync()).FirstOrDefault(p => p.NetworkId == networkId);
            return provider is null ? null : Scheme(provider);
        }
        return await base.GetSchemeAsync(name);
    }

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        [.. await base.GetRequestHandlerSchemesAsync(), .. (await providers.AllAsync()).Select(Scheme)];

    public override async Task<IEnumerable<AuthenticationScheme>> GetAllSchemesAsync() =>
        [.. await base.GetAllSchemesAsync(), .. (await providers.AllAsync()).Select(Scheme)];

    private static AuthenticationScheme Scheme(SignOnProvider p) => new(p.Scheme, p.DisplayName, typeof(OpenIdConnectHandler));
}

/// <summary>Protects and reads back the providers' client secrets.</summary>
public sealed class SignOnSecrets(IDataProtectionProvider protection)
{
    private IDataProtector Protector => protection.CreateProtector("Cotravail.SingleSignOn.ClientSecret.v1");

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string protectedSecret) => Protector.Unprotect(protectedSecret);
}
