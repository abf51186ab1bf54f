using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>A published report as the managers' list shows it.</summary>
public sealed record PublishedReportRow(
    int Id, string Network, DateOnly From, DateOnly To, int Bytes, DateTime PublishedAtUtc, string? PublishedBy, DateTime? WithdrawnAtUtc, string? WithdrawnBy);

/// <summary>
/// <c>/gestion/observatoire/rapports</c>: a manager publishes the public version of a period's report for one of their
/// networks (made now and kept as it is), sees the reports of their networks and withdraws one. A bad period, a network
/// not theirs or a period without activity answers the page with the message, 400, and nothing is published.
/// </summary>
public sealed class ReportsModel(AppDbContext db, StaffAccess staff, ActivityReports reports, TimeProvider clock) : LocalizedPage
{
    [BindProperty(Name = DownloadModel.NetworkField)]
    public string? Network { get; set; }

    [BindProperty(Name = ObservatoryPage.FromField)]
    public string? From { get; set; }

    [BindProperty(Name = ObservatoryPage.ToField)]
    public string? To { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<ReportNetwork> Networks { get; private set; } = [];

    public IReadOnlyList<PublishedReportRow> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // By default the year so far, up to the last complete month (the whole previous year in January).
        var today = Billing.Entitlements.ParisDay.Today(clock);
        var end = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        (From, To) = ($"{new DateOnly(end.Year, 1, 1):yyyy-MM-dd}", $"{end:yyyy-MM-dd}");
        await LoadAsync(ct);
        Network = Networks.Count > 0 ? Networks[0].Slug : null;
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var network = ReportNetworkChoice.Read(Network, Networks, out var networkError);
        if (networkError is not null)
        {
            ModelState.AddModelError(DownloadModel.NetworkField, T[networkError]);
        }
        var (from, to, errors) = Period.Read(From, To, clock);
        if (string.IsNullOrWhiteSpace(From))
        {
            errors["from"] = ["Indiquez le premier jour de la période."];
        }
        if (string.IsNullOrWhiteSpace(To))
        {
            errors["to"] = ["Indiquez le dernier jour de la période."];
        }
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "from" ? ObservatoryPage.FromField : ObservatoryPage.ToField, T[messages[0]]);
        }
        if (network is null || !ModelState.IsValid)
        {
            return Refused();
        }
        var (report, refusal) = await reports.PublishAsync(network, from, to, CurrentUser.RequiredId, ct);
        if (report is null)
        {
            ModelState.AddModelError(ObservatoryPage.ToField, T[refusal!]);
            return Refused();
        }
        Notice = T["Le rapport {0} de {1} est publié sur l'observatoire public.", ActivityReport.PeriodText(from, to), network.Name];
        return Redirect("/gestion/observatoire/rapports");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await reports.WithdrawAsync(id, await staff.ManagedNetworkIdsAsync(ct), CurrentUser.RequiredId, ct))
        {
            return NotFound();
        }
        Notice = T["Le rapport est retiré de l'observatoire public."];
        return Redirect("/gestion/observatoire/rapports");
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var managed = await staff.ManagedNetworkIdsAsync(ct);
        Networks = await reports.NetworksAsync(managed, ct);
        var rows = await db.PublishedReports().AsNoTracking().Where(r => managed.Contains(r.NetworkId))
            .Join(db.Networks, r => r.NetworkId, n => n.Id, (r, n) => new
            {
                r.Id, Network = n.Name, r.From, r.To, Bytes = r.Content.Length, r.PublishedAtUtc, r.PublishedById, r.WithdrawnAtUtc, r.WithdrawnById,
            })
            .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).Take(200).ToListAsync(ct);
        var ids = rows.SelectMany(r => new[] { r.PublishedById, r.WithdrawnById }).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName }).ToDictionaryAsync(u => u.Id, u => $"{u.FirstName} {u.LastName}".Trim(), ct);
        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id);
        Published = [.. rows.Select(r => new PublishedReportRow(r.Id, r.Network, r.From, r.To, r.Bytes, r.PublishedAtUtc, Name(r.PublishedById), r.WithdrawnAtUtc, Name(r.WithdrawnById)))];
    }
}
