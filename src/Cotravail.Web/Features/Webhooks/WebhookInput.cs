using System.ComponentModel.DataAnnotations;
using System.Net;
using Cotravail.Web.Common.Happenings;

namespace Cotravail.Web.Features.Webhooks;

/// <summary>A new endpoint as a manager enters it: its address, a note saying what it is, the happenings it wants.</summary>
public sealed class WebhookInput
{
    public const int MaxUrl = 500;
    public const int MaxDescription = 100;

    [Display(Name = "Adresse (URL) du point d'envoi")]
    [Required(ErrorMessage = "Indiquez l'adresse du point d'envoi.")]
    [StringLength(MaxUrl, ErrorMessage = "L'adresse compte au plus 500 caractères.")]
    public string? Url { get; set; }

    [Display(Name = "Description (facultative)")]
    [StringLength(MaxDescription, ErrorMessage = "La description compte au plus 100 caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Événements envoyés")]
    public List<HappeningKind> Events { get; set; } = [];

    /// <summary>
    /// The address, when it may be used: absolute, https (or http on the loopback interface when
    /// <paramref name="httpOnLoopback"/>), without user name or password in it. Null otherwise.
    /// </summary>
    public static Uri? Usable(string? url, bool httpOnLoopback)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return uri;
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return uri.Scheme == Uri.UriSchemeHttp && httpOnLoopback && loopback ? uri : null;
    }

    /// <summary>The kinds chosen, as one set of flags (unknown values dropped).</summary>
    public HappeningKind Chosen() => Events.Where(k => Happening.Kinds.Contains(k)).Aggregate(HappeningKind.None, (all, k) => all | k);
}
