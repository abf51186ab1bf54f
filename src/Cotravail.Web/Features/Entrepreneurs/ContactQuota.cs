namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>New contacts a sender made on one (Paris) day: a conditional increment in the database caps them across instances.</summary>
public sealed class ContactQuota
{
    public string UserId { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Count { get; set; }
}
