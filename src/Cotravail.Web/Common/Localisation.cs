using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Cotravail.Web.Common;

public static class Localisation
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo[] Supported = [French, English];

    public static IServiceCollection AddCotravailLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(French);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            // French first: the browser's Accept-Language does not switch the site to English,
            // only the language switch (cookie) or ?culture=en does.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>French messages for the model binder (a value that cannot be read, a missing value…).</summary>
    public static void UseFrenchBindingMessages(DefaultModelBindingMessageProvider p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.SetValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
        p.SetAttemptedValueIsInvalidAccessor((v, f) => $"La valeur « {v} » n'est pas valide pour « {f} ».");
        p.SetValueMustBeANumberAccessor(f => $"Le champ « {f} » doit être un nombre.");
        p.SetValueMustNotBeNullAccessor(f => $"Le champ « {f} » est obligatoire.");
        p.SetMissingBindRequiredValueAccessor(f => $"Le champ « {f} » est obligatoire.");
        p.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Le contenu de la requête est vide.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"La valeur « {v} » n'est pas valide.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur fournie n'est pas valide.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        p.SetUnknownValueIsInvalidAccessor(f => $"La valeur fournie pour « {f} » n'est pas valide.");
    }
}
