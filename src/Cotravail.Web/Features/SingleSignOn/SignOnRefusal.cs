namespace Cotravail.Web.Features.SingleSignOn;

/// <summary>Why a single sign-on was refused: a word in the sign-in page's address (<c>?connexion-unique=…</c>), and its French message.</summary>
public static class SignOnRefusal
{
    public const string Query = "connexion-unique";
    public const string Failed = "echec";
    public const string Cancelled = "annulee";
    public const string Expired = "expiree";
    public const string Unverified = "adresse-non-verifiee";
    public const string NoAccount = "sans-compte";
    public const string NotHere = "non-autorisee";
    public const string LockedOut = "verrouille";
    public const string Unavailable = "indisponible";

    public static string Path(string reason) => $"/compte/connexion?{Query}={Uri.EscapeDataString(reason)}";

    /// <summary>The message shown on the sign-in page (French key of the shared resources), or null for an unknown word.</summary>
    public static string? Message(string? reason) => reason switch
    {
        Failed => "La connexion unique a échoué : la réponse du fournisseur d'identité n'a pas pu être vérifiée. Réessayez depuis cette page.",
        Cancelled => "La connexion unique a été annulée chez le fournisseur d'identité.",
        Expired => "La connexion unique a expiré. Réessayez depuis cette page.",
        Unverified => "Le fournisseur d'identité n'a pas confirmé votre adresse e-mail : la connexion unique est refusée. Connectez-vous avec votre mot de passe.",
        NoAccount => "Aucun compte ne correspond à cette adresse, et ce fournisseur ne crée pas de compte. Créez un compte ou connectez-vous avec votre mot de passe.",
        NotHere => "Ce compte ne peut pas se connecter par ce fournisseur d'identité. Connectez-vous avec votre mot de passe.",
        LockedOut => "Ce compte est verrouillé pour quelques minutes après plusieurs essais infructueux. Réessayez plus tard.",
        Unavailable => "Le fournisseur d'identité ne répond pas pour le moment. Réessayez plus tard, ou connectez-vous avec votre mot de passe.",
        _ => null,
    };
}
