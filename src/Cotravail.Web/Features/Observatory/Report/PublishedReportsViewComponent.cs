using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>A report the public can read: its period, its size, the day it was published.</summary>
public sealed record PublicReportLink(int Id, DateOnly From, DateOnly To, int Bytes, DateOnly PublishedOn)
{
    public string Url => PublishedReport.Url(Id);

    public string Period => ActivityReport.PeriodText(From, To);

    public int Kilobytes => Math.Max(1, (Bytes + 512) / 1024);
}

/// <summary>
/// The published « rapports d'activité » of a network, latest period first, for the public observatory:
/// <c>@await Component.InvokeAsync("PublishedReports", new { networkId })</c>. Nothing is written when there is none.
/// </summary>
public sealed class PublishedReportsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int networkId)
    {
        var rows = await db.PublishedReports().AsNoTracking()
            .Where(r => r.NetworkId == networkId && r.WithdrawnAtUtc == null)
            .OrderByDescending(r => r.To).ThenByDescending(r => r.From).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.From, r.To, Bytes = r.Content.Length, r.PublishedAtUtc })
            .Take(50).ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Observatory/Report/_PublishedReports.cshtml", rows.Select(r => new PublicReportLink(r.Id, r.From, r.To, r.Bytes, Billing.Entitlements.ParisDay.Of(r.PublishedAtUtc))).ToList());
    }
}
