using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Newcomers.Request;

public sealed class ThanksModel : PageModel
{
    public bool MailSent { get; private set; }

    public void OnGet(int courriel) => MailSent = courriel == 1;
}
