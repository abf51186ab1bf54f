using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Events.Api;
using Cotravail.Web.Features.Events.Manage;
using Cotravail.Web.Features.Events.Mine;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Events;

/// <summary>Animation: the agenda of events, registrations with waitlist, reminders, attendance.</summary>
public static class EventsModule
{
    /// <summary>An event by its id, in <c>/animation/{id}</c>: the hosts of its site and the managers of its network.</summary>
    public static readonly StaffScopeRule EventStaff =
        StaffScopeRule.SiteStaffOf("id", "event id", (db, id) => db.Events.Where(e => e.Id == id).Select(e => e.SiteId));

    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<EventPlaces>();
        s.AddScoped<RegistrationCommands>();
        s.AddPersonalData<EventsPersonalData>();
        s.AddHostedService<RegistrationRetention>();
        s.AddScoped<EventMailer>();
        s.AddScoped<RegistrationLinks>();
        s.AddScoped<AgendaQuery>();
        s.AddScoped<MyRegistrations>();
        s.AddScoped<EventEditor>();
        s.AddScoped<EventReminders>();
        s.AddScoped<Ratings.RatingInvites>();
        s.AddScoped<Moving.EventMover>();
        s.AddScoped<Moving.MoveDeadline>();
        s.AddScoped<PhoneRegistration>();
        s.AddScoped<Cancellation.EventCancellations>();
        s.AddScoped<Sites.Impact.ISiteChangeImpact, Impact.EventsSiteChangeImpact>();
        if (builder.Configuration.GetValue("Events:Reminders", true))
        {
            s.AddHostedService<ReminderWorker>();
        }
        s.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Events/Manage", Roles.Host)
            .RequireStaffScope("animation/{id:int}", EventStaff));
        return builder;
    }

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapEventsApi();
        app.MapEventCancellationApi();
        app.MapAgendaFeed();
        Agenda.EventCalendarLinks.MapEventIcs(app);
        app.MapMyRegistrationsApi();
        app.MapAttendeesCsv();
        Moving.MoveApi.MapMoveApi(app);
        return app;
    }
}
