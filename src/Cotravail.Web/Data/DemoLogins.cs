namespace Cotravail.Web.Data;

/// <summary>The demo accounts and their password, kept to print them once the server listens.</summary>
public sealed class DemoLogins
{
    public string? Password { get; set; }
    public bool Generated { get; set; }

    public static readonly (string Email, string Role)[] Accounts =
    [
        ("gestion@cotravail.test", "gestionnaire (Manager)"),
        ("accueil@cotravail.test", "accueil de Luzech et Prayssac (Host)"),
        ("membre@cotravail.test", "membre (Member)"),
    ];
}
