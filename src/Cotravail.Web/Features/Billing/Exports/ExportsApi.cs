using Cotravail.Web.Features.Sites;
using System.Globalization;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Common.Security;

namespace Cotravail.Web.Features.Billing.Exports;

internal static class ExportsApi
{
    /// <summary><c>GET /api/v1/exports/ventes.csv?from=&amp;to=</c> and <c>/encaissements.csv</c>: managers, their networks.</summary>
    public static void MapExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/exports/{journal:regex(^(ventes|encaissements)$)}.csv", async (
                string journal, string? from, string? to, StaffAccess staff, AccountingExport export, CancellationToken ct) =>
            {
                var networks = await staff.ManagedNetworkIdsAsync(ct);
                if (networks.Count == 0)
                {
                    return Results.Forbid();
                }
                var errors = new Dictionary<string, string[]>();
                var start = Day(from, "from", errors);
                var end = Day(to, "to", errors);
                if (errors.Count == 0 && end < start)
                {
                    errors["to"] = ["La fin de la période doit être après son début."];
                }
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, title: "Certaines informations ne sont pas valides.");
                }
                var bytes = journal == "ventes"
                    ? await export.SalesAsync(networks, start, end, ct)
                    : await export.PaymentsAsync(networks, start, end, ct);
                return Results.File(bytes, "text/csv; charset=utf-8", $"journal-{journal}-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
            })
            .RequireAuthorization(AccountsModule.ApiPolicy).WithTags("Facturation").WithName("AccountingJournal")
            .WithSummary("Managers: the sales journal (ventes) or the payments journal (encaissements) of a period, as CSV.");

    private static DateOnly Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Common.Dates.IsPlausible(d))
        {
            return d;
        }
        errors[field] = ["La date est obligatoire et s'écrit AAAA-MM-JJ (entre 2000 et 2100)."];
        return default;
    }
}
