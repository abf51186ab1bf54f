namespace Cotravail.Web.Features.Accounts;

public static class Roles
{
    public const string Member = "Member";
    public const string Host = "Host";
    public const string Manager = "Manager";

    public static readonly string[] All = [Member, Host, Manager];
}
