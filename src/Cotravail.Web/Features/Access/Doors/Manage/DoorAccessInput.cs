using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Access.Doors.Manage;

/// <summary>A site's door access as its manager sets it. The lock's secret left blank keeps the one stored (required the first time).</summary>
public sealed class DoorAccessInput : IValidatableObject
{
    [Display(Name = "Mode d'accès")]
    public DoorMode Mode { get; set; }

    [Display(Name = "Serrure")]
    public LockKind Lock { get; set; }

    [Display(Name = "Adresse de l'API de la serrure")]
    [StringLength(500, ErrorMessage = "L'adresse compte au plus 500 caractères.")]
    public string? LockUrl { get; set; }

    [Display(Name = "Identifiant de la serrure Nuki (smartlockId)")]
    [Range(1, long.MaxValue, ErrorMessage = "L'identifiant de la serrure Nuki est un nombre positif.")]
    public long? NukiSmartlockId { get; set; }

    [Display(Name = "Jeton d'API Nuki ou secret de signature du webhook")]
    [StringLength(2000, MinimumLength = 16, ErrorMessage = "Le jeton ou le secret compte de 16 à 2 000 caractères.")]
    public string? LockSecret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Mode))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Choisissez un mode d'accès."), [nameof(Mode)]);
        }
        if (!Enum.IsDefined(Lock))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Choisissez une serrure."), [nameof(Lock)]);
            yield break;
        }
        if (Lock == LockKind.None)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(LockUrl))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Indiquez l'adresse de l'API de la serrure."), [nameof(LockUrl)]);
        }
        else if (!IsAllowedUrl(LockUrl.Trim(), validationContext.GetService(typeof(IOptions<DoorOptions>)) is IOptions<DoorOptions> { Value.AllowLoopbackHttp: true }))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "L'adresse de la serrure doit être une adresse https:// complète."), [nameof(LockUrl)]);
        }
        if (Lock == LockKind.Nuki && NukiSmartlockId is null)
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Indiquez l'identifiant de la serrure Nuki."), [nameof(NukiSmartlockId)]);
        }
    }

    public static bool IsAllowedUrl(string url, bool allowLoopbackHttp) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
