using System.Collections.Concurrent;
using System.Security.Claims;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Accounts;

/// <summary>What a session is checked against: the account's security stamp now, and whether it uses 2FA.</summary>
public sealed record AccountState(string? SecurityStamp, bool TwoFactorEnabled);

/// <summary>
/// Every authentication of a session — the sign-in cookie or a bearer token, whoever asks for it (the middleware, a
/// policy, an endpoint reading the bearer token itself) — is checked against the account: a session whose security
/// stamp is no longer the account's (new password, reset, sign-out, 2FA change, account erased) fails, as if there were
/// no session. Identity checks cookies this way (<see cref="SecurityStampValidator"/>) and refresh tokens, but not the
/// bearer tokens themselves. A manager without two-factor authentication while it is required
/// (<see cref="TwoFactor.ManagerTwoFactor"/>) is authenticated without the Manager role and with a marker claim:
/// nothing answers them as a manager.
/// </summary>
public sealed class CheckedAuthenticationService(
    IAuthenticationSchemeProvider schemes, IAuthenticationHandlerProvider handlers, IClaimsTransformation transform,
    IOptions<AuthenticationOptions> options, IOptions<IdentityOptions> identity, AccountStates states, TwoFactor.ManagerTwoFactor managers)
    : AuthenticationService(schemes, handlers, transform, options)
{
    public override async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await base.AuthenticateAsync(context, scheme);
        if (!result.Succeeded || result.Ticket is not { } ticket || !IsSession(ticket.AuthenticationScheme))
        {
            return result;
        }
        var claims = identity.Value.ClaimsIdentity;
        var principal = ticket.Principal;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } id || principal.FindFirstValue(claims.SecurityStampClaimType) is not { } stamp)
        {
            return result;
        }
        var state = await states.GetAsync(context, id, stamp);
        if (state is null || !string.Equals(state.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The session ended: the account's security stamp changed.");
        }
        if (managers.Required && !state.TwoFactorEnabled && principal.IsInRole(Roles.Manager))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(
                TwoFactor.ManagerTwoFactor.WithoutManagerRole(principal, claims.RoleClaimType), ticket.Properties, ticket.AuthenticationScheme));
        }
        return result;
    }

    /// <summary>
    /// The sign-in cookie and bearer tokens, whose tickets are named « Identity.Bearer:AccessToken » (not the cookies of
    /// the second step or of a remembered device).
    /// </summary>
    private static bool IsSession(string scheme) =>
        scheme == IdentityConstants.ApplicationScheme
        || scheme == IdentityConstants.BearerScheme || scheme.StartsWith(IdentityConstants.BearerScheme + ":", StringComparison.Ordinal);
}

/// <summary>
/// The accounts' states as sessions see them, kept per (account, security stamp) for <c>Security:SessionCheckMinutes</c>
/// on the injected clock: at most one lookup by primary key per account and interval in each instance, whatever the
/// number of requests (the booking API's bursts), and the same answer throughout one request.
/// </summary>
public sealed class AccountStates(TimeProvider clock, IOptions<SecurityStampValidatorOptions> options)
{
    private static readonly object MemoKey = new();

    private readonly ConcurrentDictionary<(string Id, string Stamp), Entry> _entries = new();
    private long _nextSweepTicks;

    private sealed record Entry(Lazy<Task<AccountState?>> State, DateTimeOffset Until)
    {
        public bool Failed => State.IsValueCreated && (State.Value.IsFaulted || State.Value.IsCanceled);
    }

    public async Task<AccountState?> GetAsync(HttpContext context, string id, string stamp)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[MemoKey] is not Dictionary<(string, string), AccountState?> memo)
        {
            context.Items[MemoKey] = memo = [];
        }
        if (memo.TryGetValue((id, stamp), out var known))
        {
            return known;
        }
        var services = context.RequestServices;
        var state = await LookUpAsync(id, stamp, () => LoadAsync(services.GetRequiredService<AppDbContext>(), id));
        memo[(id, stamp)] = state;
        return state;
    }

    /// <summary>The state of <paramref name="id"/> seen with <paramref name="stamp"/>: <paramref name="load"/>ed at most once an interval.</summary>
    public Task<AccountState?> LookUpAsync(string id, string stamp, Func<Task<AccountState?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var interval = options.Value.ValidationInterval;
        if (interval <= TimeSpan.Zero)
        {
            return load();
        }
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((id, stamp), out var known) && known.Until > now && !known.Failed)
        {
            return known.State.Value;
        }
        Sweep(now, interval);
        var entry = _entries.AddOrUpdate((id, stamp),
            static (_, fresh) => fresh.Invoke(),
            static (_, old, fresh) => old.Until > fresh.Now && !old.Failed ? old : fresh.Invoke(),
            new Fresh(load, now, now + interval));
        return entry.State.Value;
    }

    private sealed record Fresh(Func<Task<AccountState?>> Load, DateTimeOffset Now, DateTimeOffset Until)
    {
        public Entry Invoke() => new(new Lazy<Task<AccountState?>>(Load), Until);
    }

    private static Task<AccountState?> LoadAsync(AppDbContext db, string id) =>
        db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new AccountState(u.SecurityStamp, u.TwoFactorEnabled))
            .FirstOrDefaultAsync(CancellationToken.None);

    /// <summary>Once an interval, forgets the entries past their time.</summary>
    private void Sweep(DateTimeOffset now, TimeSpan interval)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + interval).UtcTicks, next) != next)
        {
            return;
        }
        foreach (var pair in _entries)
        {
            if (pair.Value.Until <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }
}
