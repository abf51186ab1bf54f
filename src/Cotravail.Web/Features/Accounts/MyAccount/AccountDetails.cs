using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>What « Mon compte » changes (and <c>PUT /api/v1/me/account</c>), as typed; <see cref="Check"/> gives it back normalised.</summary>
public sealed record AccountDetails(
    string? FirstName, string? LastName, string? Phone, string? Postcode, string? Commune, string? Language,
    bool? WantsReminders, bool? WantsDigest, bool? WantsNews)
{
    public const int NameMaxLength = 100;

    public const string SeveralCommunes = "Plusieurs communes ont ce code postal : choisissez la vôtre dans la liste.";

    public static readonly string[] Languages = ["fr", "en"];

    /// <summary>The account's details as they are.</summary>
    public static AccountDetails Of(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.FirstName, user.LastName, user.PhoneNumber, user.Postcode, user.Commune, user.PreferredCulture ?? "fr",
            user.WantsReminders, user.WantsDigest, user.WantsNews);
    }

    /// <summary>
    /// The details normalised (phone in E.164, the commune's official name), or the French message of each field that
    /// is wrong, named as the API names it (« firstName », « phone »…). A postcode outside the communes reference is
    /// refused, unless it is the one the account already holds (an older account keeps its postcode).
    /// </summary>
    public (AccountDetails? Details, Dictionary<string, string> Errors) Check(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = Name(FirstName, "firstName", "Indiquez votre prénom.", "Le prénom ne doit pas dépasser 100 caractères.", errors);
        var last = Name(LastName, "lastName", "Indiquez votre nom.", "Le nom ne doit pas dépasser 100 caractères.", errors);
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(Phone) && (phone = PhoneNumbers.Normalise(Phone)) is null)
        {
            errors["phone"] = PhoneNumbers.Invalid;
        }
        var (postcode, commune) = Place(user, errors);
        var language = Language?.Trim().ToLowerInvariant();
        if (language is null || !Languages.Contains(language))
        {
            errors["language"] = "Choisissez la langue du site : français (fr) ou anglais (en).";
        }
        Required(WantsReminders, "wantsReminders", errors);
        Required(WantsDigest, "wantsDigest", errors);
        Required(WantsNews, "wantsNews", errors);
        return errors.Count > 0 ? (null, errors)
            : (new AccountDetails(first, last, phone, postcode, commune, language, WantsReminders, WantsDigest, WantsNews), errors);
    }

    /// <summary>Writes checked details on the account (saved by the caller).</summary>
    public void ApplyTo(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.FirstName = FirstName!;
        user.LastName = LastName!;
        user.PhoneNumber = Phone;
        user.Postcode = Postcode;
        user.Commune = Commune;
        user.PreferredCulture = Language;
        user.WantsReminders = WantsReminders!.Value;
        user.WantsDigest = WantsDigest!.Value;
        user.WantsNews = WantsNews!.Value;
    }

    private (string? Postcode, string? Commune) Place(AppUser user, Dictionary<string, string> errors)
    {
        var postcode = Postcode?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(postcode))
        {
            return (null, null);
        }
        if (!Communes.IsPostcode(postcode))
        {
            errors["postcode"] = "Le code postal doit compter 5 chiffres, par exemple 46140.";
            return (null, null);
        }
        var communes = Communes.At(postcode).ToList();
        if (communes.Count == 0)
        {
            if (postcode == user.Postcode)
            {
                return (postcode, user.Commune);
            }
            errors["postcode"] = "Ce code postal n'est celui d'aucune commune française : vérifiez-le, ou laissez le champ vide.";
            return (null, null);
        }
        if (communes.Count == 1)
        {
            return (postcode, communes[0]);
        }
        if (string.IsNullOrWhiteSpace(Commune) && postcode == user.Postcode)
        {
            return (postcode, user.Commune); // a postcode from registration, its commune not chosen yet: the other details save
        }
        if (!string.IsNullOrWhiteSpace(Commune) && Communes.Find(postcode, Commune) is { } found)
        {
            return (postcode, found);
        }
        errors["commune"] = SeveralCommunes;
        return (null, null);
    }

    private static string Name(string? value, string field, string missing, string tooLong, Dictionary<string, string> errors)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[field] = missing;
        }
        else if (name.Length > NameMaxLength)
        {
            errors[field] = tooLong;
        }
        return name;
    }

    private static void Required(bool? value, string field, Dictionary<string, string> errors)
    {
        if (value is null)
        {
            errors[field] = "Indiquez true (recevoir) ou false (ne pas recevoir).";
        }
    }
}
