using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cotravail.Web.Features.Webhooks;

/// <summary>
/// Endpoints' signing secrets: 32 random bytes written as <c>whsec_</c> and 64 hexadecimal digits, shown once to the manager
/// who creates the endpoint, kept protected with ASP.NET Core Data Protection (the key ring every instance shares, ADR 0026).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private IDataProtector Protector => protection.CreateProtector("Cotravail.Webhooks.EndpointSecrets.v1");

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string protectedSecret) => Protector.Unprotect(protectedSecret);
}
