namespace Cotravail.Web.Features.Access.Doors;

/// <summary>How people open a site's door when nobody is at the desk.</summary>
public enum DoorMode
{
    /// <summary>No code: the door is opened by the staff (the default).</summary>
    None = 0,

    /// <summary>One code for everybody, shown to the site's hosts, who share it; a new one each day at local midnight.</summary>
    DailyCode = 1,

    /// <summary>A code of their own for each booking and each subscription or carnet, valid only during its hours at the site.</summary>
    PersonalCodes = 2,
}

/// <summary>What the codes are pushed to.</summary>
public enum LockKind
{
    /// <summary>No connected lock: the codes are only shown (a lock programmed by hand, a key box).</summary>
    None = 0,

    /// <summary>A Nuki smart lock with its keypad, through the Nuki Web API.</summary>
    Nuki = 1,

    /// <summary>Any system that takes signed JSON grants and withdrawals at an address (see <see cref="Locks.WebhookLock"/>).</summary>
    Webhook = 2,
}

/// <summary>
/// A site's door access, set by the managers of its network on « Accès par code ». The lock's token or signing secret and
/// the key the codes are drawn from are kept protected with ASP.NET Core Data Protection and never shown back.
/// </summary>
public sealed class SiteDoorAccess
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int NetworkId { get; set; }
    public DoorMode Mode { get; set; }
    public LockKind Lock { get; set; }

    /// <summary>The lock's API: Nuki Web API's base address (https://api.nuki.io) or the webhook's address.</summary>
    public string? LockUrl { get; set; }

    /// <summary>Nuki: the smart lock's id in Nuki Web.</summary>
    public long? NukiSmartlockId { get; set; }

    /// <summary>Nuki: the API token; webhook: the signing secret. Protected.</summary>
    public string? LockSecretProtected { get; set; }

    /// <summary>The site's own key the codes are drawn from (32 random bytes, Base64), protected.</summary>
    public string CodeKeyProtected { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByUserId { get; set; } = "";
}
