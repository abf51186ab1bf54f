using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>
/// The « rapports d'activité » (ADR 0053): the managers' PDF at <c>/gestion/observatoire/rapport</c>, publishing at
/// <c>/gestion/observatoire/rapports</c> (both for managers, scoped to their networks), and the published reports served
/// to everyone at <c>/observatoire/rapports/{id}.pdf</c> until withdrawn.
/// </summary>
public static class ReportModule
{
    public static IServiceCollection AddActivityReports(this IServiceCollection services)
    {
        services.AddScoped<ActivityReports>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Observatory/Report", Roles.Manager));
        services.AddAudited<PublishedReport>("PublishedReport", "Rapport d'activité publié", r => AuditScope.OfNetwork(r.NetworkId),
            fields: new AuditFields<PublishedReport>("Rapport d'activité publié", "Rapports d'activité publiés", feminine: false)
                .Reference(nameof(PublishedReport.NetworkId), "Réseau")
                .Date(nameof(PublishedReport.From), "Du")
                .Date(nameof(PublishedReport.To), "Au")
                .Site(nameof(PublishedReport.SiteId), "Espace")
                .Instant(nameof(PublishedReport.PublishedAtUtc), "Publié le")
                .Person(nameof(PublishedReport.PublishedById), "Publié par")
                .Instant(nameof(PublishedReport.WithdrawnAtUtc), "Retiré le")
                .Person(nameof(PublishedReport.WithdrawnById), "Retiré par")
                .Hide(nameof(PublishedReport.Content), AuditFields<PublishedReport>.Technical));
        return services;
    }

    public static IEndpointRouteBuilder MapActivityReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/observatoire/rapports/{id:int}.pdf", async (int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var report = await db.PublishedReports().AsNoTracking().Where(r => r.Id == id && r.WithdrawnAtUtc == null)
                .Join(db.Networks, r => r.NetworkId, n => n.Id, (r, n) => new { r.Content, r.From, r.To, n.Slug })
                .FirstOrDefaultAsync(ct);
            if (report is null)
            {
                return Results.NotFound();
            }
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            // Read in the browser; a withdrawn report must not stay in caches.
            h.CacheControl = "no-cache";
            h.ContentDisposition = new System.Net.Mime.ContentDisposition
            {
                Inline = true, FileName = ActivityReport.FileName(report.Slug, report.From, report.To),
            }.ToString();
            return Results.Bytes(report.Content, "application/pdf");
        }).WithTags("Observatoire").WithName("PublishedReport").ExcludeFromDescription();
        return app;
    }
}
