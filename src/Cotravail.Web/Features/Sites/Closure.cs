namespace Cotravail.Web.Features.Sites;

/// <summary>Dates a site is shut (inclusive range), with a reason shown to the public.</summary>
public sealed class Closure
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string Reason { get; set; } = "";

    public bool Includes(DateOnly day) => day >= StartDate && day <= EndDate;
}
