using System.Net;

namespace Cotravail.Tests.Trust;

/// <summary>Who asks, in the authorization matrix.</summary>
public enum Role
{
    /// <summary>Nobody signed in.</summary>
    Anonymous,
    /// <summary>The demo member (membre@): owns the bookings, registrations, invoices… used as route ids.</summary>
    Member,
    /// <summary>A second member, to whom none of those belong.</summary>
    OtherMember,
    /// <summary>The demo host (accueil@): hosts Luzech and Prayssac, the sites used as route ids.</summary>
    Host,
    /// <summary>A host of Puy-l'Évêque only.</summary>
    OtherHost,
    /// <summary>The demo manager (gestion@) of the network, signed in with two-factor authentication.</summary>
    Manager,
    /// <summary>A second manager of the demo network whose account has no two-factor authentication (which managers must use).</summary>
    ManagerWithoutTwoFactor,
    /// <summary>The manager of a second network (« Causse »), signed in with two-factor authentication: none of the ids are theirs.</summary>
    OtherNetworkManager,
}

/// <summary>The class of answer a role gets.</summary>
public enum Expect
{
    /// <summary>Past authorization: 2xx, a redirect elsewhere than sign-in / access denied, or 400/409/422 for the harmless body sent.</summary>
    Ok,
    /// <summary>401, or a redirect to the sign-in page.</summary>
    Login,
    /// <summary>403, or a redirect to the access-denied page.</summary>
    Forbidden,
    /// <summary>404: someone else's resource is not shown to exist.</summary>
    NotFound,
    /// <summary>
    /// A manager without two-factor authentication: a page sends them to set it up (redirect to
    /// <c>/compte/double-authentification/activer</c>), the API answers 403 « Double authentification requise. ».
    /// </summary>
    TwoFactor,
    /// <summary>Anything else (5xx…): never expected.</summary>
    Error,
}

public static class Answers
{
    public const string TwoFactorSetup = "/compte/double-authentification/activer";
    public const string TwoFactorProblem = "Double authentification requise.";

    public static async Task<Expect> ClassifyAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.Forbidden
            && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && (await response.Content.ReadAsStringAsync()).Contains($"\"title\":\"{TwoFactorProblem}\"", StringComparison.Ordinal))
        {
            return Expect.TwoFactor;
        }
        return Classify(response);
    }

    public static Expect Classify(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        return status switch
        {
            >= 300 and < 400 when location == TwoFactorSetup => Expect.TwoFactor,
            401 => Expect.Login,
            403 => Expect.Forbidden,
            404 => Expect.NotFound,
            >= 300 and < 400 when location.Contains("/compte/connexion", StringComparison.Ordinal) => Expect.Login,
            >= 300 and < 400 when location.Contains("/compte/acces-refuse", StringComparison.Ordinal) => Expect.Forbidden,
            >= 200 and < 400 => Expect.Ok,
            (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.UnprocessableEntity => Expect.Ok,
            _ => Expect.Error,
        };
    }

    public static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } l ? " → " + l.OriginalString : "")}";
}
