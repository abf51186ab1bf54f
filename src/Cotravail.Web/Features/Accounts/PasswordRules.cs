namespace Cotravail.Web.Features.Accounts;

/// <summary>The password rules, shared by Identity's options and the pages' validation attributes.</summary>
public static class PasswordRules
{
    /// <summary>OWASP ASVS: length over composition.</summary>
    public const int MinLength = 12;

    /// <summary>Long passphrases are welcome; a bound keeps hashing cheap for absurd inputs.</summary>
    public const int MaxLength = 128;
}
