using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Errors;

/// <summary>The French error page: 404 and other status codes, and unexpected errors (500).</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code)
    {
        Code = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        Common.Security.RateLimiting.RateLimitRefusal.RestoreHeader(HttpContext);
    }

    public void OnPost(int? code) => OnGet(code);
}
