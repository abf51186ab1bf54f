using Cotravail.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cotravail.Web.Common;

public static class Welcome
{
    /// <summary>Once the server listens, prints its address and the demo logins on the console.</summary>
    public static void PrintWelcomeOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var demo = app.Services.GetRequiredService<DemoLogins>();
            var text = new System.Text.StringBuilder();
            text.AppendLine().AppendLine("Cotravail est prêt.");
            foreach (var a in addresses)
            {
                text.Append("  Adresse : ").AppendLine(a);
            }
            if (demo.Password is not null)
            {
                text.AppendLine("  Comptes de démonstration :");
                foreach (var (email, role) in DemoLogins.Accounts)
                {
                    text.Append("    ").Append(email).Append("  — ").AppendLine(role);
                }
                text.Append("  Mot de passe : ").Append(demo.Password)
                    .AppendLine(demo.Generated ? "  (généré ; fixez-le avec Demo:Password)" : "");
                if (app.Configuration.GetValue("Security:RequireTwoFactorForManagers", true))
                {
                    text.AppendLine("  À sa première connexion, le compte gestionnaire doit activer la double authentification :")
                        .AppendLine("  gardez une application d'authentification (FreeOTP, Aegis…) sous la main.");
                }
            }
            Console.WriteLine(text.ToString());
        });
    }
}
