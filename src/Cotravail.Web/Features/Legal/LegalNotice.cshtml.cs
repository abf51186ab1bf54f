using Cotravail.Web.Data;

namespace Cotravail.Web.Features.Legal;

public sealed class LegalNoticeModel(AppDbContext db, IConfiguration config) : LegalPage(db, config);
