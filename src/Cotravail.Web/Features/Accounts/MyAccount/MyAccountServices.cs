namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>« Mon compte » (<c>/compte</c>) and <c>/api/v1/me/account</c>: registered by <see cref="AccountsModule"/>.</summary>
public static class MyAccountServices
{
    public static IServiceCollection AddMyAccount(this IServiceCollection services)
    {
        services.AddScoped<EmailChangeMails>();
        services.AddScoped<EmailChange>();
        services.AddSingleton<PreferredLanguage>();
        return services;
    }
}
