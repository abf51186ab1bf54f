namespace Cotravail.Web.Features.SingleSignOn;

/// <summary>
/// A network's OpenID Connect provider (ProConnect, the network's own Keycloak…), set by its managers on « Connexion
/// unique ». The client secret is kept protected with ASP.NET Core Data Protection and never shown back. Its scheme is
/// <see cref="SignOnRules.SchemeName"/>: one per network, known to every instance from this row.
/// </summary>
public sealed class NetworkSignOn
{
    public int Id { get; set; }
    public int NetworkId { get; set; }

    /// <summary>Shown on the sign-in button: « Se connecter avec ProConnect ».</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The issuer's address; its discovery document is read at <c>/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret, protected; null for a public client (PKCE alone).</summary>
    public string? ClientSecretProtected { get; set; }

    /// <summary>Scopes asked, separated by spaces (« openid email profile »); <c>openid</c> is always asked.</summary>
    public string Scopes { get; set; } = SignOnRules.DefaultScopes;

    /// <summary>The claim that holds the e-mail address (default <c>email</c>).</summary>
    public string EmailClaim { get; set; } = SignOnRules.DefaultEmailClaim;

    /// <summary>Hosts and managers of this network (and of no other) may sign in with it.</summary>
    public bool AllowStaff { get; set; }

    /// <summary>Members may sign in with it, and a person without an account gets a member's account of this network.</summary>
    public bool AllowMembers { get; set; } = true;

    /// <summary>Off: the button is not shown and callbacks are refused, the settings kept.</summary>
    public bool Enabled { get; set; } = true;

    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByUserId { get; set; } = "";
}
