using Cotravail.Web.Common.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Cotravail.Web.Features.Accounts.Registration;

/// <summary>
/// Registering with an address that already has an account, on the page or through <c>/api/v1/auth/register</c>, answers
/// as for a new address, so that nobody learns which addresses have an account; the mailbox's owner is told instead:
/// a new confirmation link while the account is not confirmed, else « vous avez déjà un compte » (sign in, or choose a
/// new password). Those mails go out at most as often as the account-mail limit allows, per client and per address.
/// </summary>
public sealed class ExistingAccountRegistration(UserManager<AppUser> users, AccountMails mails, DbRateLimiter limits)
{
    public async Task AnswerAsync(HttpContext http, AppUser existing, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(existing);
        // As long as creating an account would take: the answer's delay does not tell either.
        _ = users.PasswordHasher.HashPassword(existing, password);
        if (await limits.HitAsync(RateLimitPolicies.AccountMail, http, existing.Email, http.RequestAborted) is not null)
        {
            return;
        }
        await (existing.EmailConfirmed ? mails.SendAlreadyRegisteredAsync(existing) : mails.SendConfirmationAsync(existing));
    }

    /// <summary>
    /// An endpoint filter for Identity's <c>/register</c>: an address that has an account, with a password Identity would
    /// accept, gets the same empty 200 as a new one (Identity would answer « DuplicateUserName »). A password it would
    /// refuse is still refused in the same words as for a new address, since Identity checks the password first.
    /// </summary>
    public static EndpointFilterDelegate OnApiRegistration(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!factory.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(RegisterRequest)))
        {
            return next;
        }
        return async context =>
        {
            if (context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is { Email: { Length: > 0 } email, Password: { } password })
            {
                var services = context.HttpContext.RequestServices;
                var users = services.GetRequiredService<UserManager<AppUser>>();
                if (await users.FindByEmailAsync(email) is { } existing && await AcceptableAsync(users, password))
                {
                    await services.GetRequiredService<ExistingAccountRegistration>().AnswerAsync(context.HttpContext, existing, password);
                    return TypedResults.Ok();
                }
            }
            return await next(context);
        };
    }

    private static async Task<bool> AcceptableAsync(UserManager<AppUser> users, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, new AppUser(), password)).Succeeded)
            {
                return false;
            }
        }
        return true;
    }
}
