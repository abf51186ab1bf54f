namespace Cotravail.Web.Features.Accounts;

/// <summary>
/// A deleted account stays as an anonymous tombstone (its invoices are kept ten years): its address is
/// <c>supprime-{id}@compte-supprime.invalid</c>, a domain that can never receive mail.
/// </summary>
public static class Tombstones
{
    public const string Domain = "compte-supprime.invalid";

    public static string AddressOf(string userId) => $"supprime-{userId}@{Domain}";

    public static bool IsTombstone(string? email) =>
        email is not null && email.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);
}
