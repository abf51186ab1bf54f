using Cotravail.Web.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cotravail.Web.Features.Events;

/// <summary>
/// The links of registration e-mails: confirm (a person without an account) and cancel. Each carries a token signed
/// and encrypted with ASP.NET Core Data Protection (keys shared by every instance through the database), naming its
/// purpose, the registration and an expiry read against the injected clock.
/// </summary>
public sealed class RegistrationLinks(IDataProtectionProvider protection, TimeProvider clock, PublicAddress address)
{
    public const string Confirm = "confirm";
    public const string Cancel = "cancel";
    public const string Rate = "rate";

    /// <summary>How long after the event its participants may rate it.</summary>
    public static readonly TimeSpan RatingWindow = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("Cotravail.Events.RegistrationLinks.v1");

    public string Token(string purpose, int registrationId, DateTime expiresUtc) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{purpose}|{registrationId}|{expiresUtc.Ticks}"));

    /// <summary>The registration id the token names for this purpose, or null when it is forged, for another purpose or expired.</summary>
    public int? Read(string? token, string purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != purpose
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)
            || clock.GetUtcNow().UtcDateTime.Ticks > ticks)
        {
            return null;
        }
        return id;
    }

    /// <summary>The confirmation link: valid 48 hours, and never after the event has started.</summary>
    public string ConfirmUrl(Registration r, Event e)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(e);
        var expires = clock.GetUtcNow().UtcDateTime.AddHours(48);
        return Absolute("/agenda/inscription/confirmer?jeton=" + Uri.EscapeDataString(Token(Confirm, r.Id, expires < e.StartUtc ? expires : e.StartUtc)));
    }

    /// <summary>The cancellation link: valid until the event ends.</summary>
    public string CancelUrl(Registration r, Event e)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(e);
        return Absolute("/agenda/inscription/annuler?jeton=" + Uri.EscapeDataString(Token(Cancel, r.Id, e.EndUtc)));
    }

    /// <summary>The link to rate the event: valid 30 days after it ends.</summary>
    public string RateUrl(Registration r, Event e)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(e);
        return Absolute("/agenda/avis?jeton=" + Uri.EscapeDataString(Token(Rate, r.Id, e.EndUtc + RatingWindow)));
    }

    public string EventUrl(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Absolute(string.Create(CultureInfo.InvariantCulture, $"/agenda/{e.Id}"));
    }

    private string Absolute(string path) => address.Absolute(path);
}
