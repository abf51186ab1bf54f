using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// Puts a newcomer in touch with an ambassador and carries their messages: each side gets an e-mail with a link to
/// the conversation on Cotravail, never the other's address.
/// </summary>
public sealed class Relay(AppDbContext db, TimeProvider clock, IMailSender mail, NewcomerLinks links, NewcomerInbox inbox, IConfiguration config)
{
    /// <summary>Messages one side may send in a conversation over 24 hours (<c>Newcomers:RelayMessagesPerDay</c>): each one sends an e-mail.</summary>
    public int MaxPerDay => Math.Max(1, config.GetValue("Newcomers:RelayMessagesPerDay", 20));

    /// <summary>True when this side has reached <see cref="MaxPerDay"/> messages over the last 24 hours.</summary>
    public async Task<bool> TooManyAsync(int introductionId, bool fromNewcomer, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        return await db.Set<RelayMessage>().CountAsync(m => m.IntroductionId == introductionId && m.FromNewcomer == fromNewcomer && m.AtUtc > since, ct) >= MaxPerDay;
    }

    /// <summary>The first name and initial shown of a member (« Sophie M. »).</summary>
    public static string ShortName(Accounts.AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var initial = user.LastName.Length > 0 ? $" {user.LastName[0]}." : "";
        return user.FirstName.Length > 0 ? user.FirstName + initial : "Un membre";
    }

    public async Task<Introduction> IntroduceAsync(NewcomerRequest request, Ambassador ambassador, string userId, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ambassador);
        var introduction = new Introduction
        {
            RequestId = request.Id, AmbassadorId = ambassador.Id, CreatedByUserId = userId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        using (await WriteGate.EnterAsync(db, ct))
        {
            db.Add(introduction);
            await db.SaveChangesAsync(ct);
        }
        var name = ShortName(ambassador.User!);
        await mail.SendAsync(NewcomerMails.IntroductionToNewcomer(request, name, ambassador.Sectors, links.NewcomerConversation(introduction.Id)), ct);
        await mail.SendAsync(NewcomerMails.IntroductionToAmbassador(ambassador.User!.Email!, ambassador.User.FirstName, request,
            links.AmbassadorConversation(introduction.Id)), ct);
        await inbox.AddAsync(request.Id, new RequestEntry
        {
            Kind = EntryKind.Introduced, Text = $"Mis·e en relation avec l'ambassadeur ou l'ambassadrice {ambassador.User.DisplayName}.",
            ByUserId = userId, ByName = userName, AtUtc = clock.GetUtcNow().UtcDateTime,
        }, ct);
        return introduction;
    }

    public Task<Introduction?> LoadAsync(int introductionId, CancellationToken ct) =>
        db.Set<Introduction>().AsNoTracking().AsSplitQuery()
            .Include(i => i.Request).Include(i => i.Ambassador).ThenInclude(a => a!.User)
            .Include(i => i.Messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id))
            .FirstOrDefaultAsync(i => i.Id == introductionId, ct);

    /// <summary>Stores a message and tells the other side by e-mail (with a link back, without the sender's address).</summary>
    public async Task PostAsync(Introduction introduction, bool fromNewcomer, string body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        using (await WriteGate.EnterAsync(db, ct))
        {
            db.Add(new RelayMessage { IntroductionId = introduction.Id, FromNewcomer = fromNewcomer, Body = body.Trim(), AtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        var request = introduction.Request!;
        var ambassador = introduction.Ambassador!.User!;
        var notice = fromNewcomer
            ? NewcomerMails.NewMessage(ambassador.Email!, ambassador.FirstName, request.Name, body.Trim(), links.AmbassadorConversation(introduction.Id))
            : request.Email is { } email
                ? NewcomerMails.NewMessage(email, request.Name, ShortName(ambassador), body.Trim(), links.NewcomerConversation(introduction.Id))
                : null;
        if (notice is not null)
        {
            await mail.SendAsync(notice, ct);
        }
    }
}
