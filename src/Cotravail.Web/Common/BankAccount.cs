using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace Cotravail.Web.Common;

/// <summary>
/// Bank details as printed on invoices: an IBAN checked by ISO 13616 (country, two check digits, mod 97 = 1) and a
/// BIC (ISO 9362: 8 or 11 characters).
/// </summary>
public static class BankAccount
{
    /// <summary>The IBAN without spaces, in capitals; null when it is not one (wrong length, characters or check digits).</summary>
    public static string? NormalIban(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var iban = new string([.. value.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !iban.All(char.IsAsciiLetterOrDigit)
            || (iban.StartsWith("FR", StringComparison.Ordinal) && iban.Length != 27))
        {
            return null;
        }
        // Move the first four characters to the end, letters become 10..35, and the number mod 97 must be 1.
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var digits = char.IsAsciiDigit(c) ? (c - '0').ToString(CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture);
            foreach (var d in digits)
            {
                remainder = ((remainder * 10) + (d - '0')) % 97;
            }
        }
        return remainder == 1 ? iban : null;
    }

    /// <summary>« FR76 3000 1000 6400 0001 2345 618 »: groups of four, as people read it.</summary>
    public static string Grouped(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        var sb = new StringBuilder();
        for (var i = 0; i < iban.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                sb.Append(' ');
            }
            sb.Append(iban[i]);
        }
        return sb.ToString();
    }

    /// <summary>The BIC without spaces, in capitals; null when it is not one.</summary>
    public static string? NormalBic(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var bic = value.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return bic.Length is 8 or 11 && bic[..6].All(char.IsAsciiLetterUpper) && bic[6..].All(char.IsAsciiLetterOrDigit) ? bic : null;
    }
}

/// <summary>An IBAN with a right ISO 13616 check (spaces allowed); empty is allowed.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class IbanAttribute : ValidationAttribute
{
    public IbanAttribute() => ErrorMessage = "Cet IBAN n'est pas valide (vérifiez ses chiffres : sa clé de contrôle ne correspond pas).";

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Trim().Length == 0 || BankAccount.NormalIban(s) is not null));
}

/// <summary>A BIC of 8 or 11 characters; empty is allowed.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class BicAttribute : ValidationAttribute
{
    public BicAttribute() => ErrorMessage = "Le BIC comporte 8 ou 11 caractères, par exemple BDFEFRPPCCT.";

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Trim().Length == 0 || BankAccount.NormalBic(s) is not null));
}
