using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Cotravail.Web.Features.Accounts;

/// <summary>Every account made by registering (on the site or through the API) is a member's.</summary>
public static class MemberRole
{
    public static async Task GrantAsync(IServiceProvider services, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(services);
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Member))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Member));
        }
        if (!await users.IsInRoleAsync(user, Roles.Member))
        {
            await users.AddToRoleAsync(user, Roles.Member);
        }
    }

    /// <summary>
    /// An endpoint filter for Identity's <c>/register</c> endpoint (the only one taking a <see cref="RegisterRequest"/>):
    /// once it has created the account, the account gets the role <see cref="Roles.Member"/>.
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
            var result = await next(context);
            if (result is INestedHttpResult { Result: Ok }
                && context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is { } registration)
            {
                var services = context.HttpContext.RequestServices;
                var users = services.GetRequiredService<UserManager<AppUser>>();
                if (await users.FindByEmailAsync(registration.Email) is { } user)
                {
                    await GrantAsync(services, user);
                }
            }
            return result;
        };
    }
}
