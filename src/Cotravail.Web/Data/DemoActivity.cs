using System.Globalization;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Community;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Data;

/// <summary>
/// A year of demo activity (<c>Demo:Activity</c>) so that the observatory shows something real on first run: members
/// and passers-by, bookings and visits within each site's desks, day passes sold at reception, monthly invoices numbered
/// in one chronological series, events with participants and volunteering. Always the same (fixed seed); written once,
/// when the network has neither visits nor invoices.
/// </summary>
public sealed class DemoActivity(AppDbContext db, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private sealed record Person(Visitor Visitor, AppUser? User, Site Home, double Frequency, DateOnly Since);

    private readonly List<Booking> _bookings = [];
    private readonly List<(Visit Visit, Booking? Booking, PlannedInvoice? Invoice)> _visits = [];
    private readonly List<PlannedInvoice> _invoices = [];
    private readonly Dictionary<(int, DateOnly), int> _desks = [];

    public async Task SeedAsync(Network network, string hostId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        var sites = await db.Sites.Include(s => s.Resources).Include(s => s.OpeningHours).Include(s => s.Closures).AsSplitQuery()
            .Where(s => s.NetworkId == network.Id).OrderBy(s => s.Id).ToListAsync(ct);
        var ids = sites.Select(s => s.Id).ToList();
        if (sites.Count == 0 || await db.Visits.AnyAsync(v => ids.Contains(v.SiteId), ct) || await db.Invoices.AnyAsync(i => i.NetworkId == network.Id, ct))
        {
            return;
        }
        var random = new Random(46140);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var people = await PeopleAsync(random, sites, start, today, ct);

        for (var day = start; day < today; day = day.AddDays(1))
        {
            foreach (var site in sites)
            {
                Day(random, network, site, day, people.Where(p => p.Home.Id == site.Id && p.Since <= day).ToList(), hostId);
            }
        }
        MonthlyInvoices(network, people.Where(p => p.User is not null).ToDictionary(p => p.User!.Id, p => p.User!), now, hostId);
        await SaveAsync(network, ct);
        await DemoAnimation.SeedAsync(db, random, sites, [.. people.Where(p => p.User is not null).Select(p => (p.User!, p.Home.Id))], start, now, hostId, ct);
    }

    private async Task<List<Person>> PeopleAsync(Random random, List<Site> sites, DateOnly start, DateOnly today, CancellationToken ct)
    {
        var memberRole = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).SingleAsync(ct);
        var people = new List<Person>();
        var days = today.DayNumber - start.DayNumber;
        for (var n = 0; n < 160; n++)
        {
            // Two thirds were members before the year; the others joined during it (new members every month).
            var since = n % 3 == 2 ? start.AddDays(random.Next(days)) : start;
            var created = since.AddDays(n % 3 == 2 ? 0 : -random.Next(30, 700)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var member = n < 120;
            var user = member ? DemoPeople.User(random, n, created) : null;
            var (first, last) = user is null ? DemoPeople.FullName(random) : (user.FirstName, user.LastName);
            var postcode = user?.Postcode ?? DemoPeople.Postcode(random);
            var visitor = new Visitor
            {
                UserId = user?.Id, FirstName = first, LastName = last, SearchKey = Features.Accounts.NameSearch.Key(first, last),
                Email = user?.Email, Postcode = postcode, CommuneInsee = user is null ? DemoPeople.Commune(postcode, n)?.Insee : user.CommuneInsee,
                CreatedAtUtc = created,
            };
            if (user is not null)
            {
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = memberRole });
            }
            db.Visitors.Add(visitor);
            var home = postcode switch
            {
                "46140" => sites[0],
                "46220" => sites[Math.Min(1, sites.Count - 1)],
                "46700" => sites[^1],
                _ => sites[random.Next(sites.Count)],
            };
            people.Add(new Person(visitor, user, home, member ? DemoPeople.Frequency(random) : 0.01 + (random.NextDouble() * 0.03), since));
        }
        await db.SaveChangesAsync(ct);
        return people;
    }

    /// <summary>Who comes to a site that day: never more than its desks; members mostly book, the others buy a day pass.</summary>
    private void Day(Random random, Network network, Site site, DateOnly day, List<Person> people, string hostId)
    {
        var hours = SiteCalendar.HoursOn(site, day);
        var desk = site.Resources.Where(r => r.Kind == ResourceKind.DeskPool && !r.IsArchived).OrderBy(r => r.SortOrder).FirstOrDefault();
        if (hours is null || desk is null)
        {
            return;
        }
        var zone = SiteClock.Zone(site);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.25 : 1.0;
        foreach (var person in people.OrderBy(_ => random.Next()))
        {
            if (random.NextDouble() >= person.Frequency * weekend || _desks.GetValueOrDefault((desk.Id, day)) >= desk.Capacity)
            {
                continue;
            }
            _desks[(desk.Id, day)] = _desks.GetValueOrDefault((desk.Id, day)) + 1;
            var arrived = SiteTime.ToUtcLenient(zone, day, new TimeOnly(8, 30).AddMinutes(random.Next(0, 150)));
            var visit = new Visit
            {
                SiteId = site.Id, Visitor = person.Visitor, UserId = person.User?.Id, Date = day, ArrivedAtUtc = arrived,
                DepartedAtUtc = SiteTime.ToUtcLenient(zone, day, new TimeOnly(16, 0).AddMinutes(random.Next(0, 150))),
                Postcode = person.Visitor.Postcode, CommuneInsee = person.Visitor.CommuneInsee, ResourceId = desk.Id,
            };
            if (person.User is { } user && random.Next(10) < 9)
            {
                var booking = new Booking
                {
                    SiteId = site.Id, ResourceId = desk.Id, UserId = user.Id, Date = day, Period = Period.Day, LocalStart = hours.Opens,
                    LocalEnd = hours.Closes, StartUtc = SiteTime.ToUtcLenient(zone, day, hours.Opens), EndUtc = SiteTime.ToUtcLenient(zone, day, hours.Closes),
                    Status = BookingStatus.Confirmed, PriceCents = site.DayPriceCents, CreatedAtUtc = arrived.AddDays(-random.Next(1, 15)),
                };
                _bookings.Add(booking);
                (visit.Kind, visit.Pass) = (VisitKind.Booked, "Réservation");
                _visits.Add((visit, booking, null));
            }
            else
            {
                var client = new ClientIdentity(person.User?.Id, person.Visitor.DisplayName, null, person.Visitor.Email);
                var invoice = NewInvoice(network, client, [new LineRequest($"Pass journée – {site.Name}", 1, site.DayPriceCents, network.VatRateBasisPoints)], arrived);
                invoice.Payment = new Payment { NetworkId = network.Id, SiteId = site.Id, Method = PaymentMethod.Card, AmountCents = invoice.Invoice.TotalInclTaxCents, RecordedAtUtc = arrived, RecordedByUserId = hostId };
                (visit.Kind, visit.Pass) = (VisitKind.WalkIn, "Pass journée");
                _visits.Add((visit, null, invoice));
            }
        }
    }

    /// <summary>Each month that is over is invoiced on the 1st, as the monthly invoicing does: one invoice per member, paid by transfer.</summary>
    private void MonthlyInvoices(Network network, Dictionary<string, AppUser> users, DateTime now, string hostId)
    {
        foreach (var month in _bookings.GroupBy(b => new DateOnly(b.Date.Year, b.Date.Month, 1)))
        {
            var issued = month.Key.AddMonths(1).ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);
            if (issued > now)
            {
                continue; // the month is not over: the monthly invoicing will charge it
            }
            foreach (var member in month.GroupBy(b => b.UserId))
            {
                var user = users[member.Key];
                var line = new LineRequest($"Pass journée – {month.Key.ToString("MMMM yyyy", French)}", member.Count(), member.First().PriceCents, network.VatRateBasisPoints);
                var planned = NewInvoice(network, new ClientIdentity(user.Id, user.DisplayName, null, user.Email), [line], issued);
                planned.Charged.AddRange(member);
                if (issued.AddDays(10) <= now)
                {
                    planned.Payment = new Payment { NetworkId = network.Id, Method = PaymentMethod.Transfer, AmountCents = planned.Invoice.TotalInclTaxCents, RecordedAtUtc = issued.AddDays(10), RecordedByUserId = hostId };
                }
            }
        }
    }

    private PlannedInvoice NewInvoice(Network network, ClientIdentity client, IReadOnlyList<LineRequest> lines, DateTime issuedUtc)
    {
        var issueDate = DateOnly.FromDateTime(issuedUtc);
        var invoice = new Invoice
        {
            NetworkId = network.Id, Kind = InvoiceKind.Invoice, IssuedAtUtc = issuedUtc, IssueDate = issueDate,
            DueDate = issueDate.AddDays(network.PaymentTermsDays), Year = issueDate.Year,
            IssuerName = network.LegalName, IssuerAddress = network.LegalAddress, IssuerSiret = network.Siret, IssuerVatNumber = network.VatNumber,
            VatMention = network.VatRateBasisPoints == 0 ? network.VatExemptionMention ?? "TVA non applicable" : null,
            UserId = client.UserId, ClientName = client.Name, ClientAddress = client.Address, ClientEmail = client.Email,
            PaymentTerms = InvoiceMentions.PaymentTerms(network.PaymentTermsDays),
        };
        for (var i = 0; i < lines.Count; i++)
        {
            invoice.Lines.Add(InvoiceMath.Line(lines[i], i + 1));
        }
        InvoiceMath.Total(invoice);
        var planned = new PlannedInvoice(invoice);
        _invoices.Add(planned);
        return planned;
    }

    /// <summary>
    /// Writes the year: bookings, then invoices numbered in the order they were issued (one gap-free series per year,
    /// the series' counter left at the last number), then visits, desk counters, charged bookings and payments.
    /// </summary>
    private async Task SaveAsync(Network network, CancellationToken ct)
    {
        db.Bookings.AddRange(_bookings);
        await db.SaveChangesAsync(ct);
        foreach (var year in _invoices.OrderBy(p => p.Invoice.IssuedAtUtc).GroupBy(p => p.Invoice.Year))
        {
            var sequence = 0;
            foreach (var p in year)
            {
                p.Invoice.Sequence = ++sequence;
                p.Invoice.Number = InvoiceMath.Number(network.InvoicePrefix, year.Key, sequence);
                db.Invoices.Add(p.Invoice);
            }
            db.InvoiceSequences.Add(new InvoiceSequence { NetworkId = network.Id, Year = year.Key, Last = sequence });
        }
        await db.SaveChangesAsync(ct);
        foreach (var (visit, booking, invoice) in _visits)
        {
            visit.BookingId = booking?.Id;
            visit.InvoiceId = invoice?.Invoice.Id;
            db.Visits.Add(visit);
        }
        foreach (var b in _bookings)
        {
            db.BookedHalves.Add(new BookedHalf { ResourceId = b.ResourceId, Date = b.Date, Half = HalfDay.Morning, UserId = b.UserId, BookingId = b.Id });
            db.BookedHalves.Add(new BookedHalf { ResourceId = b.ResourceId, Date = b.Date, Half = HalfDay.Afternoon, UserId = b.UserId, BookingId = b.Id });
        }
        foreach (var ((resourceId, date), taken) in _desks)
        {
            db.DeskDays.Add(new DeskDay { ResourceId = resourceId, Date = date, Morning = taken, Afternoon = taken });
        }
        foreach (var p in _invoices)
        {
            db.InvoicedBookings.AddRange(p.Charged.Select(b => new InvoicedBooking { BookingId = b.Id, InvoiceId = p.Invoice.Id }));
            if (p.Payment is { } payment)
            {
                payment.InvoiceId = p.Invoice.Id;
                db.Payments.Add(payment);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed class PlannedInvoice(Invoice invoice)
    {
        public Invoice Invoice { get; } = invoice;
        public Payment? Payment { get; set; }
        public List<Booking> Charged { get; } = [];
    }
}
