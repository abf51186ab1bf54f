using Cotravail.Web.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// Absolute links of the newcomers' e-mails. The newcomer's conversation link carries a token signed and encrypted
/// with ASP.NET Core Data Protection (keys shared through the database): it names the introduction, cannot be guessed
/// or altered, and lasts a year.
/// </summary>
public sealed class NewcomerLinks(IDataProtectionProvider protection, TimeProvider clock, PublicAddress address)
{
    public static readonly TimeSpan ConversationLife = TimeSpan.FromDays(365);

    private readonly IDataProtector _protector = protection.CreateProtector("Cotravail.Newcomers.Relay.v1");

    public string ConversationToken(int introductionId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture,
            $"relay|{introductionId}|{(clock.GetUtcNow().UtcDateTime + ConversationLife).Ticks}"));

    /// <summary>The introduction the token names, or null when it is forged, altered or expired.</summary>
    public int? ReadConversation(string? token)
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
        return parts.Length == 3 && parts[0] == "relay"
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)
            && clock.GetUtcNow().UtcDateTime.Ticks <= ticks
            ? id : null;
    }

    public string NewcomerConversation(int introductionId) => Absolute("/venir/echange?jeton=" + Uri.EscapeDataString(ConversationToken(introductionId)));

    public string AmbassadorConversation(int introductionId) => Absolute($"/venir/echanges/{introductionId}");

    public string Register() => Absolute("/compte/inscription");

    public string Book() => Absolute("/reserver");

    public string Welcome() => Absolute("/venir");

    public string ManagerRequest(int requestId) => Absolute($"/gestion/nouveaux-arrivants/{requestId}");

    private string Absolute(string path) => address.Absolute(path);
}
