using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Impact;

/// <summary>
/// Carries out a change of a site that may break promises (ADR 0040): the preview asks every
/// <see cref="ISiteChangeImpact"/> what it would cancel; a confirmed change is saved and everything it breaks cancelled
/// in one transaction, with one e-mail per person written to the outbox in that same transaction (sent only if it
/// commits). Pages and API call the same <see cref="ApplyAsync"/>.
/// </summary>
public sealed class SiteChangeImpacts(
    AppDbContext db, IEnumerable<ISiteChangeImpact> sources, IMailSender mail, MailSignal mailSignal, PublicAddress address)
{
    public const string Busy = "Un autre changement de cet espace était en cours : réessayez.";

    /// <summary>What the change would cancel now, read only.</summary>
    public async Task<ImpactPreview> PreviewAsync(SiteChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var items = new List<AffectedItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.FindAsync(change, ct));
        }
        return ImpactPreview.Of(items);
    }

    /// <summary>
    /// Saves the change with <paramref name="save"/> (which returns a French problem to refuse it, or null) when it affects
    /// nobody, or when it is <paramref name="confirm"/>ed and, if a <paramref name="fingerprint"/> is given, the affected
    /// set is still the one previewed; then cancels what it breaks and mails each person once. Otherwise saves nothing and
    /// answers the preview to show. A confirmation posted twice finds nothing left to cancel: it mails nobody again.
    /// </summary>
    public async Task<SiteChangeResult> ApplyAsync(
        SiteChange change, bool confirm, string? fingerprint, Func<CancellationToken, Task<string?>> save, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(save);
        if (!confirm)
        {
            // The usual case of a first post: a preview read without any lock.
            var preview = await PreviewAsync(change, ct);
            if (preview.Items.Count > 0)
            {
                return new SiteChangeResult(SiteChangeOutcome.NeedsConfirmation, preview);
            }
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                // Two changes of one site at once (a confirmation posted twice) queue here: the second sees what the first did.
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT \"Id\" FROM \"Sites\" WHERE \"Id\" = {change.SiteId} FOR UPDATE", ct);
            }
            var now = await PreviewAsync(change, ct);
            if (now.Items.Count > 0 && (!confirm || (fingerprint is not null && fingerprint != now.Fingerprint)))
            {
                await tx.RollbackAsync(ct);
                return new SiteChangeResult(SiteChangeOutcome.NeedsConfirmation, now) { SetChanged = confirm };
            }
            if (await save(ct) is { } problem)
            {
                await tx.RollbackAsync(ct);
                return new SiteChangeResult(SiteChangeOutcome.Refused, Problem: problem);
            }
            var cancelled = new List<AffectedItem>();
            if (now.Items.Count > 0)
            {
                foreach (var source in sources)
                {
                    cancelled.AddRange(await source.CancelAsync(change, ct));
                }
                var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == change.SiteId, ct);
                foreach (var message in SiteChangeMail.For(site, change, cancelled, address.Absolute))
                {
                    await mail.SendAsync(message, ct);
                }
            }
            await tx.CommitAsync(ct);
            if (cancelled.Count > 0)
            {
                mailSignal.Poke();
            }
            return new SiteChangeResult(SiteChangeOutcome.Done, Cancelled: cancelled);
        }
        catch (Exception e) when (DbErrors.IsTransient(e) || DbErrors.IsUniqueViolation(e))
        {
            await tx.RollbackAsync(CancellationToken.None);
            return new SiteChangeResult(SiteChangeOutcome.Refused, Problem: Busy);
        }
    }
}
