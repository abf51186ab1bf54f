using System.Security.Claims;
using Cotravail.Web.Features.SingleSignOn;

namespace Cotravail.Tests.SingleSignOn;

public sealed class SignOnRulesTests
{
    [Theory]
    [InlineData("mfa", null, true)]
    [InlineData("pwd otp", null, true)]
    [InlineData("hwk", null, true)]
    [InlineData("[\"pwd\",\"mfa\"]", null, true)]
    [InlineData("pwd", null, false)]
    [InlineData("", null, false)]
    [InlineData("", "eidas1", false)]
    [InlineData("", "eidas2", true)]
    [InlineData("", "http://eidas.europa.eu/LoA/high", true)]
    [InlineData("", "https://proconnect.gouv.fr/assurance/self-asserted-2fa", true)]
    [InlineData("", "https://proconnect.gouv.fr/assurance/self-asserted", false)]
    [InlineData("pwd", "1", false)]
    public void A_second_factor_is_asserted_by_amr_or_acr(string amr, string? acr, bool expected) =>
        Assert.Equal(expected, SignOnRules.AssertsSecondFactor(amr.Split(' ', StringSplitOptions.RemoveEmptyEntries), acr));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("1", false)]
    public void The_email_is_verified_only_when_the_claim_says_true(string value, bool expected) =>
        Assert.Equal(expected, SignOnRules.EmailVerified(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email_verified", value)]))));

    [Theory]
    [InlineData("https://auth.exemple.fr/realms/lot", false, true)]
    [InlineData("http://auth.exemple.fr/", true, false)]
    [InlineData("http://127.0.0.1:5000/", false, false)]
    [InlineData("http://127.0.0.1:5000/", true, true)]
    [InlineData("https://auth.exemple.fr/?x=1", false, false)]
    [InlineData("auth.exemple.fr", false, false)]
    public void An_authority_is_https_or_loopback_http_when_allowed(string authority, bool loopback, bool expected) =>
        Assert.Equal(expected, SignOnRules.IsAcceptedAuthority(authority, loopback));

    [Fact]
    public void Scopes_start_with_openid_once_and_scheme_names_give_their_network()
    {
        Assert.Equal(["openid", "email", "profile"], SignOnRules.ScopeList(" email openid profile email "));
        Assert.Equal(12, SignOnRules.NetworkOf(SignOnRules.SchemeName(12)));
        Assert.Null(SignOnRules.NetworkOf("oidc-x"));
        Assert.Null(SignOnRules.NetworkOf("Identity.Application"));
    }
}
