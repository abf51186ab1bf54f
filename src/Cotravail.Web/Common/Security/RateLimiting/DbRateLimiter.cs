using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common.Security.RateLimiting;

/// <summary>
/// Counts an attempt against a policy with one atomic statement per partition (INSERT … ON CONFLICT DO UPDATE …
/// RETURNING, the same on SQLite and PostgreSQL), so that limits hold across every instance sharing the database.
/// </summary>
public sealed class DbRateLimiter(AppDbContext db, IConfiguration config, TimeProvider clock)
{
    /// <summary>Null when the attempt is allowed; otherwise how long to wait before the next one.</summary>
    public async Task<TimeSpan?> HitAsync(string policyName, HttpContext http, string? account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!config.GetValue("RateLimits:Enabled", true))
        {
            return null;
        }
        var policy = PolicyFor(policyName);
        account ??= http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var windowSeconds = Math.Max(1, (long)policy.Window.TotalSeconds);
        var window = now - (now % windowSeconds);
        var retryAfter = TimeSpan.FromSeconds(window + windowSeconds - now);

        var refused = false;
        if (policy.PermitLimit > 0)
        {
            var ip = http.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
            refused |= await CountAsync(Key(policyName, "ip", ip), window, ct) > policy.PermitLimit;
        }
        if (policy.AccountPermitLimit > 0 && !string.IsNullOrWhiteSpace(account))
        {
            refused |= await CountAsync(Key(policyName, "account", AccountKey(account)), window, ct) > policy.AccountPermitLimit;
        }
        return refused ? retryAfter : null;
    }

    public RateLimitPolicy PolicyFor(string name)
    {
        if (!RateLimitPolicies.Defaults.TryGetValue(name, out var policy))
        {
            throw new ArgumentException($"Unknown rate-limit policy '{name}'.", nameof(name));
        }
        var section = config.GetSection("RateLimits:" + name);
        return new RateLimitPolicy(
            section.GetValue("PermitLimit", policy.PermitLimit),
            section.GetValue("AccountPermitLimit", policy.AccountPermitLimit),
            TimeSpan.FromMinutes(section.GetValue("WindowMinutes", policy.Window.TotalMinutes)));
    }

    private async Task<int> CountAsync(string key, long window, CancellationToken ct)
    {
        using var gate = await WriteGate.EnterAsync(db, ct);
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateLimitCounters" ("Key", "Window", "Count") VALUES ({key}, {window}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "RateLimitCounters"."Window" >= excluded."Window" THEN "RateLimitCounters"."Count" + 1 ELSE 1 END,
                "Window" = CASE WHEN "RateLimitCounters"."Window" > excluded."Window" THEN "RateLimitCounters"."Window" ELSE excluded."Window" END
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        return counts.Single();
    }

    /// <summary>
    /// One account or mailbox, however it is written: trimmed, lower case and, for an e-mail address, without the
    /// <c>+tag</c> that most mail services deliver to the same mailbox (<c>Lea+1@Exemple.fr</c> is <c>lea@exemple.fr</c>).
    /// </summary>
    public static string AccountKey(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = account.Trim().ToLowerInvariant();
        var at = key.LastIndexOf('@');
        if (at > 0 && key.IndexOf('+', StringComparison.Ordinal) is var plus and > 0 && plus < at)
        {
            key = key[..plus] + key[at..];
        }
        return key;
    }

    /// <summary>The counter's key: the policy, the kind of partition and a hash of its value (no address or e-mail stored).</summary>
    private static string Key(string policy, string kind, string value) =>
        $"{policy}:{kind}:{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 24)}";
}
