using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

public enum ArrivalOutcome
{
    Done,
    AlreadyPresent,
    NotPresent,
    NoBookingToday,
    UnknownPerson,
    UnknownCode,
    NoPostcode,
    Full,
    NoDesk,
}

/// <summary>What reception did, with the French sentence to show or to put in a ProblemDetails.</summary>
public sealed record ArrivalResult(ArrivalOutcome Outcome, Visit? Visit = null, string? Name = null)
{
    public bool Ok => Outcome == ArrivalOutcome.Done;

    public string Message => Outcome switch
    {
        ArrivalOutcome.AlreadyPresent => $"{Name ?? "Cette personne"} est déjà enregistré·e comme présent·e.",
        ArrivalOutcome.NotPresent => "Aucune arrivée en cours pour ce passage : le départ est déjà enregistré ou l'arrivée ne l'a jamais été.",
        ArrivalOutcome.NoBookingToday => $"{Name ?? "Cette personne"} n'a pas de réservation aujourd'hui ici : enregistrez une venue sans réservation.",
        ArrivalOutcome.UnknownPerson => "Cette personne est inconnue.",
        ArrivalOutcome.UnknownCode => "Ce code est inconnu ou a expiré : demandez à la personne d'afficher à nouveau sa carte.",
        ArrivalOutcome.NoPostcode => "Indiquez le code postal de résidence (5 chiffres).",
        ArrivalOutcome.Full => "Plus aucun poste libre aujourd'hui dans cet espace.",
        ArrivalOutcome.NoDesk => "Cet espace n'a pas de postes en espace partagé.",
        _ => "",
    };
}

/// <summary>
/// A person reception may welcome, found by name: a visitor already known, or a member; or an account of anyone found by
/// its exact e-mail address (<paramref name="ByEmail"/>: the address then goes with its id, see <see cref="ReceptionPeople"/>).
/// </summary>
public sealed record PersonMatch(int? VisitorId, string? UserId, string Name, string? Email, string? Postcode, bool ByEmail = false)
{
    /// <summary>The query string of the walk-in page for this person.</summary>
    public string WalkInQuery => VisitorId is { } id ? $"visiteur={id}"
        : $"membre={Uri.EscapeDataString(UserId ?? "")}" + (ByEmail ? "&courriel=" + Uri.EscapeDataString(Email ?? "") : "");
}

/// <summary>
/// Check-in, check-out and walk-ins. An arrival is one insert that the database refuses when the person already has an
/// open visit; a walk-in takes its desk, issues its invoice and records its arrival in one transaction, then the payment.
/// </summary>
public sealed class Arrivals(
    AppDbContext db, ReceptionPeople people, BookingService places, InvoiceIssuer issuer, Payments payments, MemberCards cards, NetworkMembership membership, TimeProvider clock,
    Common.Happenings.IHappenings happenings)
{
    /// <summary>A member's arrival from their card's token.</summary>
    public async Task<ArrivalResult> CheckInByCardAsync(Site site, string? token, CancellationToken ct) =>
        cards.Read(token) is { } userId ? await CheckInMemberAsync(site, userId, ct) : new ArrivalResult(ArrivalOutcome.UnknownCode);

    /// <summary>A member's arrival with their booking of today at the site (recorded at the desk unless <paramref name="source"/> says otherwise).</summary>
    public async Task<ArrivalResult> CheckInMemberAsync(Site site, string userId, CancellationToken ct, VisitSource source = VisitSource.Desk)
    {
        ArgumentNullException.ThrowIfNull(site);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new ArrivalResult(ArrivalOutcome.UnknownPerson);
        }
        var today = SiteClock.Today(site, clock);
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.SiteId == site.Id && b.UserId == userId && b.Date == today && b.Status == BookingStatus.Confirmed)
            .OrderBy(b => b.StartUtc).FirstOrDefaultAsync(ct);
        if (booking is null)
        {
            // Named only to the desks of the person's network.
            return new ArrivalResult(ArrivalOutcome.NoBookingToday, Name: await people.IsMemberAsync(site, userId, ct) ? user.DisplayName : null);
        }
        var visitor = await VisitorForAsync(user, ct);
        return await ArriveAsync(site, visitor, VisitKind.Booked, booking.Id, booking.ResourceId, "Réservation", null, ct, source);
    }

    /// <summary>
    /// An arrival seen on the Wi-Fi (an accounting start): one visit per person, site and day. A visit already recorded
    /// today at this site (by the desk, the arrival code or an earlier start) is kept and nothing is added; an open visit
    /// elsewhere is left alone too. The visit honours today's booking at the site when there is one; <paramref name="pass"/>
    /// names what gave access otherwise (« Abonnement », « Carnet »).
    /// </summary>
    public async Task<ArrivalResult> CheckInByWifiAsync(Site site, string userId, string pass, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new ArrivalResult(ArrivalOutcome.UnknownPerson);
        }
        var today = SiteClock.Today(site, clock);
        if (await db.Visits.AnyAsync(v => v.SiteId == site.Id && v.UserId == userId && v.Date == today, ct))
        {
            return new ArrivalResult(ArrivalOutcome.AlreadyPresent, Name: user.DisplayName);
        }
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.SiteId == site.Id && b.UserId == userId && b.Date == today && b.Status == BookingStatus.Confirmed)
            .OrderBy(b => b.StartUtc).FirstOrDefaultAsync(ct);
        var visitor = await VisitorForAsync(user, ct);
        return booking is null
            ? await ArriveAsync(site, visitor, VisitKind.Booked, null, null, pass, null, ct, VisitSource.Wifi)
            : await ArriveAsync(site, visitor, VisitKind.Booked, booking.Id, booking.ResourceId, "Réservation", null, ct, VisitSource.Wifi);
    }

    /// <summary>The arrival of the booking <paramref name="bookingId"/> (a row of the expected list).</summary>
    public async Task<ArrivalResult> CheckInBookingAsync(Site site, int bookingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var userId = await db.Bookings.Where(b => b.Id == bookingId && b.SiteId == site.Id).Select(b => b.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? new ArrivalResult(ArrivalOutcome.UnknownPerson) : await CheckInMemberAsync(site, userId, ct);
    }

    public async Task<ArrivalResult> CheckOutAsync(int visitId, int? siteId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var gate = await WriteGate.EnterAsync(db, ct);
        var done = await db.Visits.Where(v => v.Id == visitId && (siteId == null || v.SiteId == siteId) && v.DepartedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.DepartedAtUtc, now), ct);
        if (done == 0)
        {
            return new ArrivalResult(ArrivalOutcome.NotPresent);
        }
        return new ArrivalResult(ArrivalOutcome.Done, await db.Visits.AsNoTracking().Include(v => v.Visitor).FirstAsync(v => v.Id == visitId, ct));
    }

    /// <summary>
    /// Someone without a booking: takes a desk of the site's shared space for the rest of the day, issues the day pass's
    /// invoice and records the arrival (one transaction), then records the payment at the site.
    /// </summary>
    public async Task<(ArrivalResult Result, Invoice? Invoice)> WalkInAsync(
        Site site, WalkInPerson person, PaymentMethod method, string hostId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(person);
        var postcode = person.Postcode?.Trim();
        if (postcode is null || postcode.Length != 5 || !postcode.All(char.IsAsciiDigit))
        {
            return (new ArrivalResult(ArrivalOutcome.NoPostcode), null);
        }
        var desk = await db.Resources.AsNoTracking().Where(r => r.SiteId == site.Id && r.Kind == ResourceKind.DeskPool && !r.IsArchived)
            .OrderBy(r => r.SortOrder).FirstOrDefaultAsync(ct);
        if (desk is null)
        {
            return (new ArrivalResult(ArrivalOutcome.NoDesk), null);
        }
        var insee = Common.Communes.AtPostcode(postcode).Any(c => c.Insee == person.CommuneInsee) ? person.CommuneInsee : null;
        if (await WalkInVisitorAsync(site, person, postcode, insee, ct) is not { } visitor)
        {
            return (new ArrivalResult(ArrivalOutcome.UnknownPerson), null);
        }
        if (await IsPresentAsync(visitor.Id, ct))
        {
            return (new ArrivalResult(ArrivalOutcome.AlreadyPresent, Name: visitor.DisplayName), null);
        }
        var (outcome, visit, invoice) = await TakeDeskWithPassAsync(site, desk, visitor, ct);
        if (outcome != ArrivalOutcome.Done)
        {
            return (new ArrivalResult(outcome, Name: visitor.DisplayName), null);
        }
        if (visitor.UserId is { } member)
        {
            await membership.JoinAsync(member, site.NetworkId, CancellationToken.None);
        }
        if (site.DayPriceCents > 0)
        {
            await payments.RecordAsync(new PaymentRequest(invoice!.Id, method, site.DayPriceCents, site.Id, null, null, null), hostId, CancellationToken.None);
        }
        visit!.Visitor = visitor;
        return (new ArrivalResult(ArrivalOutcome.Done, visit, visitor.DisplayName), invoice);
    }

    /// <summary>
    /// Who walks in: a member of the site's network, a visitor already known there, or a new visitor (saved now); with
    /// the postcode and commune given today. Null when the member or visitor named is not one of the site's.
    /// </summary>
    private async Task<Visitor?> WalkInVisitorAsync(Site site, WalkInPerson person, string postcode, string? insee, CancellationToken ct)
    {
        Visitor visitor;
        if (person.UserId is { } userId)
        {
            var user = await people.MemberAsync(site, userId, person.Email, ct);
            if (user is null)
            {
                return null;
            }
            visitor = await VisitorForAsync(user, ct);
        }
        else if (person.VisitorId is { } visitorId)
        {
            var known = await people.VisitorAsync(site, visitorId, ct);
            if (known is null)
            {
                return null;
            }
            visitor = known;
        }
        else
        {
            visitor = new Visitor
            {
                FirstName = person.FirstName?.Trim() ?? "", LastName = person.LastName?.Trim() ?? "",
                Email = string.IsNullOrWhiteSpace(person.Email) ? null : person.Email.Trim(), Postcode = postcode, CommuneInsee = insee,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            visitor.SearchKey = NameSearch.Key(visitor.FirstName, visitor.LastName);
            db.Visitors.Add(visitor);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (visitor.Postcode != postcode || visitor.CommuneInsee != insee)
        {
            await db.Visitors.Where(v => v.Id == visitor.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Postcode, postcode).SetProperty(v => v.CommuneInsee, insee), ct);
            (visitor.Postcode, visitor.CommuneInsee) = (postcode, insee);
        }
        return visitor;
    }

    /// <summary>
    /// In one transaction: a desk of the shared space for the rest of the day (the day, or the afternoon after the
    /// split), the day pass's invoice and the arrival. Full, or already present (another arrival at the same moment):
    /// nothing is kept.
    /// </summary>
    private async Task<(ArrivalOutcome Outcome, Visit? Visit, Invoice? Invoice)> TakeDeskWithPassAsync(
        Site site, Resource desk, Visitor visitor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var local = SiteClock.LocalNow(site, clock);
        var today = DateOnly.FromDateTime(local);
        var period = TimeOnly.FromDateTime(local) < HalfDays.MorningEnds(site, SiteCalendar.HoursOn(site, today)) ? Period.Day : Period.Afternoon;
        var lines = new[] { new LineRequest($"Pass journée – {site.Name}", 1, site.DayPriceCents, await VatAsync(site, ct)) };
        var client = new ClientIdentity(visitor.UserId, visitor.DisplayName, null, visitor.Email);
        Invoice? invoice = null;
        Visit? visit = null;
        var outcome = ArrivalOutcome.Done;
        using (var gate = await WriteGate.EnterAsync(db, ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (!await places.TakeWalkInDeskAsync(desk.Id, today, period, desk.Capacity, ct))
                {
                    outcome = ArrivalOutcome.Full;
                }
                else
                {
                    invoice = await issuer.IssueAsync(site.NetworkId, client, lines, InvoiceMentions.PlaceOfService(site), ct);
                    visit = NewVisit(site, visitor, today, now, VisitKind.WalkIn, null, desk.Id, "Pass journée", invoice.Id);
                    db.Visits.Add(visit);
                    await db.SaveChangesAsync(ct);
                    await happenings.RecordAsync(CheckedIn(site, visit), ct);
                }
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                outcome = ArrivalOutcome.AlreadyPresent;
            }
            if (outcome == ArrivalOutcome.Done)
            {
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return (outcome, null, null);
            }
        }
        db.ChangeTracker.Clear();
        return (outcome, visit, invoice);
    }

    public Task<bool> IsPresentAsync(int visitorId, CancellationToken ct) =>
        db.Visits.AnyAsync(v => v.VisitorId == visitorId && v.DepartedAtUtc == null, ct);

    private async Task<int> VatAsync(Site site, CancellationToken ct) =>
        await db.Networks.Where(n => n.Id == site.NetworkId).Select(n => n.VatRateBasisPoints).FirstAsync(ct);

    private async Task<ArrivalResult> ArriveAsync(
        Site site, Visitor visitor, VisitKind kind, int? bookingId, int? resourceId, string pass, int? invoiceId, CancellationToken ct, VisitSource source = VisitSource.Desk)
    {
        if (await IsPresentAsync(visitor.Id, ct))
        {
            return new ArrivalResult(ArrivalOutcome.AlreadyPresent, Name: visitor.DisplayName);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = NewVisit(site, visitor, SiteClock.Today(site, clock), now, kind, bookingId, resourceId, pass, invoiceId);
        visit.Source = source;
        using (await WriteGate.EnterAsync(db, ct))
        {
            db.Visits.Add(visit);
            try
            {
                // The visit and what other tools are told of it, together (webhooks), in the caller's transaction if any.
                await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                await db.SaveChangesAsync(ct);
                await happenings.RecordAsync(CheckedIn(site, visit), ct);
                if (tx is not null)
                {
                    await tx.CommitAsync(ct);
                }
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return new ArrivalResult(ArrivalOutcome.AlreadyPresent, Name: visitor.DisplayName);
            }
        }
        db.ChangeTracker.Clear();
        if (visitor.UserId is { } member)
        {
            await membership.JoinAsync(member, site.NetworkId, CancellationToken.None);
        }
        visit.Visitor = visitor;
        return new ArrivalResult(ArrivalOutcome.Done, visit, visitor.DisplayName);
    }

    private static Common.Happenings.CheckedIn CheckedIn(Site site, Visit v) =>
        new(v.Id, site.Id, site.NetworkId, v.UserId, v.Kind.ToString(), v.BookingId, v.Date, v.ArrivedAtUtc);

    private static Visit NewVisit(Site site, Visitor visitor, DateOnly today, DateTime now, VisitKind kind, int? bookingId, int? resourceId, string pass, int? invoiceId) =>
        new()
        {
            SiteId = site.Id, VisitorId = visitor.Id, UserId = visitor.UserId, Date = today, ArrivedAtUtc = now,
            Postcode = visitor.Postcode, CommuneInsee = visitor.CommuneInsee, Kind = kind, BookingId = bookingId, ResourceId = resourceId, Pass = pass, InvoiceId = invoiceId,
        };

    /// <summary>
    /// The member's visitor row, created on their first arrival (two at once: the unique key keeps one). It takes the
    /// postcode and commune of the account when the account has a postcode: « Mon compte » is where a member moves.
    /// </summary>
    private async Task<Visitor> VisitorForAsync(AppUser user, CancellationToken ct)
    {
        var existing = await db.Visitors.AsNoTracking().FirstOrDefaultAsync(v => v.UserId == user.Id, ct);
        if (existing is not null)
        {
            if (user.Postcode is { } postcode && (existing.Postcode != postcode || existing.CommuneInsee != user.CommuneInsee))
            {
                await db.Visitors.Where(v => v.Id == existing.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Postcode, postcode).SetProperty(v => v.CommuneInsee, user.CommuneInsee), ct);
                (existing.Postcode, existing.CommuneInsee) = (postcode, user.CommuneInsee);
            }
            return existing;
        }
        var visitor = new Visitor
        {
            UserId = user.Id, FirstName = user.FirstName, LastName = user.LastName, SearchKey = NameSearch.Key(user.FirstName, user.LastName),
            Email = user.Email, Postcode = user.Postcode, CommuneInsee = user.CommuneInsee, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Visitors.Add(visitor);
        try
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return visitor;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await db.Visitors.AsNoTracking().FirstAsync(v => v.UserId == user.Id, ct);
        }
    }
}

/// <summary>
/// Who a walk-in is: a known visitor, a member, or a new person (name, optional e-mail), with a postcode and, when
/// chosen, the INSEE code of their commune (one of the postcode's: another is not kept).
/// </summary>
public sealed record WalkInPerson(int? VisitorId, string? UserId, string? FirstName, string? LastName, string? Email, string? Postcode, string? CommuneInsee = null);
