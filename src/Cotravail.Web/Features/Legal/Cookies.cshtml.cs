using Cotravail.Web.Data;

namespace Cotravail.Web.Features.Legal;

public sealed class CookiesModel(AppDbContext db, IConfiguration config) : LegalPage(db, config);
