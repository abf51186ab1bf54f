using Cotravail.Web.Common.Images;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>Saves « Ma fiche »: texts, visibility with the date of consent or withdrawal, photo.</summary>
public sealed class ProfileEditor(AppDbContext db, TimeProvider clock)
{
    public Task<Profile?> MineAsync(string userId, CancellationToken ct) =>
        db.Profiles().FirstOrDefaultAsync(p => p.OwnerUserId == userId, ct);

    /// <summary>Whether the account asked for the weekly digest (a choice of the account, shown on « Ma fiche » too).</summary>
    public Task<bool> WantsDigestAsync(string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.WantsDigest).FirstOrDefaultAsync(ct);

    public async Task<Profile> SaveAsync(string userId, ProfileInput input, CheckedImage? photo, byte[]? photoBytes, bool removePhoto, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await MineAsync(userId, ct);
        if (profile is null)
        {
            profile = new Profile { OwnerUserId = userId, CreatedAtUtc = now, Visibility = Visibility.Hidden };
            db.Profiles().Add(profile);
        }
        profile.Kind = input.Kind!.Value;
        profile.Name = input.Name!.Trim();
        profile.Sector = string.IsNullOrEmpty(input.Sector) ? null : input.Sector;
        profile.Skills = input.Skills ?? "";
        profile.Postcode = input.Postcode!.Trim();
        profile.Commune = input.OfficialCommune ?? input.Commune!.Trim();
        profile.Website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
        profile.Presentation = input.Presentation?.Trim() ?? "";
        profile.Offers = input.Offers?.Trim() ?? "";
        profile.Seeks = input.Seeks?.Trim() ?? "";
        // The digest is chosen on the account (« Mon compte » shows the same choice).
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is { } owner)
        {
            owner.WantsDigest = input.WantsDigest;
        }
        SetVisibility(profile, input.Visibility!.Value, now);
        profile.UpdatedAtUtc = now;
        profile.Index();
        if (removePhoto && photo is null)
        {
            profile.HasPhoto = false;
        }
        if (photo is not null)
        {
            profile.HasPhoto = true;
            profile.PhotoVersion++;
        }
        await db.SaveChangesAsync(ct);
        if (removePhoto || photo is not null)
        {
            await db.ProfilePhotos().Where(p => p.ProfileId == profile.Id).ExecuteDeleteAsync(ct);
        }
        if (photo is not null)
        {
            db.ProfilePhotos().Add(new ProfilePhoto
            {
                ProfileId = profile.Id, ContentType = photo.ContentType, Content = photoBytes!, Width = photo.Width, Height = photo.Height, UpdatedAtUtc = now,
            });
            await db.SaveChangesAsync(ct);
        }
        return profile;
    }

    /// <summary>Hides the profile at once (« withdraw my consent »); true when it was visible.</summary>
    public async Task<bool> HideAsync(string userId, CancellationToken ct)
    {
        var profile = await MineAsync(userId, ct);
        if (profile is null || profile.Visibility == Visibility.Hidden)
        {
            return false;
        }
        SetVisibility(profile, Visibility.Hidden, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static void SetVisibility(Profile profile, Visibility chosen, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Visibility == chosen)
        {
            return;
        }
        if (chosen == Visibility.Hidden)
        {
            profile.WithdrawnAtUtc = now;
        }
        else
        {
            profile.ConsentAtUtc = now;
            profile.WithdrawnAtUtc = null;
            if (profile.Visibility == Visibility.Hidden)
            {
                profile.VisibleSinceUtc = now;
            }
        }
        profile.Visibility = chosen;
    }
}
