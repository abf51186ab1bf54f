using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

public enum ContactOutcome
{
    Sent,
    NotFound,
    ToSelf,
    Blocked,
    Expired,
    DailyLimit,
}

public sealed record ContactResult(ContactOutcome Outcome, int? ConversationId = null);

/// <summary>
/// The contact relay. A member writes to a profile (or about a listing); the message is stored and its recipient
/// gets an e-mail with the text and a link to the conversation on Cotravail, where they answer. Addresses stay with
/// the platform. New contacts a day per sender are capped (<c>Network:DailyContacts</c>, default 10) by a conditional
/// increment of one row per sender and day, so the cap holds across instances.
/// </summary>
public sealed class ContactRelay(AppDbContext db, IMailSender mail, EntrepreneursLinks links, Audiences audiences, TimeProvider clock, IConfiguration config)
{
    public int DailyLimit => Math.Max(1, config.GetValue("Network:DailyContacts", 10));

    public async Task<ContactResult> StartAsync(string senderId, int profileId, int? listingId, string subject, string body, CancellationToken ct)
    {
        var profile = await db.Profiles().AsNoTracking().VisibleTo(await audiences.ForAsync(senderId, ct)).FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return new(ContactOutcome.NotFound);
        }
        if (listingId is { } lid)
        {
            var listing = await db.Listings().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lid && l.ProfileId == profileId && !l.IsHidden, ct);
            if (listing is null)
            {
                return new(ContactOutcome.NotFound);
            }
            if (listing.ExpiresOn < DirectoryClock.Today(clock) || listing.ClosedAtUtc is not null)
            {
                return new(ContactOutcome.Expired);
            }
        }
        if (profile.OwnerUserId == senderId)
        {
            return new(ContactOutcome.ToSelf);
        }
        if (await IsBlockedAsync(profile.OwnerUserId, senderId, ct))
        {
            return new(ContactOutcome.Blocked);
        }
        if (!await TakeQuotaAsync(senderId, ct))
        {
            return new(ContactOutcome.DailyLimit);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            StarterUserId = senderId, RecipientUserId = profile.OwnerUserId, RecipientProfileId = profile.Id, ListingId = listingId,
            Subject = subject.Trim(), CreatedAtUtc = now, LastMessageAtUtc = now,
        };
        conversation.Messages.Add(new ConversationMessage { SenderUserId = senderId, Body = body.Trim(), SentAtUtc = now });
        db.Conversations().Add(conversation);
        await db.SaveChangesAsync(ct);
        await NotifyAsync(conversation, senderId, body.Trim(), ct);
        return new(ContactOutcome.Sent, conversation.Id);
    }

    public async Task<ContactOutcome> ReplyAsync(string senderId, int conversationId, string body, CancellationToken ct)
    {
        var conversation = await db.Conversations().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || !conversation.Involves(senderId))
        {
            return ContactOutcome.NotFound;
        }
        if (await IsBlockedAsync(conversation.OtherThan(senderId), senderId, ct))
        {
            return ContactOutcome.Blocked;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.ConversationMessages().Add(new ConversationMessage { ConversationId = conversationId, SenderUserId = senderId, Body = body.Trim(), SentAtUtc = now });
        await db.SaveChangesAsync(ct);
        await db.Conversations().Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastMessageAtUtc, now), ct);
        await NotifyAsync(conversation, senderId, body.Trim(), ct);
        return ContactOutcome.Sent;
    }

    public Task<bool> IsBlockedAsync(string blockerId, string senderId, CancellationToken ct) =>
        db.Blocks().AnyAsync(b => b.BlockerUserId == blockerId && b.BlockedUserId == senderId, ct);

    public async Task BlockAsync(string blockerId, string blockedId, CancellationToken ct)
    {
        if (blockerId == blockedId || await IsBlockedAsync(blockerId, blockedId, ct))
        {
            return;
        }
        db.Blocks().Add(new Block { BlockerUserId = blockerId, BlockedUserId = blockedId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // blocked twice at once: once is enough
        }
    }

    public Task UnblockAsync(string blockerId, string blockedId, CancellationToken ct) =>
        db.Blocks().Where(b => b.BlockerUserId == blockerId && b.BlockedUserId == blockedId).ExecuteDeleteAsync(ct);

    /// <summary>Claims one new contact of today's allowance: true when there was one left.</summary>
    private async Task<bool> TakeQuotaAsync(string senderId, CancellationToken ct)
    {
        var today = DirectoryClock.Today(clock);
        var limit = DailyLimit;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var taken = await db.ContactQuotas().Where(q => q.UserId == senderId && q.Day == today && q.Count < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Count, q => q.Count + 1), ct);
            if (taken == 1)
            {
                return true;
            }
            var count = await db.ContactQuotas().Where(q => q.UserId == senderId && q.Day == today).Select(q => (int?)q.Count).FirstOrDefaultAsync(ct);
            if (count >= limit)
            {
                return false;
            }
            if (count is not null)
            {
                continue; // today's row appeared since the increment was tried (another request created it): try again
            }
            db.ContactQuotas().Add(new ContactQuota { UserId = senderId, Day = today, Count = 1 });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear(); // another request of the same sender created today's row: take from it
            }
        }
        return false;
    }

    private async Task NotifyAsync(Conversation conversation, string senderId, string body, CancellationToken ct)
    {
        var recipientId = conversation.OtherThan(senderId);
        var to = await db.Users.AsNoTracking().Where(u => u.Id == recipientId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(to))
        {
            return;
        }
        var from = await SenderNameAsync(senderId, ct);
        var text = $"Bonjour,\n\n{from} vous écrit par le réseau Cotravail au sujet de « {conversation.Subject} » :\n\n{body}\n\n"
            + $"Pour répondre, ouvrez la conversation sur Cotravail (votre adresse e-mail n'est pas communiquée) :\n{links.Conversation(conversation.Id)}\n\n"
            + "Ne répondez pas à cet e-mail : la réponse passe par Cotravail.\n";
        await mail.SendAsync(new OutgoingMail(to, $"Message de {from} : {conversation.Subject}", text), ct);
    }

    public async Task<string> SenderNameAsync(string userId, CancellationToken ct)
    {
        // The account's name, not the profile's: a hidden profile never appears, not even in a message.
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? "Un membre" : $"{user.FirstName} {user.LastName}".Trim() is { Length: > 0 } n ? n : "Un membre";
    }
}

/// <summary>Absolute links of the network's e-mails, on the <see cref="Common.PublicAddress"/>.</summary>
public sealed class EntrepreneursLinks(Common.PublicAddress address)
{
    public string Conversation(int id) => Absolute($"/messages/{id}");

    public string Absolute(string path) => address.Absolute(path);
}
