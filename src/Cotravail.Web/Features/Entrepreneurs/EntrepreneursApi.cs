using System.Globalization;
using Cotravail.Web.Data;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

public sealed record ProfileDto(
    int Id, string Kind, string Name, string? Sector, string? SectorLabel, IReadOnlyList<string> Skills, string Commune, string Postcode,
    string? Website, string PresentationHtml, string Offers, string Seeks, string? PhotoUrl, string Url);

public sealed record DirectoryDto(int Total, int Page, int PageCount, IReadOnlyList<ProfileDto> Items);

public sealed record ListingDto(
    int Id, string Kind, string Category, string Title, string Body, IReadOnlyList<string> Skills, DateOnly ExpiresOn,
    int ProfileId, string ProfileName, string Commune, string Url);

public sealed record BoardDto(int Total, int Page, int PageCount, IReadOnlyList<ListingDto> Items);

/// <summary>
/// The directory and the board for programs. Public profiles for everyone; members' profiles too for a signed-in
/// member (cookie or bearer token). Hidden profiles never. Also the directory as CSV, under the same rule.
/// </summary>
internal static class EntrepreneursApi
{
    private const string BadRequestTitle = "Certaines informations ne sont pas valides.";
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public static void MapEntrepreneursApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/directory", DirectoryAsync).WithTags("Réseau").WithName("Directory")
            .WithSummary("Visible profiles: public ones for everyone, members' ones for signed-in members. q (accents and case ignored), sector (A–U), skill, commune, page.");
        app.MapGet("/api/v1/listings", ListingsAsync).WithTags("Réseau").WithName("Listings")
            .WithSummary("Open offers and needs of visible profiles, newest first. kind (offer|need), category, q, page.");
        app.MapGet("/annuaire/export.csv", ExportAsync).WithTags("Réseau").WithName("DirectoryCsv")
            .WithSummary("The visible profiles as CSV (name, kind, sector, skills, commune, website).");
    }

    private static async Task<Results<Ok<DirectoryDto>, ValidationProblem>> DirectoryAsync(
        HttpContext http, string? q, string? sector, string? skill, string? commune, string? page, DirectoryQuery directory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(sector) && !NafSections.IsCode(sector))
        {
            errors["sector"] = ["Le secteur est une lettre de A à U (sections de la NAF)."];
        }
        var number = Page(page, errors);
        if ((q?.Length ?? 0) > 200)
        {
            errors["q"] = ["La recherche fait au plus 200 caractères."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: BadRequestTitle);
        }
        var viewer = await DirectoryVisibility.MemberIdAsync(http);
        var result = await directory.SearchAsync(new DirectoryFilter(q, sector, skill, commune, number), viewer, ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        return TypedResults.Ok(new DirectoryDto(result.Total, result.Page, result.PageCount, [.. result.Profiles.Select(p => Dto(p, baseUrl))]));
    }

    private static async Task<Results<Ok<BoardDto>, ValidationProblem>> ListingsAsync(
        HttpContext http, string? kind, string? category, string? q, string? page, BoardQuery board, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var chosenKind = BoardQuery.ParseKind(kind);
        if (!string.IsNullOrEmpty(kind) && chosenKind is null)
        {
            errors["kind"] = ["Le type doit être offer ou need."];
        }
        var chosenCategory = BoardQuery.ParseCategory(category);
        if (!string.IsNullOrEmpty(category) && chosenCategory is null)
        {
            errors["category"] = ["La catégorie doit être service, collaboration, subcontracting, equipment, carsharing ou other."];
        }
        var number = Page(page, errors);
        if ((q?.Length ?? 0) > 200)
        {
            errors["q"] = ["La recherche fait au plus 200 caractères."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: BadRequestTitle);
        }
        var viewer = await DirectoryVisibility.MemberIdAsync(http);
        var result = await board.SearchAsync(new BoardFilter(chosenKind, chosenCategory, q, number), viewer, ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        return TypedResults.Ok(new BoardDto(result.Total, result.Page, result.PageCount, [.. result.Listings.Select(l => new ListingDto(
            l.Id, l.Kind == ListingKind.Offer ? "offer" : "need", l.Category.ToString().ToLowerInvariant(), l.Title, l.Body,
            SearchText.Tags(l.Skills), l.ExpiresOn, l.ProfileId, l.Profile!.Name, l.Profile.Commune, $"{baseUrl}/annonces/{l.Id}"))]));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, AppDbContext db, Audiences audiences, CancellationToken ct)
    {
        var audience = await audiences.ForAsync(await DirectoryVisibility.MemberIdAsync(http), ct);
        var profiles = await db.Profiles().AsNoTracking().VisibleTo(audience).OrderBy(p => p.Name).ToListAsync(ct);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Csv, leaveOpen: true))
        {
            csv.WriteRecord(["nom", "type", "secteur", "competences", "commune", "code_postal", "site_web"]);
            foreach (var p in profiles)
            {
                csv.WriteRecord([p.Name, ListingText.ProfileKind(p.Kind), NafSections.Label(p.Sector), p.Skills, p.Commune, p.Postcode, p.Website ?? ""]);
            }
        }
        return Results.File(stream.ToArray(), "text/csv; charset=utf-8", "annuaire.csv");
    }

    public static ProfileDto Dto(Profile p, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Kind.ToString().ToLowerInvariant(), p.Name, p.Sector, p.Sector is null ? null : NafSections.Label(p.Sector),
            SearchText.Tags(p.Skills), p.Commune, p.Postcode, p.Website, Events.EventText.ToHtml(p.Presentation), p.Offers, p.Seeks,
            p.HasPhoto ? $"{baseUrl}/annuaire/{p.Id}/photo?v={p.PhotoVersion}" : null, $"{baseUrl}/annuaire/{p.Id}");
    }

    private static int Page(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000)
        {
            return n;
        }
        errors["page"] = ["La page est un nombre entier de 1 à 10 000."];
        return 1;
    }
}

/// <summary>
/// Photos and logos, served from the database with the content type found when they were checked, never the one the
/// upload declared; <c>nosniff</c>, inline with a fixed file name, and a CSP that allows nothing to run.
/// </summary>
internal static class ProfilePhotos
{
    public static void MapProfilePhotos(this IEndpointRouteBuilder app) =>
        app.MapGet("/annuaire/{id:int}/photo", async (int id, HttpContext http, AppDbContext db, Audiences audiences, CancellationToken ct) =>
        {
            var member = await DirectoryVisibility.MemberIdAsync(http);
            var profile = await db.Profiles().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (profile is null || !(profile.OwnerUserId == member
                || await db.Profiles().VisibleTo(await audiences.ForAsync(member, ct)).AnyAsync(p => p.Id == id, ct)))
            {
                return Results.NotFound();
            }
            var photo = await db.ProfilePhotos().AsNoTracking().FirstOrDefaultAsync(p => p.ProfileId == id, ct);
            if (photo is null || photo.ContentType is not ("image/jpeg" or "image/png" or "image/webp"))
            {
                return Results.NotFound();
            }
            var extension = photo.ContentType[(photo.ContentType.IndexOf('/', StringComparison.Ordinal) + 1)..].Replace("jpeg", "jpg", StringComparison.Ordinal);
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.ContentDisposition = $"inline; filename=\"photo-{id}.{extension}\"";
            h.ContentSecurityPolicy = "default-src 'none'; sandbox";
            h.CacheControl = profile.Visibility == Visibility.Public ? "public, max-age=300" : "private, max-age=300";
            return Results.Bytes(photo.Content, photo.ContentType);
        }).WithTags("Réseau").WithName("ProfilePhoto").ExcludeFromDescription();
}
