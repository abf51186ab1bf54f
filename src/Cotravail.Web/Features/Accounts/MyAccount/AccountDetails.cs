using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>What « Mon compte » changes (and <c>PUT /api/v1/me/account</c>), as typed; <see cref="Check"/> gives it back normalised.</summary>
public sealed record AccountDetails(
    string? FirstName, string? LastName, string? Phone, string? Postcode, string? Commune, string? Language,
    bool? WantsReminders, bool? WantsDigest, bool? WantsNews)
{
    public const int NameMaxLength = 100;

    public const string SeveralCommunes = CommuneChoice.Missing;

    /// <summary>The INSEE code of <see cref="Commune"/> once checked (<see cref="Commune"/> as typed may be a name or a code).</summary>
    public string? CommuneInsee { get; init; }

    public static readonly string[] Languages = ["fr", "en"];

    /// <summary>The account's details as they are.</summary>
    public static AccountDetails Of(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.FirstName, user.LastName, user.PhoneNumber, user.Postcode, user.Commune, user.PreferredCulture ?? "fr",
            user.WantsReminders, user.WantsDigest, user.WantsNews) { CommuneInsee = user.CommuneInsee };
    }

    /// <summary>
    /// The details normalised (phone in E.164, the commune's official name and INSEE code), or the French message of each
    /// field that is wrong, named as the API names it (« firstName », « phone »…). A postcode outside the communes
    /// reference is refused, unless it is the one the account already holds (an older account keeps its postcode). The
    /// commune is given by its INSEE code or its name; a postcode of several communes needs one of them.
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
        var (postcode, commune, insee) = Place(user, errors);
        var language = Language?.Trim().ToLowerInvariant();
        if (language is null || !Languages.Contains(language))
        {
            errors["language"] = "Choisissez la langue du site : français (fr) ou anglais (en).";
        }
        Required(WantsReminders, "wantsReminders", errors);
        Required(WantsDigest, "wantsDigest", errors);
        Required(WantsNews, "wantsNews", errors);
        return errors.Count > 0 ? (null, errors)
            : (new AccountDetails(first, last, phone, postcode, commune, language, WantsReminders, WantsDigest, WantsNews) { CommuneInsee = insee }, errors);
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
        user.CommuneInsee = CommuneInsee;
        user.PreferredCulture = Language;
        user.WantsReminders = WantsReminders!.Value;
        user.WantsDigest = WantsDigest!.Value;
        user.WantsNews = WantsNews!.Value;
    }

    private (string? Postcode, string? Commune, string? Insee) Place(AppUser user, Dictionary<string, string> errors)
    {
        var postcode = Postcode?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(postcode))
        {
            return (null, null, null);
        }
        if (!Communes.IsPostcode(postcode))
        {
            errors["postcode"] = "Le code postal doit compter 5 chiffres, par exemple 46140.";
            return (null, null, null);
        }
        var kept = (postcode, user.Commune, user.CommuneInsee);
        if (Communes.AtPostcode(postcode).Count == 0 && string.IsNullOrWhiteSpace(Commune))
        {
            if (postcode == user.Postcode)
            {
                return kept;
            }
            errors["postcode"] = "Ce code postal n'est celui d'aucune commune française : vérifiez-le, ou laissez le champ vide.";
            return (null, null, null);
        }
        var (commune, error) = CommuneChoice.Resolve(postcode, Commune);
        if (commune is not null)
        {
            return (postcode, commune.Name, commune.Insee);
        }
        if (error == CommuneChoice.Missing && postcode == user.Postcode)
        {
            return kept; // a postcode from an older account, its commune not chosen yet: the other details save
        }
        errors["commune"] = error!;
        return (null, null, null);
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
