using Cotravail.Web.Data;

namespace Cotravail.Web.Features.Legal;

public sealed class AccessibilityModel(AppDbContext db, IConfiguration config) : LegalPage(db, config);
