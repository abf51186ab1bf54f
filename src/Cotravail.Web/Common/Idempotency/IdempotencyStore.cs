using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common.Idempotency;

/// <summary>An answer to keep: status, JSON body, Location.</summary>
public sealed record StoredResponse(int StatusCode, object? Body, string? Location = null, bool IsProblem = false);

/// <summary>
/// Makes a retried request safe (<c>Idempotency-Key</c> header). The key is claimed in the database before the work runs,
/// so two concurrent requests with one key never both run; the first answer is stored and given again to a retry
/// with the same body; the same key with another body answers 422.
/// </summary>
public sealed class IdempotencyStore(AppDbContext db, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    /// <summary>How long a claim without an answer blocks its key.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public static string Hash(string method, string path, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{body}")));

    public async Task<IResult> RunAsync(string scope, string key, string requestHash, Func<Task<StoredResponse>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (key.Length is 0 or > 100)
        {
            return Problem(400, "L'en-tête Idempotency-Key doit contenir de 1 à 100 caractères.");
        }
        var existing = await FindAsync(scope, key, ct);
        if (existing is { StatusCode: 0 } && existing.CreatedAtUtc < clock.GetUtcNow().UtcDateTime - AbandonedAfter)
        {
            // A claim whose request died before answering: the work did not commit (see below), so it may run again.
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.StatusCode == 0).ExecuteDeleteAsync(ct);
            existing = null;
        }
        if (existing is not null)
        {
            return Replay(existing, requestHash);
        }
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = requestHash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Replay((await FindAsync(scope, key, ct))!, requestHash);
        }
        db.ChangeTracker.Clear();
        StoredResponse response;
        try
        {
            response = await work();
        }
        catch
        {
            // The work failed before committing (what it does after committing cannot be cancelled and does not throw):
            // free the key so that a retry runs it.
            db.ChangeTracker.Clear();
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        var json = JsonSerializer.Serialize(response.Body, JsonSerializerOptions.Web);
        var status = response.IsProblem ? -response.StatusCode : response.StatusCode;
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, status).SetProperty(r => r.Body, json).SetProperty(r => r.Location, response.Location), CancellationToken.None);
        return ToResult(response.StatusCode, json, response.Location, response.IsProblem);
    }

    /// <summary>
    /// For forms: claims a one-time token (a hidden field written with the form). False when it was already used —
    /// the form was submitted twice — so the second submission does nothing.
    /// </summary>
    public async Task<bool> TryClaimOnceAsync(string scope, string token, CancellationToken ct)
    {
        if (token.Length is 0 or > 100)
        {
            return false;
        }
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = scope, Key = token, RequestHash = "form", StatusCode = 200, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>For forms: where the answer of a claimed token's work is (a page), so that a second submission is sent there.</summary>
    public Task RememberOnceAsync(string scope, string token, string location, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == token)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Location, location), ct);

    /// <summary>The page <see cref="RememberOnceAsync"/> kept for a token; null while its work runs, or when it kept none.</summary>
    public async Task<string?> OnceLocationAsync(string scope, string token, CancellationToken ct) =>
        token.Length is 0 or > 100 ? null : (await FindAsync(scope, token, ct))?.Location;

    private Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);

    private static IResult Replay(IdempotencyRecord record, string requestHash)
    {
        if (!string.Equals(record.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return Problem(422, "Cette clé Idempotency-Key a déjà servi pour une autre requête.");
        }
        if (record.StatusCode == 0)
        {
            return Problem(409, "Une requête avec cette clé Idempotency-Key est en cours ; réessayez dans un instant.");
        }
        return ToResult(Math.Abs(record.StatusCode), record.Body ?? "null", record.Location, record.StatusCode < 0);
    }

    /// <summary>An answer as it is given the first time (and stored for a retry).</summary>
    public static IResult ToResult(StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ToResult(response.StatusCode, JsonSerializer.Serialize(response.Body, JsonSerializerOptions.Web), response.Location, response.IsProblem);
    }

    private static IResult ToResult(int status, string json, string? location, bool problem)
    {
        var content = Results.Content(json, problem ? "application/problem+json" : "application/json", Encoding.UTF8, status);
        return location is null ? content : new WithLocation(content, location);
    }

    private static IResult Problem(int status, string title) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title });

    private sealed class WithLocation(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
