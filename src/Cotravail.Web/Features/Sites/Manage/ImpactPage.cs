using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// A manager's page whose change may cancel bookings or registrations (ADR 0040): a first post that affects people shows
/// them (<see cref="Preview"/>) and saves nothing; « Confirmer » posts the same values again with the preview's
/// fingerprint and carries it out; « Revenir » shows the form again with those values.
/// </summary>
public abstract class ImpactPage(AppDbContext db, SiteChangeImpacts impacts) : ManagerPage(db)
{
    [BindProperty(Name = "confirmer")]
    public bool Confirm { get; set; }

    [BindProperty(Name = "empreinte")]
    public string? Fingerprint { get; set; }

    [BindProperty(Name = "revenir")]
    public bool GoBack { get; set; }

    /// <summary>What the change would cancel, when it waits for the manager's confirmation.</summary>
    public ImpactPreview? Preview { get; private set; }

    /// <summary>The confirmation came for a set that has changed since: this preview is a new one.</summary>
    public bool PreviewChanged { get; private set; }

    /// <summary>The page handler the confirmation posts to (null: the default one).</summary>
    public string? PreviewHandler { get; private set; }

    /// <summary>The values of the change, posted again with the confirmation (hidden fields).</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> PreviewFields { get; }

    /// <summary>« mercredi 9 décembre 2026, 8 h 00 – 22 h 00 » in the site's time zone, in the reader's language.</summary>
    public string When(AffectedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var zone = SiteClock.Zone(Site);
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(item.StartUtc, DateTimeKind.Utc), zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(item.EndUtc, DateTimeKind.Utc), zone);
        var day = DateOnly.FromDateTime(start);
        var lastDay = DateOnly.FromDateTime(end);
        return day == lastDay
            ? $"{Format.LongDate(day)}, {Format.Time(TimeOnly.FromDateTime(start))} – {Format.Time(TimeOnly.FromDateTime(end))}"
            : $"{Format.LongDate(day)}, {Format.Time(TimeOnly.FromDateTime(start))} – {Format.LongDate(lastDay)}, {Format.Time(TimeOnly.FromDateTime(end))}";
    }

    /// <summary>
    /// Applies <paramref name="change"/>: <paramref name="save"/> makes and saves it (null, or a French problem that
    /// refuses it, shown on <paramref name="problemField"/>); <paramref name="done"/> answers once it is carried out,
    /// given the notice's end about what it cancelled.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(
        SiteChange change, string? handler, Func<CancellationToken, Task<string?>> save, string problemField,
        Func<string, IActionResult> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(done);
        var result = await impacts.ApplyAsync(change, Confirm, Confirm ? Fingerprint ?? "" : null, save, ct);
        switch (result.Outcome)
        {
            case SiteChangeOutcome.NeedsConfirmation:
                Preview = result.Preview;
                PreviewChanged = result.SetChanged;
                PreviewHandler = handler;
                return Page();
            case SiteChangeOutcome.Refused:
                ModelState.AddModelError(problemField, T[result.Problem!]);
                return Page();
            default:
                var count = result.Cancelled!.Count;
                return done(count switch
                {
                    0 => "",
                    1 => " " + T["1 réservation est annulée ; la personne est prévenue par e-mail."],
                    _ => " " + T["{0} réservations sont annulées ; chaque personne est prévenue par e-mail.", count],
                });
        }
    }
}
