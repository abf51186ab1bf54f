using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// The language an account chose on « Mon compte », set as the language cookie when it is saved and at each sign-in.
/// The switch in the header changes the cookie for the browser, not the account's choice.
/// </summary>
public sealed class PreferredLanguage(TimeProvider clock, TransportSecurity transport)
{
    public void Apply(HttpContext http, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.PreferredCulture is { Length: > 0 } culture)
        {
            LanguageSwitch.Remember(http, culture, clock, transport);
        }
    }
}
