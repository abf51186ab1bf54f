using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.SingleSignOn.Manage;

/// <summary>The form of « Connexion unique ». The secret left blank keeps the one stored.</summary>
public sealed class SettingsInput : IValidatableObject
{
    [Display(Name = "Nom affiché sur le bouton")]
    [Required(ErrorMessage = "Indiquez le nom du fournisseur d'identité, par exemple « ProConnect ».")]
    [StringLength(SignOnRules.DisplayNameMax, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
    public string? DisplayName { get; set; }

    [Display(Name = "Adresse de l'émetteur (authority)")]
    [Required(ErrorMessage = "Indiquez l'adresse de l'émetteur, par exemple https://auth.agentconnect.gouv.fr/api/v2.")]
    [StringLength(SignOnRules.AddressMax, ErrorMessage = "L'adresse ne doit pas dépasser {1} caractères.")]
    public string? Authority { get; set; }

    [Display(Name = "Identifiant du client (client_id)")]
    [Required(ErrorMessage = "Indiquez l'identifiant du client donné par le fournisseur.")]
    [StringLength(SignOnRules.ClientIdMax, ErrorMessage = "L'identifiant ne doit pas dépasser {1} caractères.")]
    public string? ClientId { get; set; }

    [Display(Name = "Secret du client (client_secret)")]
    [StringLength(500, ErrorMessage = "Le secret ne doit pas dépasser {1} caractères.")]
    public string? ClientSecret { get; set; }

    [Display(Name = "Scopes demandés")]
    [StringLength(SignOnRules.ScopesMax, ErrorMessage = "Les scopes ne doivent pas dépasser {1} caractères.")]
    public string? Scopes { get; set; } = SignOnRules.DefaultScopes;

    [Display(Name = "Claim de l'adresse e-mail")]
    [StringLength(SignOnRules.ClaimMax, ErrorMessage = "Le nom du claim ne doit pas dépasser {1} caractères.")]
    public string? EmailClaim { get; set; } = SignOnRules.DefaultEmailClaim;

    [Display(Name = "Les hôtes et gestionnaires du réseau peuvent se connecter ainsi")]
    public bool AllowStaff { get; set; }

    [Display(Name = "Les membres peuvent se connecter ainsi (un compte de membre est créé à la première connexion)")]
    public bool AllowMembers { get; set; } = true;

    [Display(Name = "Afficher le bouton sur la page de connexion")]
    public bool Enabled { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var loopback = validationContext?.GetService(typeof(IOptions<SingleSignOnSettings>)) is IOptions<SingleSignOnSettings> o && o.Value.AllowHttpOnLoopback;
        if (!string.IsNullOrWhiteSpace(Authority) && !SignOnRules.IsAcceptedAuthority(Authority.Trim(), loopback))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "L'adresse de l'émetteur doit être une adresse https complète, sans paramètres."), [nameof(Authority)]);
        }
        if (!string.IsNullOrWhiteSpace(ClientId) && !SignOnRules.IsToken(ClientId.Trim()))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "L'identifiant du client ne contient ni espaces ni guillemets."), [nameof(ClientId)]);
        }
        var scopes = (Scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.All(SignOnRules.IsToken))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Séparez les scopes par des espaces ; chacun s'écrit sans guillemets ni barre oblique inverse."), [nameof(Scopes)]);
        }
        if (!string.IsNullOrWhiteSpace(EmailClaim) && !SignOnRules.IsToken(EmailClaim.Trim()))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Le nom du claim s'écrit sans espaces ni guillemets, par exemple « email »."), [nameof(EmailClaim)]);
        }
        if (!AllowStaff && !AllowMembers && Enabled)
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Choisissez qui peut se connecter par ce fournisseur : le personnel du réseau, les membres, ou les deux."), [nameof(AllowMembers)]);
        }
    }
}
