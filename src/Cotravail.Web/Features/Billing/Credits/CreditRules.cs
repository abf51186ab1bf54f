using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing.Credits;

/// <summary>A line of the invoice to credit, with the quantity earlier credit notes already credited.</summary>
public sealed record CreditableLine(int Id, int Position, string Description, int Quantity, int UnitPriceInclTaxCents, int VatRateBasisPoints, int CreditedQuantity)
{
    /// <summary>What is left to credit: the quantity less what earlier credit notes of this line credited.</summary>
    public int Left => Math.Max(0, Quantity - CreditedQuantity);
}

/// <summary>A carnet or a subscription (one month) bought on a line: its days as they are now.</summary>
public sealed record HeldDays(
    int EntitlementId, int LineId, string Holder, string Name, ProductKind Kind, int? Days, int Used, DateOnly StartsOn, DateOnly ExpiresOn, bool Withdrawn);

/// <summary>A booking charged on a line; <paramref name="Active"/> while it is still confirmed.</summary>
public sealed record HeldBooking(int BookingId, int LineId, DateOnly Date, string SiteName, bool Active);

/// <summary>Something a line paid for that a credit note does not undo (a visit, an event's place), as a French text and its arguments.</summary>
public sealed record HeldFact(int LineId, string Text, object[] Args);

/// <summary>What a manager asks: a reason, a quantity per line id, and whether only the unused part of carnets and subscriptions is credited.</summary>
public sealed record CreditAsk(string? Reason, IReadOnlyDictionary<int, int> Quantities, bool UnusedOnly);

/// <summary>A French text (a localisation key) and its arguments.</summary>
public sealed record CreditText(string Text, params object[] Args)
{
    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>In French, dates written out (« mardi 8 décembre 2026 »), for the API.</summary>
    public string French() =>
        string.Format(Fr, Text, [.. Args.Select(a => a is DateOnly d ? Common.Format.LongDate(d, Fr) : a)]);

    /// <summary>Through the page's localizer, dates written out in the current culture.</summary>
    public string Render(Func<string, object[], string> localize)
    {
        ArgumentNullException.ThrowIfNull(localize);
        return localize(Text, [.. Args.Select(a => a is DateOnly d ? Common.Format.LongDate(d) : a)]);
    }
}

/// <summary>
/// Days taken back from an entitlement, applied only if it is still as read (<paramref name="ExpectedUsed"/>,
/// <paramref name="ExpectedExpiresOn"/>): a booking that took a day in between makes the credit note refused, not wrong.
/// </summary>
public sealed record DaysWithdrawal(int EntitlementId, int ExpectedUsed, DateOnly ExpectedExpiresOn, int? NewDays, DateOnly NewExpiresOn, int WithdrawnDays);

/// <summary>A line of the credit note and the invoice line it credits.</summary>
public sealed record PlannedLine(int CreditedLineId, int CreditedQuantity, LineRequest Line);

/// <summary>What a credit note would be: its lines, what it undoes (in French), and the problems that refuse it.</summary>
public sealed record CreditPlan(
    IReadOnlyList<PlannedLine> Lines, IReadOnlyList<CreditText> Undoes, IReadOnlyList<DaysWithdrawal> Withdrawals,
    IReadOnlyList<int> BookingsToCancel, IReadOnlyDictionary<string, CreditText> Problems)
{
    public bool IsValid => Problems.Count == 0 && Lines.Count > 0;

    public int TotalInclTaxCents => Lines.Sum(l => InvoiceMath.Line(l.Line, 1).TotalInclTaxCents);
}

/// <summary>
/// The rules of a credit note, without a database (ADR 0036). Per line, at most what is left is credited. A carnet or a
/// subscription month credited loses the days it has not used: one already used is refused unless only the unused part
/// is credited, then pro rata of its unused days, rounded up to the cent (in the member's favour). A booking charged on
/// the line is cancelled when it is after today; past days, visits and events stay: crediting money does not undo them.
/// </summary>
public static class CreditRules
{
    public const int MaxReasonLength = 500;

    public const string NoReason = "Indiquez le motif de l'avoir.";
    public const string ReasonTooLong = "Le motif fait au plus 500 caractères.";
    public const string NothingChosen = "Choisissez au moins une ligne à créditer (une quantité de 1 ou plus).";
    public const string UnknownLine = "Cette ligne n'est pas sur la facture.";
    public const string NegativeQuantity = "La quantité à créditer est un nombre positif ou nul.";
    public const string AboveLeft = "Ligne {0} : il reste {1} à créditer, pas {2}.";
    public const string AlreadyUsed =
        "{0} de {1} : journées déjà utilisées, {2} sur {3}. Cochez « créditer seulement la part non utilisée » pour ne créditer que les journées restantes ({4}), ou créditez une quantité moindre.";
    public const string AlreadyStarted =
        "{0} de {1} (du {2} au {3}) est déjà commencé ou sert déjà à des réservations. Cochez « créditer seulement la part non utilisée » pour ne créditer que les journées à venir.";
    public const string NothingUnused = "{0} de {1} n'a plus de journée non utilisée : il n'y a rien à en créditer. Créditez une quantité moindre.";

    public const string DaysWithdrawn = "{0} de {1} : journées non utilisées retirées ({2}).";
    public const string DaysWithdrawnPartly = "{0} de {1} : journées non utilisées retirées ({2}) ; les journées déjà utilisées ({3}) restent acquises.";
    public const string MonthWithdrawn = "{0} de {1} du {2} au {3} : retiré en entier.";
    public const string MonthWithdrawnPartly = "{0} de {1} : les journées du {2} au {3} sont retirées ({4} en tout) ; les journées jusqu'au {5} restent acquises.";
    public const string BookingCancelled = "La réservation du {0} ({1}) sera annulée et sa place libérée.";
    public const string PastBookingStays = "{0} réservation passée reste acquise : un avoir ne défait pas une venue passée.";
    public const string PastBookingsStay = "{0} réservations passées restent acquises : un avoir ne défait pas une venue passée.";
    public const string NothingHeld = "« {0} » : rien d'autre à défaire (aucune journée ni réservation à venir liée à cette ligne).";
    public const string UnusedPart = "{0} – part non utilisée (journées : {1} sur {2})";

    /// <summary>The plan of a credit note on <paramref name="lines"/>, for <paramref name="ask"/>, on <paramref name="today"/>.</summary>
    public static CreditPlan Plan(
        IReadOnlyList<CreditableLine> lines, IReadOnlyList<HeldDays> days, IReadOnlyList<HeldBooking> bookings, IReadOnlyList<HeldFact> facts,
        CreditAsk ask, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(ask);
        var problems = new Dictionary<string, CreditText>();
        if (string.IsNullOrWhiteSpace(ask.Reason))
        {
            problems["reason"] = new CreditText(NoReason);
        }
        else if (ask.Reason.Trim().Length > MaxReasonLength)
        {
            problems["reason"] = new CreditText(ReasonTooLong);
        }
        foreach (var (id, quantity) in ask.Quantities)
        {
            var line = lines.FirstOrDefault(l => l.Id == id);
            if (line is null)
            {
                problems[$"line-{id}"] = new CreditText(UnknownLine);
            }
            else if (quantity < 0)
            {
                problems[$"line-{id}"] = new CreditText(NegativeQuantity);
            }
            else if (quantity > line.Left)
            {
                problems[$"line-{id}"] = new CreditText(AboveLeft, line.Position, line.Left, quantity);
            }
        }
        if (!ask.Quantities.Any(q => q.Value > 0) && problems.Keys.All(k => k == "reason"))
        {
            problems["lines"] = new CreditText(NothingChosen);
        }

        var planned = new List<PlannedLine>();
        var undoes = new List<CreditText>();
        var withdrawals = new List<DaysWithdrawal>();
        var cancel = new List<int>();
        foreach (var line in lines.OrderBy(l => l.Position))
        {
            var quantity = ask.Quantities.GetValueOrDefault(line.Id);
            if (quantity <= 0 || quantity > line.Left)
            {
                continue;
            }
            var field = $"line-{line.Id}";
            var full = quantity;
            var held = days.Where(d => d.LineId == line.Id && !d.Withdrawn).OrderBy(d => IsUsed(d, today)).ThenByDescending(d => d.StartsOn).ThenByDescending(d => d.EntitlementId)
                .Take(quantity).ToList();
            foreach (var d in held)
            {
                var (unused, total) = Unused(d, today);
                if (!IsUsed(d, today))
                {
                    withdrawals.Add(Withdraw(d, today, unused));
                    undoes.Add(d.Days is { } n
                        ? new CreditText(DaysWithdrawn, d.Name, d.Holder, n)
                        : new CreditText(MonthWithdrawn, d.Name, d.Holder, d.StartsOn, d.ExpiresOn));
                    continue;
                }
                if (!ask.UnusedOnly)
                {
                    problems.TryAdd(field, d.Days is { } n
                        ? new CreditText(AlreadyUsed, d.Name, d.Holder, d.Used, n, unused)
                        : new CreditText(AlreadyStarted, d.Name, d.Holder, d.StartsOn, d.ExpiresOn));
                    continue;
                }
                if (unused == 0)
                {
                    problems.TryAdd(field, new CreditText(NothingUnused, d.Name, d.Holder));
                    continue;
                }
                full--;
                var withdrawal = Withdraw(d, today, unused);
                withdrawals.Add(withdrawal);
                undoes.Add(d.Days is { } days2
                    ? new CreditText(DaysWithdrawnPartly, d.Name, d.Holder, unused, days2 - unused)
                    : new CreditText(MonthWithdrawnPartly, d.Name, d.Holder, withdrawal.NewExpiresOn.AddDays(1), d.ExpiresOn, unused, withdrawal.NewExpiresOn));
                planned.Add(new PlannedLine(line.Id, 1, new LineRequest(
                    Cut(string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), UnusedPart, line.Description, unused, total)),
                    1, ProRata(line.UnitPriceInclTaxCents, unused, total), line.VatRateBasisPoints)));
            }
            if (full > 0)
            {
                planned.Insert(planned.Count - (quantity - full), new PlannedLine(line.Id, full,
                    new LineRequest(line.Description, full, line.UnitPriceInclTaxCents, line.VatRateBasisPoints)));
            }
            var ofLine = bookings.Where(b => b.LineId == line.Id && b.Active).ToList();
            var future = ofLine.Where(b => b.Date > today).OrderByDescending(b => b.Date).ThenByDescending(b => b.BookingId).Take(quantity).ToList();
            foreach (var b in future.OrderBy(b => b.Date))
            {
                cancel.Add(b.BookingId);
                undoes.Add(new CreditText(BookingCancelled, b.Date, b.SiteName));
            }
            var past = ofLine.Count(b => b.Date <= today);
            if (past > 0 && future.Count < quantity)
            {
                var stay = Math.Min(past, quantity - future.Count);
                undoes.Add(new CreditText(stay == 1 ? PastBookingStays : PastBookingsStay, stay));
            }
            var lineFacts = facts.Where(f => f.LineId == line.Id).ToList();
            undoes.AddRange(lineFacts.Select(f => new CreditText(f.Text, f.Args)));
            if (held.Count == 0 && ofLine.Count == 0 && lineFacts.Count == 0)
            {
                undoes.Add(new CreditText(NothingHeld, line.Description));
            }
        }
        return new CreditPlan(planned, undoes, withdrawals, cancel, problems);
    }

    /// <summary>Pro rata of the unused days, rounded up to the cent: the member never gets less than their share back.</summary>
    public static int ProRata(int unitCents, int unused, int total) =>
        total <= 0 ? 0 : (int)(((long)unitCents * unused + total - 1) / total);

    /// <summary>
    /// Whether an entitlement has served: a day used (a booking covered, even a future one), or for an unlimited
    /// subscription a month already begun, or one expired.
    /// </summary>
    public static bool IsUsed(HeldDays d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Used > 0 || d.ExpiresOn < today || (d.Days is null && d.StartsOn <= today);
    }

    /// <summary>
    /// Its unused days and its days in all: a carnet's days not used (none once expired); an unlimited subscription's
    /// calendar days after today (all of them before it starts).
    /// </summary>
    public static (int Unused, int Total) Unused(HeldDays d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Days is { } n)
        {
            return (d.ExpiresOn < today ? 0 : Math.Max(0, n - d.Used), n);
        }
        var total = d.ExpiresOn.DayNumber - d.StartsOn.DayNumber + 1;
        var from = d.StartsOn > today ? d.StartsOn : today.AddDays(1);
        return (Math.Max(0, d.ExpiresOn.DayNumber - from.DayNumber + 1), total);
    }

    private static DaysWithdrawal Withdraw(HeldDays d, DateOnly today, int unused)
    {
        if (d.Days is { } n)
        {
            return new DaysWithdrawal(d.EntitlementId, d.Used, d.ExpiresOn, n - unused, d.ExpiresOn, unused);
        }
        // An unlimited month ends the day before its first unused day (before it starts when nothing of it is used).
        var end = d.StartsOn > today ? d.StartsOn.AddDays(-1) : today;
        return new DaysWithdrawal(d.EntitlementId, d.Used, d.ExpiresOn, null, end, unused);
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] : text;
}
