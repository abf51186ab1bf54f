using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>Receives requests and keeps their history: notes, e-mails sent from the platform, status changes (who, when).</summary>
public sealed class NewcomerInbox(AppDbContext db, TimeProvider clock, IMailSender mail, NewcomerLinks links)
{
    /// <summary>Stores a valid request, writes its first history line and sends the acknowledgement (when there is an e-mail).</summary>
    public async Task<NewcomerRequest> SubmitAsync(int networkId, RequestForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow().UtcDateTime;
        var postcode = Clean(form.OriginPostcode);
        var department = Origins.DepartmentOf(postcode);
        var country = Clean(form.OriginCountry);
        var request = new NewcomerRequest
        {
            NetworkId = networkId, Kind = form.Kind!, Name = form.Name!.Trim(), Organisation = Clean(form.Organisation),
            Email = Clean(form.Email), Phone = Clean(form.Phone), Project = form.Project!,
            OriginPostcode = postcode, OriginCountry = country, Department = department,
            Region = Origins.RegionOfDepartment(department) ?? (country is not null && !IsFrance(country) ? Origins.Abroad : null),
            ArrivalMonth = RequestForm.ParseMonth(form.ArrivalMonth),
            Needs = string.Join(',', RequestForm.AllNeeds.Where(form.Needs.Contains)),
            Message = Clean(form.Message), Status = RequestStatus.New, CreatedAtUtc = now,
        };
        request.History.Add(new RequestEntry { Kind = EntryKind.Received, Text = "Demande reçue.", ToStatus = RequestStatus.New, ByName = request.Name, AtUtc = now });
        using (await WriteGate.EnterAsync(db, ct))
        {
            db.Add(request);
            await db.SaveChangesAsync(ct);
        }
        if (request.Email is { } to)
        {
            await mail.SendAsync(NewcomerMails.Acknowledgement(request, links), ct);
            await AddAsync(request.Id, new RequestEntry
            {
                Kind = EntryKind.MailSent, Text = $"Accusé de réception envoyé à {to}.", ByName = "Cotravail", AtUtc = now,
            }, ct);
        }
        return request;
    }

    public Task AddNoteAsync(int requestId, string text, string userId, string userName, CancellationToken ct) =>
        AddAsync(requestId, new RequestEntry { Kind = EntryKind.Note, Text = text.Trim(), ByUserId = userId, ByName = userName, AtUtc = Now }, ct);

    /// <summary>Changes the status and records it; false when it was already that status.</summary>
    public async Task<bool> ChangeStatusAsync(int requestId, RequestStatus status, string userId, string userName, CancellationToken ct)
    {
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await db.Set<NewcomerRequest>().FirstAsync(r => r.Id == requestId, ct);
        if (request.Status == status)
        {
            return false;
        }
        var from = request.Status;
        request.Status = status;
        request.SettledAtUtc = status == RequestStatus.Settled ? Now : null;
        db.Add(new RequestEntry
        {
            RequestId = requestId, Kind = EntryKind.StatusChanged, FromStatus = from, ToStatus = status,
            Text = $"Statut : {RequestLabels.Status(from)} → {RequestLabels.Status(status)}.", ByUserId = userId, ByName = userName, AtUtc = Now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Sends an e-mail from the platform to the person and keeps it in the history.</summary>
    public async Task SendMailAsync(NewcomerRequest request, string subject, string body, string userId, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await mail.SendAsync(NewcomerMails.FromManager(request, subject.Trim(), body.Trim(), userName), ct);
        await AddAsync(request.Id, new RequestEntry
        {
            Kind = EntryKind.MailSent, Text = $"E-mail « {subject.Trim()} » :\n{body.Trim()}", ByUserId = userId, ByName = userName, AtUtc = Now,
        }, ct);
        if (request.Status == RequestStatus.New)
        {
            await ChangeStatusAsync(request.Id, RequestStatus.Answered, userId, userName, ct);
        }
    }

    internal async Task AddAsync(int requestId, RequestEntry entry, CancellationToken ct)
    {
        entry.RequestId = requestId;
        using var gate = await WriteGate.EnterAsync(db, ct);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsFrance(string country) =>
        Sites.Communes.Normalise(country) is "france" or "fr";
}
