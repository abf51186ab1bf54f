using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

/// <summary>A paid event registration charged on an invoice (so that it is never charged twice).</summary>
public sealed class InvoicedRegistration
{
    public int RegistrationId { get; set; }
    public int InvoiceId { get; set; }
}

/// <summary>
/// Once a month is over, one invoice per participant (member or guest, by e-mail) for the paid events of that month
/// where they held a place; each registration charged once, in the transaction that issues its invoice.
/// </summary>
public sealed class EventInvoicing(AppDbContext db, InvoiceIssuer issuer)
{
    public async Task<IReadOnlyList<Invoice>> RunAsync(int networkId, int year, int month, CancellationToken ct)
    {
        // Two managers (or two clicks on two instances) invoicing the same network take turns: the second finds it done.
        await using var turn = await DatabaseLock.AcquireAsync(db, $"invoicing:{networkId}", ct);
        var first = new DateOnly(year, month, 1);
        var startUtc = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-2); // local month, read below
        var endUtc = first.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(2);
        var network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == networkId, ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;
        var registrations = (await db.EventRegistrations.AsNoTracking().Include(r => r.Event!).ThenInclude(e => e.Site)
                .Where(r => r.Event!.Site!.NetworkId == networkId && r.Status == RegistrationStatus.Confirmed && r.PriceCents > 0
                    && r.Event.StartUtc >= startUtc && r.Event.StartUtc < endUtc
                    && !db.InvoicedRegistrations.Any(i => i.RegistrationId == r.Id))
                .ToListAsync(ct))
            .Where(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.Event!.StartUtc, zone)) is var d && d.Year == year && d.Month == month)
            .ToList();
        var invoices = new List<Invoice>();
        foreach (var person in registrations.GroupBy(r => r.UserId ?? "guest:" + r.Email))
        {
            var any = person.First();
            var lines = person.OrderBy(r => r.Event!.StartUtc)
                .Select(r => new LineRequest($"{r.Event!.Title} – {r.Event.Site!.Name} – {TimeZoneInfo.ConvertTimeFromUtc(r.Event.StartUtc, zone):dd/MM/yyyy}",
                    1, r.PriceCents, network.VatRateBasisPoints))
                .ToList();
            using var gate = await WriteGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var invoice = await issuer.IssueAsync(networkId, new ClientIdentity(any.UserId, any.Name, null, any.Email), lines, InvoiceMentions.PlaceOfService(person.Select(r => r.Event!.Site!)), ct);
            db.InvoicedRegistrations.AddRange(person.Select(r => new InvoicedRegistration { RegistrationId = r.Id, InvoiceId = invoice.Id }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            invoices.Add(invoice);
        }
        return invoices;
    }
}

internal sealed class InvoicedRegistrationConfiguration : IEntityTypeConfiguration<InvoicedRegistration>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<InvoicedRegistration> b)
    {
        b.HasKey(x => x.RegistrationId);
        b.HasIndex(x => x.InvoiceId);
    }
}
