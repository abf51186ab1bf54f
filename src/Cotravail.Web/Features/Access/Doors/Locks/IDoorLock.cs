namespace Cotravail.Web.Features.Access.Doors.Locks;

/// <summary>Where a site's lock is reached: its API's address, the Nuki smart lock's id, and the token or signing secret (in clear, in memory only).</summary>
public sealed record LockTarget(int SiteId, string Url, long? SmartlockId, string Secret);

/// <summary>What a lock answered: done (with what it calls the grant), or not done and why, to try again later.</summary>
public sealed record LockAnswer(bool Done, string? Reference = null, string? Error = null)
{
    public static LockAnswer Failed(string error) => new(false, null, error);
}

/// <summary>
/// A keypad lock behind an API: gives a code for a window, takes it back. Both are idempotent (a grant sent twice after a
/// timeout is one grant; withdrawing one the lock does not have is done). A lock that is away answers not done, never throws.
/// </summary>
public interface IDoorLock
{
    LockKind Kind { get; }

    Task<LockAnswer> GrantAsync(LockTarget target, DoorGrant grant, CancellationToken ct);

    Task<LockAnswer> WithdrawAsync(LockTarget target, DoorGrant grant, CancellationToken ct);
}
