namespace Cotravail.Web.Common.Security.RateLimiting;

/// <summary>
/// The named rate-limit policies. Each counts attempts per client IP address and, when the call names one, per
/// account or per address mailed (an e-mail address is counted in its normal form: lower case, without a
/// <c>+tag</c>), in fixed windows held in the database (so every instance shares them). Settings:
/// <c>RateLimits:&lt;name&gt;:PermitLimit</c> (per IP), <c>:AccountPermitLimit</c> (per account, 0 = none),
/// <c>:WindowMinutes</c>; <c>RateLimits:Enabled</c> turns them all off.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Signing in (page, second step, <c>/api/v1/auth/login</c>): per IP and per account.</summary>
    public const string Login = "login";

    /// <summary>Creating an account (page and <c>/api/v1/auth/register</c>): per IP and per address mailed.</summary>
    public const string Registration = "registration";

    /// <summary>Mails sent on request: forgotten password, new confirmation message. Per IP and per address.</summary>
    public const string AccountMail = "account-mail";

    /// <summary>The network's contact relay (a member writing to another): per IP and per signed-in member.</summary>
    public const string Contact = "contact";

    /// <summary>Public submissions without an account (newcomers' requests): per IP and per address mailed.</summary>
    public const string PublicForm = "public-form";

    /// <summary>
    /// Other public forms that mail an address the caller gives (a guest's registration to an event, a survey answer to
    /// confirm): per IP and per address mailed, so Cotravail cannot be used to flood a mailbox.
    /// </summary>
    public const string AddressMail = "address-mail";

    public static readonly IReadOnlyDictionary<string, RateLimitPolicy> Defaults = new Dictionary<string, RateLimitPolicy>(StringComparer.Ordinal)
    {
        // A whole coworking space may share one address: the IP limit is generous, the account's is not.
        [Login] = new(PermitLimit: 50, AccountPermitLimit: 10, Window: TimeSpan.FromMinutes(15)),
        [Registration] = new(PermitLimit: 10, AccountPermitLimit: 3, Window: TimeSpan.FromHours(1)),
        [AccountMail] = new(PermitLimit: 10, AccountPermitLimit: 3, Window: TimeSpan.FromHours(1)),
        [Contact] = new(PermitLimit: 30, AccountPermitLimit: 10, Window: TimeSpan.FromHours(1)),
        [PublicForm] = new(PermitLimit: 10, AccountPermitLimit: 3, Window: TimeSpan.FromHours(1)),
        [AddressMail] = new(PermitLimit: 10, AccountPermitLimit: 3, Window: TimeSpan.FromHours(1)),
    };
}

/// <summary>At most <see cref="PermitLimit"/> attempts per IP and <see cref="AccountPermitLimit"/> per account in each window.</summary>
public sealed record RateLimitPolicy(int PermitLimit, int AccountPermitLimit, TimeSpan Window);
