using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Features.Access.Doors.Locks;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Access.Doors;

/// <summary>
/// Door access by code (ADR 0057): per site a mode (none, a code of the day, personal codes), the lock it is pushed to (Nuki
/// Web API or a signed webhook), the managers' page <c>/gestion/espaces/{id}/acces</c>, the hosts' page
/// <c>/accueil/{slug}/code-porte</c>, the member's codes on « Ma carte » and in the booking confirmation, and the
/// reconciliation with the locks every <c>Doors:SyncSeconds</c>.
/// </summary>
public static class DoorsModule
{
    public static WebApplicationBuilder AddDoors(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var s = builder.Services;
        s.Configure<DoorOptions>(builder.Configuration.GetSection(DoorOptions.Section));
        s.AddHttpClient<NukiLock>((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<DoorOptions>>().Value.TimeoutSeconds));
        s.AddHttpClient<WebhookLock>((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<DoorOptions>>().Value.TimeoutSeconds));
        s.AddScoped<IDoorLock>(sp => sp.GetRequiredService<NukiLock>());
        s.AddScoped<IDoorLock>(sp => sp.GetRequiredService<WebhookLock>());
        s.AddScoped<DoorCodes>();
        s.AddScoped<DoorSync>();
        s.AddScoped<Booking.IBookingDoorCodes, BookingDoorCodes>();
        s.AddScoped<Reception.Card.ICardSection, DoorCardSection>();
        s.AddPersonalData<DoorsPersonalData>();
        if (builder.Configuration.GetValue("Doors:Sync", true))
        {
            s.AddHostedService<DoorSyncWorker>();
        }
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Access/Doors/Manage", Accounts.Roles.Manager);
            o.Conventions.AuthorizeFolder("/Access/Doors/Desk", Accounts.Roles.Host);
        });
        return builder;
    }
}
