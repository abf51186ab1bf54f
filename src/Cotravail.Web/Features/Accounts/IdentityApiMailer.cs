using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts;

/// <summary>
/// The <see cref="IEmailSender{TUser}"/> of Identity's API endpoints. They take it once, when the routes are mapped, and
/// keep it for the application's lifetime: each mail is therefore written through a scope of its own (its own
/// database context, leased from the pool and given back), never through one context shared by every request.
/// </summary>
internal sealed class IdentityApiMailer(IServiceScopeFactory scopes) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        InScopeAsync(m => m.SendConfirmationLinkAsync(user, email, confirmationLink));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        InScopeAsync(m => m.SendPasswordResetLinkAsync(user, email, resetLink));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        InScopeAsync(m => m.SendPasswordResetCodeAsync(user, email, resetCode));

    private async Task InScopeAsync(Func<IdentityMailer, Task> send)
    {
        await using var scope = scopes.CreateAsyncScope();
        await send(scope.ServiceProvider.GetRequiredService<IdentityMailer>());
    }
}
