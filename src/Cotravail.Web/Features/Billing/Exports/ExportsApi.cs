using System.Security.Claims;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using System.Globalization;
using Cotravail.Web.Common.Security;

namespace Cotravail.Web.Features.Billing.Exports;

internal static class ExportsApi
{
    /// <summary><c>GET /api/v1/exports/ventes.csv?from=&amp;to=</c> and <c>/encaissements.csv</c>: managers, their networks.</summary>
    public static void MapExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/exports/{journal:regex(^(ventes|encaissements)$)}.csv", async (
                string journal, Day? from, Day? to, StaffAccess staff, AccountingExport export, CancellationToken ct) =>
            {
                var networks = await staff.ManagedNetworkIdsAsync(ct);
                if (networks.Count == 0)
                {
                    return Results.Forbid();
                }
                // Both ends are required, said after the managers' check (a missing date is no business of anyone else).
                if (from is null || to is null)
                {
                    return ApiProblems.Invalid(from is null ? "from" : "to", Day.Required);
                }
                if (!DayRange.TryCreate(from.Value.Date, to.Value.Date, out var period, out var problem))
                {
                    return ApiProblems.Invalid(DayRange.EndField, problem);
                }
                var (start, end) = (period.From, period.To);
                var bytes = journal == "ventes"
                    ? await export.SalesAsync(networks, start, end, ct)
                    : await export.PaymentsAsync(networks, start, end, ct);
                return Results.File(bytes, "text/csv; charset=utf-8", $"journal-{journal}-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
            })
            .RequireAuthorization(AccountsModule.ApiPolicy).WithTags("Facturation").WithName("AccountingJournal")
            .WithSummary("Managers: the sales journal (ventes) or the payments journal (encaissements) of a period, as CSV.");
}
