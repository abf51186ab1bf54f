using System.Security.Claims;
using Cotravail.Web.Common.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>« Mon compte » for programs: <c>GET</c> and <c>PUT /api/v1/me/account</c>, <c>POST /api/v1/me/account/email</c>.</summary>
public static class MyAccountApi
{
    /// <summary>
    /// The account as <c>GET</c> gives it and <c>PUT</c> takes it back (e-mail read-only: changed through <c>/email</c>);
    /// <c>communeInsee</c> is read-only too: <c>PUT</c> takes the commune by its name or its INSEE code in <c>commune</c>.
    /// </summary>
    public sealed record AccountDto(
        string Email, string FirstName, string LastName, string? Phone, string? Postcode, string? Commune, string? CommuneInsee, string Language,
        bool WantsReminders, bool WantsDigest, bool WantsNews);

    public sealed record AccountRequest(
        string? FirstName, string? LastName, string? Phone, string? Postcode, string? Commune, string? Language,
        bool? WantsReminders, bool? WantsDigest, bool? WantsNews);

    public sealed record EmailChangeRequest(string? NewEmail, string? Password);

    public static void MapMyAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/account").WithTags("Comptes").RequireAuthorization(AccountsModule.ApiPolicy);
        group.MapGet("", GetAsync).WithName("MyAccount")
            .WithSummary("The signed-in person's details, language and the e-mails they choose to receive.");
        group.MapPut("", PutAsync).WithName("UpdateMyAccount")
            .WithSummary("Changes name, phone (French formats, kept in E.164), postcode and commune (name or INSEE code; required when the postcode has several), language (fr, en) and the e-mails received; a French message per wrong field.");
        group.MapPost("/email", EmailAsync).WithName("ChangeMyEmail")
            .WithSummary("Starts a change of address (current password required): a link goes to the new address, the old one is warned; nothing changes until the link is opened.");
    }

    private static async Task<Results<Ok<AccountDto>, UnauthorizedHttpResult>> GetAsync(ClaimsPrincipal principal, UserManager<AppUser> users) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(Dto(user)) : TypedResults.Unauthorized();

    private static async Task<Results<Ok<AccountDto>, ValidationProblem, UnauthorizedHttpResult>> PutAsync(
        AccountRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, HttpContext http, PreferredLanguage language)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        var (details, errors) = new AccountDetails(request.FirstName, request.LastName, request.Phone, request.Postcode, request.Commune,
            request.Language, request.WantsReminders, request.WantsDigest, request.WantsNews).Check(user);
        if (details is null)
        {
            return ApiProblems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal));
        }
        details.ApplyTo(user);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return ApiProblems.Invalid(ApiProblems.Errors("", string.Join(" ", result.Errors.Select(e => e.Description))));
        }
        language.Apply(http, user);
        return TypedResults.Ok(Dto(user));
    }

    private static async Task<Results<Accepted, ValidationProblem, UnauthorizedHttpResult>> EmailAsync(
        EmailChangeRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, HttpContext http, EmailChange change)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        var errors = await change.StartAsync(http, user, request.NewEmail, request.Password);
        return errors.Count > 0
            ? ApiProblems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal))
            : TypedResults.Accepted((string?)null);
    }

    private static AccountDto Dto(AppUser u) => new(u.Email ?? "", u.FirstName, u.LastName, u.PhoneNumber, u.Postcode, u.Commune, u.CommuneInsee,
        u.PreferredCulture ?? "fr", u.WantsReminders, u.WantsDigest, u.WantsNews);
}
