namespace Cotravail.Web.Features.Access.Doors;

/// <summary>What a code is for.</summary>
public enum GrantKind
{
    /// <summary>A booking: its slot.</summary>
    Booking = 0,

    /// <summary>A subscription or carnet: the site's opening hours on a day it may be used.</summary>
    Entitlement = 1,

    /// <summary>The site's code of the day (its source is the day's number).</summary>
    Daily = 2,
}

/// <summary>Where a grant stands with the lock.</summary>
public enum GrantState
{
    /// <summary>To be sent to the lock.</summary>
    Pending = 0,

    /// <summary>The lock has it.</summary>
    Granted = 1,

    /// <summary>To be taken off the lock (cancelled, expired, no longer wanted).</summary>
    Withdrawing = 2,

    /// <summary>Off the lock, or never sent there: kept for the record, deleted after a while.</summary>
    Withdrawn = 3,
}

/// <summary>
/// One code for one window at one site's lock, as the reconciliation (<see cref="DoorSync"/>) keeps it: what it wants on
/// the lock and where the lock stands. The code shown to a member is computed from the booking, not read from here, so
/// a lock that is away never hides it.
/// </summary>
public sealed class DoorGrant
{
    public long Id { get; set; }
    public int SiteId { get; set; }
    public GrantKind Kind { get; set; }

    /// <summary>The booking's or entitlement's id, or the day's number for the code of the day.</summary>
    public int SourceId { get; set; }
    public string? UserId { get; set; }
    public string Code { get; set; } = "";
    public DateTime FromUtc { get; set; }
    public DateTime UntilUtc { get; set; }
    public GrantState State { get; set; }

    /// <summary>What the lock calls it (the Nuki authorization's name and id, the webhook's grant id).</summary>
    public string? LockReference { get; set; }
    public int Attempts { get; set; }
    public DateTime NextTryUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
