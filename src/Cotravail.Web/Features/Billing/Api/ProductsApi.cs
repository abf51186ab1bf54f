using Cotravail.Web.Common.Security;
using System.Security.Claims;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Api;

/// <summary>
/// A product on sale. Kind: dayPass, halfDayPass, meetingRoomHour, carnet, subscription, officeRent. Prices in euro cents,
/// VAT included; reduced prices apply once a host has validated the category. <c>days</c>: a carnet's days, or a
/// subscription's days a month (null: unlimited); <c>validityMonths</c>: a carnet's validity.
/// </summary>
public sealed record ProductDto(int Id, int SiteId, string Kind, string Name, int PriceCents, int? JobSeekerPriceCents,
    int? StudentPriceCents, int? Days, int? ValidityMonths)
{
    public static ProductDto From(Product p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.SiteId, p.Kind.ApiName(), p.Name, p.PriceCents, p.JobSeekerPriceCents, p.StudentPriceCents, p.Days, p.ValidityMonths);
    }
}

/// <summary>A carnet or a month of subscription: <c>days</c> null and <c>remainingDays</c> null mean unlimited; dates inclusive.</summary>
public sealed record EntitlementDto(int Id, string Kind, string Name, int SiteId, int? Days, int Used, int? RemainingDays,
    DateOnly StartsOn, DateOnly ExpiresOn, bool Usable, string InvoiceNumber);

/// <summary>The member's carnets and subscriptions, newest first, and whether the free discovery day is still theirs.</summary>
public sealed record MyEntitlementsDto(bool DiscoveryDayAvailable, IReadOnlyList<EntitlementDto> Entitlements);

internal static class ProductsApi
{
    public static void MapProductsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sites/{id:int}/products", ProductsAsync).WithTags("Espaces").WithName("SiteProducts")
            .WithSummary("What a site sells (active products), with reduced prices per category.");
        app.MapGet("/api/v1/me/entitlements", MineAsync).WithTags("Facturation").WithName("MyEntitlements")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .WithSummary("My carnets and subscriptions: days remaining and expiry dates.");
    }

    private static async Task<Results<Ok<List<ProductDto>>, ProblemHttpResult>> ProductsAsync(int id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == id && !s.IsArchived, ct))
        {
            return ApiProblems.NotFound("Cet espace n'existe pas.");
        }
        var products = await db.Products.AsNoTracking().Where(p => p.SiteId == id && !p.IsArchived)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(products.Select(ProductDto.From).ToList());
    }

    private static async Task<Ok<MyEntitlementsDto>> MineAsync(CurrentUser me, AppDbContext db, BookingCover cover, TimeProvider clock, CancellationToken ct)
    {
        var userId = me.RequiredId;
        var today = ParisDay.Today(clock);
        var list = await db.Entitlements.AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.Invoices, e => e.InvoiceId, i => i.Id, (e, i) => new { e, i.Number })
            .OrderByDescending(x => x.e.ExpiresOn).ThenByDescending(x => x.e.Id).Take(200).ToListAsync(ct);
        var dtos = list.Select(x => new EntitlementDto(x.e.Id, x.e.Kind.ApiName(), x.e.Name, x.e.SiteId, x.e.Days, x.e.Used, x.e.Remaining,
            x.e.StartsOn, x.e.ExpiresOn, x.e.ExpiresOn >= today && (x.e.Days is null || x.e.Used < x.e.Days), x.Number)).ToList();
        return TypedResults.Ok(new MyEntitlementsDto(!await cover.HasUsedDiscoveryAsync(userId, ct), dtos));
    }
}
