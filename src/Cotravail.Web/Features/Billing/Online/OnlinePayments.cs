using System.Globalization;
using System.Security.Cryptography;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Online;

public enum StartOutcome
{
    Started,
    UnknownInvoice,
    NothingDue,
    NoProvider,
    ProviderUnavailable,
}

/// <summary>Where to send the payer (<see cref="StartOutcome.Started"/>), or why not.</summary>
public sealed record StartResult(StartOutcome Outcome, Uri? RedirectTo = null, int? AttemptId = null);

/// <summary>
/// Paying invoices online through the network's provider (ADR 0055): starts an attempt (the amount due then), sends the payer
/// to the provider, and settles the attempt from what the provider answers when asked — on its notification (PayFiP's
/// urlnotif, a Stripe webhook) or on the return page when no notification came. Only « paid » for exactly the amount still due
/// records a <see cref="Payment"/> (method online card or SEPA, the provider's reference, unique); another amount is flagged
/// <see cref="OnlinePaymentStatus.AmountMismatch"/> for the network's treasurer. Settling runs one at a time per invoice (a row
/// lock on PostgreSQL, the write gate on SQLite) and only from <see cref="OnlinePaymentStatus.Pending"/>, so a notification
/// received twice, or together with the return page, records one payment.
/// </summary>
public sealed class OnlinePayments(AppDbContext db, IDataProtectionProvider protection, PayFipProvider payFip, StripeProvider stripe,
    Payments payments, PublicAddress address, TimeProvider clock, ILogger<OnlinePayments> log, Common.Observability.CotravailMetrics metrics)
    : Entitlements.IOnlineCardPayment
{
    public const string PayFipNotificationPath = "/api/v1/online-payments/payfip/notification";

    private IDataProtector Protector => protection.CreateProtector("Cotravail.Billing.Online.ProviderSecrets.v1");

    public string Protect(string secret) => Protector.Protect(secret);

    public static string ReturnPath(int attemptId) => string.Create(CultureInfo.InvariantCulture, $"/paiement-en-ligne/{attemptId}");

    public static string PayPath(int invoiceId) => string.Create(CultureInfo.InvariantCulture, $"/mes-factures/{invoiceId}/payer");

    public static string StripeWebhookPath(int networkId) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/online-payments/stripe/{networkId}/webhook");

    /// <summary>The network's provider with its secrets readable, or null when it has none, or its settings are incomplete or unreadable.</summary>
    public async Task<ProviderSettings?> SettingsAsync(int networkId, CancellationToken ct)
    {
        var row = await db.Set<NetworkPaymentProvider>().AsNoTracking().FirstOrDefaultAsync(p => p.NetworkId == networkId, ct);
        if (row is null || !IsComplete(row))
        {
            return null;
        }
        try
        {
            return new ProviderSettings(networkId, row.Kind, row.PayFipNumcli, row.PayFipSaisie,
                row.StripeSecretKeyProtected is { } k ? Protector.Unprotect(k) : null,
                row.StripeWebhookSecretProtected is { } w ? Protector.Unprotect(w) : null, row.SepaDebitEnabled);
        }
        catch (CryptographicException e)
        {
            log.LogWarning(e, "The Stripe keys of network {NetworkId} cannot be read with this key ring: online payment is off until a manager enters them again.", networkId);
            return null;
        }
    }

    /// <summary>Enough is set for the kind chosen: PayFiP's numcli; Stripe's two secrets.</summary>
    public static bool IsComplete(NetworkPaymentProvider row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind switch
        {
            OnlineProviderKind.PayFip => !string.IsNullOrEmpty(row.PayFipNumcli),
            OnlineProviderKind.Stripe => row.StripeSecretKeyProtected is not null && row.StripeWebhookSecretProtected is not null,
            _ => false,
        };
    }

    /// <summary>The networks (among <paramref name="networkIds"/>) whose invoices can be paid online, with their provider.</summary>
    public async Task<IReadOnlyDictionary<int, OnlineProviderKind>> ProvidersAsync(IEnumerable<int> networkIds, CancellationToken ct)
    {
        var ids = networkIds.Distinct().ToList();
        var rows = await db.Set<NetworkPaymentProvider>().AsNoTracking().Where(p => ids.Contains(p.NetworkId) && p.Kind != OnlineProviderKind.None).ToListAsync(ct);
        return rows.Where(IsComplete).ToDictionary(r => r.NetworkId, r => r.Kind);
    }

    /// <summary>Of these invoices, the ones whose network takes online payment (the caller knows what is due).</summary>
    public async Task<IReadOnlySet<int>> PayableAsync(IEnumerable<int> invoiceIds, CancellationToken ct)
    {
        var ids = invoiceIds.Distinct().ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.Id) && i.Kind == InvoiceKind.Invoice)
            .Select(i => new { i.Id, i.NetworkId }).ToListAsync(ct);
        var providers = await ProvidersAsync(invoices.Select(i => i.NetworkId), ct);
        return invoices.Where(i => providers.ContainsKey(i.NetworkId)).Select(i => i.Id).ToHashSet();
    }

    public async Task<bool> IsAvailableAsync(int networkId, CancellationToken ct) => (await ProvidersAsync([networkId], ct)).Count > 0;

    async Task<Uri?> Entitlements.IOnlineCardPayment.StartAsync(Invoice invoice, CancellationToken ct) =>
        (await StartAsync(invoice.Id, invoice.UserId ?? "", ct)).RedirectTo;

    /// <summary>Starts paying what is due on the member's own invoice: an attempt, then the provider's page.</summary>
    public async Task<StartResult> StartAsync(int invoiceId, string userId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId && i.UserId == userId && i.Kind == InvoiceKind.Invoice, ct);
        if (invoice is null)
        {
            return new StartResult(StartOutcome.UnknownInvoice);
        }
        var due = await payments.DueCentsAsync(invoice.Id, ct);
        if (due <= 0)
        {
            return new StartResult(StartOutcome.NothingDue);
        }
        var settings = await SettingsAsync(invoice.NetworkId, ct);
        if (settings is null)
        {
            return new StartResult(StartOutcome.NoProvider);
        }
        var attempt = new OnlinePayment
        {
            NetworkId = invoice.NetworkId, InvoiceId = invoice.Id, UserId = userId, Provider = settings.Kind, Purpose = OnlinePaymentPurpose.Invoice,
            AmountCents = due, Status = OnlinePaymentStatus.Pending, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<OnlinePayment>().Add(attempt);
        await db.SaveChangesAsync(ct);
        var back = new Uri(address.Absolute(ReturnPath(attempt.Id)));
        var request = new CollectRequest(attempt.Id, invoice.Id, invoice.Number, invoice.IssueDate.Year, due, invoice.ClientEmail,
            $"Facture {invoice.Number} – {invoice.IssuerName}", back, new Uri(back.AbsoluteUri + "?abandon=1"),
            new Uri(address.Absolute(PayFipNotificationPath)));
        try
        {
            var collecting = settings.Kind == OnlineProviderKind.PayFip
                ? await payFip.CollectAsync(settings, request, ct)
                : await stripe.CollectAsync(settings, request, ct);
            attempt.ProviderReference = collecting.Reference;
            await db.SaveChangesAsync(ct);
            return new StartResult(StartOutcome.Started, collecting.RedirectTo, attempt.Id);
        }
        catch (ProviderUnavailableException e)
        {
            log.LogWarning(e, "Online payment {AttemptId} of invoice {InvoiceId} could not start at {Provider}.", attempt.Id, invoice.Id, settings.Kind);
            attempt.Status = OnlinePaymentStatus.Refused;
            attempt.Detail = "Le prestataire n'a pas pu être joint.";
            attempt.SettledAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
            return new StartResult(StartOutcome.ProviderUnavailable);
        }
    }

    /// <summary>The attempt of <paramref name="userId"/> (null when it is not theirs).</summary>
    public Task<OnlinePayment?> AttemptOfAsync(int attemptId, string userId, CancellationToken ct) =>
        db.Set<OnlinePayment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, ct);

    /// <summary>
    /// Asks the provider where a pending attempt stands and settles it; an attempt already settled is left as it is. The
    /// provider unreachable, or a reference it does not know: logged, still pending.
    /// </summary>
    public async Task<OnlinePaymentStatus> RefreshAsync(int attemptId, CancellationToken ct)
    {
        var attempt = await db.Set<OnlinePayment>().AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
        if (attempt.Status != OnlinePaymentStatus.Pending || attempt.ProviderReference is null)
        {
            return attempt.Status;
        }
        var settings = await SettingsAsync(attempt.NetworkId, ct);
        if (settings is null || settings.Kind != attempt.Provider)
        {
            log.LogWarning("Online payment {AttemptId}: network {NetworkId} no longer has the provider it was started with.", attempt.Id, attempt.NetworkId);
            return attempt.Status;
        }
        try
        {
            if (attempt.Purpose == OnlinePaymentPurpose.Mandate)
            {
                return await CompleteMandateAsync(attempt, settings, ct);
            }
            var number = await db.Invoices.Where(i => i.Id == attempt.InvoiceId).Select(i => i.Number).FirstAsync(ct);
            var outcome = attempt.Provider == OnlineProviderKind.PayFip
                ? await payFip.AskAsync(settings, attempt.ProviderReference, number, ct)
                : await stripe.AskAsync(settings, attempt.ProviderReference, number, ct);
            return await SettleAsync(attempt.Id, outcome, ct);
        }
        catch (ProviderUnavailableException e)
        {
            log.LogWarning(e, "Online payment {AttemptId}: {Provider} could not be asked; it stays pending.", attempt.Id, attempt.Provider);
            return attempt.Status;
        }
    }

    /// <summary>Settles a pending attempt from the provider's answer, one writer per invoice at a time.</summary>
    private async Task<OnlinePaymentStatus> SettleAsync(int attemptId, ProviderOutcome outcome, CancellationToken ct)
    {
        if (outcome.Answer is ProviderAnswer.Pending or ProviderAnswer.Unknown)
        {
            if (outcome.Answer == ProviderAnswer.Unknown)
            {
                log.LogWarning("Online payment {AttemptId}: the provider does not know it ({Detail}).", attemptId, outcome.Detail);
            }
            return OnlinePaymentStatus.Pending;
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invoiceId = await db.Set<OnlinePayment>().Where(a => a.Id == attemptId).Select(a => a.InvoiceId).FirstAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Invoices\" WHERE \"Id\" = {invoiceId} FOR UPDATE", ct);
        }
        var attempt = await db.Set<OnlinePayment>().FirstAsync(a => a.Id == attemptId, ct);
        if (attempt.Status != OnlinePaymentStatus.Pending)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return attempt.Status; // settled by the other notification
        }
        var now = clock.GetUtcNow().UtcDateTime;
        attempt.SettledAtUtc = now;
        attempt.Detail = Cut(outcome.Detail, 300);
        Payment? payment = null;
        if (outcome.Answer == ProviderAnswer.Refused)
        {
            attempt.Status = OnlinePaymentStatus.Refused;
        }
        else
        {
            attempt.ReceivedCents = outcome.AmountCents;
            var due = await payments.DueCentsAsync(attempt.InvoiceId!.Value, ct);
            if (outcome.AmountCents > 0 && outcome.AmountCents == attempt.AmountCents && outcome.AmountCents <= due)
            {
                payment = new Payment
                {
                    InvoiceId = attempt.InvoiceId.Value, NetworkId = attempt.NetworkId, Method = outcome.Method, AmountCents = outcome.AmountCents,
                    Reference = Cut(outcome.PaymentReference, 100), ProviderReference = ProviderReference(attempt), RecordedAtUtc = now,
                    RecordedByUserId = attempt.UserId,
                };
                db.Payments.Add(payment);
                attempt.Status = OnlinePaymentStatus.Paid;
            }
            else
            {
                attempt.Status = OnlinePaymentStatus.AmountMismatch;
                log.LogWarning("Online payment {AttemptId} of invoice {InvoiceId}: {Received} cents received, {Asked} asked, {Due} due; not recorded, flagged for the treasurer.",
                    attempt.Id, attempt.InvoiceId, outcome.AmountCents, attempt.AmountCents, due);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
            if (payment is not null)
            {
                attempt.PaymentId = payment.Id;
                await db.SaveChangesAsync(ct);
                await payments.RecordedAsync(payment, ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The provider's reference is already in the journal: recorded once, by the other notification.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return OnlinePaymentStatus.Paid;
        }
        if (payment is not null)
        {
            metrics.Payment(payment.Method, payment.AmountCents);
        }
        return attempt.Status;
    }

    private static string ProviderReference(OnlinePayment attempt) =>
        (attempt.Provider == OnlineProviderKind.PayFip ? "payfip:" : "stripe:") + attempt.ProviderReference;

    /// <summary>PayFiP's notification: the attempt of that idOp is asked about and settled. False when no attempt has it.</summary>
    public async Task<bool> PayFipNotifiedAsync(string? idOp, CancellationToken ct)
    {
        var attempt = string.IsNullOrWhiteSpace(idOp) || idOp.Length > 100 ? null
            : await db.Set<OnlinePayment>().AsNoTracking()
                .FirstOrDefaultAsync(a => a.Provider == OnlineProviderKind.PayFip && a.ProviderReference == idOp.Trim(), ct);
        if (attempt is null)
        {
            log.LogWarning("PayFiP notified an unknown idOp {IdOp}: nothing recorded.", Cut(idOp, 100));
            return false;
        }
        await RefreshAsync(attempt.Id, ct);
        return true;
    }

    /// <summary>
    /// A Stripe webhook for <paramref name="networkId"/>: verified with that network's signing secret only, then the attempt it
    /// names — of that network — is asked about and settled.
    /// </summary>
    public async Task<WebhookOutcome> StripeNotifiedAsync(int networkId, string json, string? signature, CancellationToken ct)
    {
        var settings = await SettingsAsync(networkId, ct);
        if (settings is not { Kind: OnlineProviderKind.Stripe })
        {
            log.LogWarning("A Stripe webhook came for network {NetworkId}, which has no Stripe account set.", networkId);
            return WebhookOutcome.NoProvider;
        }
        var e = stripe.Verify(settings, json, signature);
        if (e is null)
        {
            log.LogWarning("A Stripe webhook for network {NetworkId} had a bad or old signature: ignored.", networkId);
            return WebhookOutcome.BadSignature;
        }
        string? reference = null;
        int? attemptId = null;
        switch (e.Data?.Object)
        {
            case Stripe.Checkout.Session session when e.Type is Stripe.EventTypes.CheckoutSessionCompleted
                or Stripe.EventTypes.CheckoutSessionAsyncPaymentSucceeded or Stripe.EventTypes.CheckoutSessionAsyncPaymentFailed:
                reference = session.Id;
                break;
            case Stripe.PaymentIntent intent when e.Type is Stripe.EventTypes.PaymentIntentSucceeded or Stripe.EventTypes.PaymentIntentPaymentFailed:
                reference = intent.Id;
                if (intent.Metadata?.TryGetValue("attempt_id", out var a) == true && int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    attemptId = id;
                }
                break;
            default:
                return WebhookOutcome.Ignored;
        }
        var attempt = await db.Set<OnlinePayment>().AsNoTracking()
            .Where(x => x.NetworkId == networkId && x.Provider == OnlineProviderKind.Stripe && (x.ProviderReference == reference || x.Id == attemptId))
            .OrderBy(x => x.ProviderReference == reference ? 0 : 1).FirstOrDefaultAsync(ct);
        if (attempt is null)
        {
            log.LogWarning("A Stripe webhook {EventType} for network {NetworkId} names an unknown reference {Reference}: nothing recorded.", e.Type, networkId, reference);
            return WebhookOutcome.UnknownReference;
        }
        await RefreshAsync(attempt.Id, ct);
        return WebhookOutcome.Handled;
    }

    /// <summary>Starts signing a SEPA mandate with the network's Stripe account (when it enables SEPA Debit).</summary>
    public async Task<StartResult> StartMandateAsync(int networkId, string userId, CancellationToken ct)
    {
        var settings = await SettingsAsync(networkId, ct);
        if (settings is not { Kind: OnlineProviderKind.Stripe, SepaDebitEnabled: true })
        {
            return new StartResult(StartOutcome.NoProvider);
        }
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        var attempt = new OnlinePayment
        {
            NetworkId = networkId, UserId = userId, Provider = OnlineProviderKind.Stripe, Purpose = OnlinePaymentPurpose.Mandate,
            Status = OnlinePaymentStatus.Pending, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<OnlinePayment>().Add(attempt);
        await db.SaveChangesAsync(ct);
        var back = new Uri(address.Absolute(ReturnPath(attempt.Id)));
        try
        {
            var (collecting, customer) = await stripe.MandateAsync(settings, attempt.Id, user.Email, user.DisplayName, back, new Uri(back.AbsoluteUri + "?abandon=1"), ct);
            attempt.ProviderReference = collecting.Reference;
            attempt.Detail = "customer " + customer;
            await db.SaveChangesAsync(ct);
            return new StartResult(StartOutcome.Started, collecting.RedirectTo, attempt.Id);
        }
        catch (ProviderUnavailableException e)
        {
            log.LogWarning(e, "SEPA mandate {AttemptId} could not start at Stripe.", attempt.Id);
            attempt.Status = OnlinePaymentStatus.Refused;
            attempt.SettledAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
            return new StartResult(StartOutcome.ProviderUnavailable);
        }
    }

    private async Task<OnlinePaymentStatus> CompleteMandateAsync(OnlinePayment attempt, ProviderSettings settings, CancellationToken ct)
    {
        var paymentMethod = await stripe.MandatePaymentMethodAsync(settings, attempt.ProviderReference!, ct);
        if (paymentMethod is null)
        {
            return OnlinePaymentStatus.Pending;
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        var row = await db.Set<OnlinePayment>().FirstAsync(a => a.Id == attempt.Id, ct);
        if (row.Status != OnlinePaymentStatus.Pending)
        {
            return row.Status;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = row.Detail?.StartsWith("customer ", StringComparison.Ordinal) == true ? row.Detail["customer ".Length..] : "";
        await db.Set<SepaMandate>().Where(m => m.NetworkId == row.NetworkId && m.UserId == row.UserId && m.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EndedAtUtc, now), ct);
        db.Set<SepaMandate>().Add(new SepaMandate
        {
            NetworkId = row.NetworkId, UserId = row.UserId, CustomerId = customer, PaymentMethodId = paymentMethod, SignedAtUtc = now,
        });
        row.Status = OnlinePaymentStatus.Paid;
        row.SettledAtUtc = now;
        await db.SaveChangesAsync(ct);
        return row.Status;
    }

    /// <summary>
    /// Ends the member's mandate with the network (a debtor may revoke a SEPA mandate at any time): no invoice is charged to it
    /// from now on; a debit already sent follows its course. False when there was no active mandate.
    /// </summary>
    public async Task<bool> EndMandateAsync(int networkId, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<SepaMandate>().Where(m => m.NetworkId == networkId && m.UserId == userId && m.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EndedAtUtc, now), ct) > 0;
    }

    /// <summary>The member's mandate with the network, when one is active.</summary>
    public Task<SepaMandate?> MandateAsync(int networkId, string userId, CancellationToken ct) =>
        db.Set<SepaMandate>().AsNoTracking().FirstOrDefaultAsync(m => m.NetworkId == networkId && m.UserId == userId && m.EndedAtUtc == null, ct);

    /// <summary>
    /// Charges each invoice of members with an active mandate that is due and was issued since the mandate was signed, once
    /// (no pending or paid charge of it yet). Returns how many charges were sent.
    /// </summary>
    public async Task<int> ChargeMandatesAsync(CancellationToken ct)
    {
        var mandates = await db.Set<SepaMandate>().AsNoTracking().Where(m => m.EndedAtUtc == null).ToListAsync(ct);
        var sent = 0;
        foreach (var mandate in mandates)
        {
            var settings = await SettingsAsync(mandate.NetworkId, ct);
            if (settings is not { Kind: OnlineProviderKind.Stripe, SepaDebitEnabled: true })
            {
                continue;
            }
            var since = mandate.SignedAtUtc;
            var candidates = await db.Invoices.AsNoTracking()
                .Where(i => i.UserId == mandate.UserId && i.NetworkId == mandate.NetworkId && i.Kind == InvoiceKind.Invoice && i.IssuedAtUtc >= since
                    && !db.Set<OnlinePayment>().Any(a => a.InvoiceId == i.Id && (a.Status == OnlinePaymentStatus.Pending || a.Status == OnlinePaymentStatus.Paid)))
                .Select(i => new { i.Id, i.Number }).ToListAsync(ct);
            foreach (var invoice in candidates)
            {
                var due = await payments.DueCentsAsync(invoice.Id, ct);
                if (due <= 0)
                {
                    continue;
                }
                var attempt = new OnlinePayment
                {
                    NetworkId = mandate.NetworkId, InvoiceId = invoice.Id, UserId = mandate.UserId, Provider = OnlineProviderKind.Stripe,
                    Purpose = OnlinePaymentPurpose.MandateCharge, AmountCents = due, Status = OnlinePaymentStatus.Pending, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                };
                db.Set<OnlinePayment>().Add(attempt);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
                {
                    db.ChangeTracker.Clear(); // charged meanwhile by another instance
                    continue;
                }
                try
                {
                    var (reference, outcome) = await stripe.ChargeAsync(settings, mandate, attempt.Id, invoice.Id, invoice.Number, due, ct);
                    attempt.ProviderReference = reference;
                    await db.SaveChangesAsync(ct);
                    sent++;
                    await SettleAsync(attempt.Id, outcome, ct);
                }
                catch (ProviderUnavailableException e)
                {
                    log.LogWarning(e, "Invoice {InvoiceId} could not be charged to its SEPA mandate.", invoice.Id);
                    attempt.Status = OnlinePaymentStatus.Refused;
                    attempt.SettledAtUtc = clock.GetUtcNow().UtcDateTime;
                    await db.SaveChangesAsync(CancellationToken.None);
                }
            }
        }
        return sent;
    }

    private static string? Cut(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
}

public enum WebhookOutcome
{
    Handled,
    Ignored,
    UnknownReference,
    BadSignature,
    NoProvider,
}
