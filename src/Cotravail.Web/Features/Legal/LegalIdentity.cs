using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Legal;

/// <summary>
/// Who runs this Cotravail, for the legal pages: each network's body (the controller of the personal data, read from
/// the network's invoicing identity) and the settings <c>Legal:PublicationDirector</c>, <c>Legal:DpoEmail</c>,
/// <c>Legal:Hosting</c> (the host's name and address) and <c>Legal:AccessibilityContact</c>.
/// </summary>
public class LegalPage(AppDbContext db, IConfiguration config) : PageModel
{
    public IReadOnlyList<Network> Networks { get; private set; } = [];

    public string PublicationDirector => config["Legal:PublicationDirector"] is { Length: > 0 } v ? v : "le président ou la présidente de la communauté de communes";

    public string? DpoEmail => config["Legal:DpoEmail"] is { Length: > 0 } v ? v : Networks.Select(n => n.ContactEmail).FirstOrDefault(e => !string.IsNullOrEmpty(e));

    public string Hosting => config["Legal:Hosting"] is { Length: > 0 } v ? v : "à indiquer par l'exploitant (réglage Legal:Hosting : nom, adresse et téléphone de l'hébergeur)";

    public string? AccessibilityContact => config["Legal:AccessibilityContact"] is { Length: > 0 } v ? v : DpoEmail;

    public async Task OnGetAsync(CancellationToken ct) =>
        Networks = await db.Networks.AsNoTracking().OrderBy(n => n.Id).ToListAsync(ct);
}
