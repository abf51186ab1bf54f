using Cotravail.Web.Common.Offline;
using Cotravail.Web.Common.Security;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Cotravail.Web.Common;

/// <summary>What every feature relies on: pages, localisation, errors, OpenAPI, health, the clock.</summary>
public static class WebModule
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Links in e-mails: PublicUrl, required in Production (checked here, before anything starts).
        var publicUrl = PublicAddress.Read(builder.Configuration, builder.Environment);
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new PublicAddress(publicUrl, sp.GetRequiredService<IHttpContextAccessor>()));
        // French text is written as is (« Évêque »), not as character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCotravailLocalisation();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o => Localisation.UseFrenchBindingMessages(o.ModelBindingMessageProvider));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrenchProblemDetails.Customize);
        services.AddExceptionHandler<GlobalExceptionHandler>();
        // Request types carry their rules (DataAnnotations); the validation filter answers before the handler runs.
        services.AddValidation();
        // A query or route value its parameter's type refuses reaches GlobalExceptionHandler, which names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1");
        services.AddOutputCache();
        services.AddCotravailCompression();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<Mail.MailHealthCheck>("mail");
        services.AddAntiforgery(o => o.Cookie.Name = "cotravail.af");
        return builder;
    }

    /// <param name="afterAuthorization">What runs once the person is known and before any page or endpoint (managers' 2FA hold).</param>
    public static WebApplication UseWeb(this WebApplication app, Action<WebApplication> afterAuthorization)
    {
        app.UseTransportSecurity();
        app.UseResponseCompression();
        app.UseExceptionHandler("/erreur");
        app.UseWhen(c => c.IsApi(), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.IsApi(), a => a.UseStatusCodePagesWithReExecute("/erreur/{0}"));
        app.UseApiBodyLimit();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseOfflineAccount();
        app.UseAuthorization();
        ArgumentNullException.ThrowIfNull(afterAuthorization);
        afterAuthorization(app);
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        // Liveness without the database: the process answers. Also the ceiling of bench/.
        app.MapGet("/health/live", () => Results.Text("OK")).ExcludeFromDescription();
        app.MapLanguageSwitch();
        return app;
    }
}
