using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Common.Observability;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Data.Commands;
using Cotravail.Web.Features.Access.Doors;
using Cotravail.Web.Features.Access.Wifi;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Accounts.TwoFactor;
using Cotravail.Web.Features.Audit;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Community;
using Cotravail.Web.Features.Observatory;
using Cotravail.Web.Features.Privacy;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.MySpace;
using Cotravail.Web.Features.Entrepreneurs;
using Cotravail.Web.Features.Newcomers;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.SingleSignOn;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Surveys;
using Cotravail.Web.Features.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddData();
builder.AddWeb();
builder.AddMail();
builder.AddObservability();
builder.AddAccounts();
builder.AddSecurity();
builder.AddAudit();
builder.AddSites();
builder.AddBooking();
builder.AddBilling();
builder.AddSurveys();
builder.AddEvents();
builder.AddCommunity();
builder.AddObservatory();
builder.AddReception();
builder.AddEntrepreneurs();
builder.AddNewcomers();
builder.AddPrivacy();
builder.AddMySpace();
builder.AddWebhooks();
builder.AddDoors();
builder.AddSingleSignOn();
builder.AddWifi();

var app = builder.Build();

// Maintenance commands (backup, restore, copy-to-postgres, bench-data) run instead of the server.
if (await app.RunCommandAsync(args))
{
    return;
}
await app.InitializeDatabaseAsync();

app.UseWeb(afterAuthorization: ManagerTwoFactor.HoldChanges);
app.UseObservability();
app.MapWeb();
app.MapAccounts();
app.MapSites();
app.MapBooking();
app.MapBilling();
app.MapObservatory();
app.MapSurveys();
app.MapEvents();
app.MapReception();
app.MapEntrepreneurs();
app.MapNewcomers();
app.MapPrivacy();
app.MapMySpace();
app.MapWifi();
app.PrintWelcomeOnStart();

await app.RunAsync();

/// <summary>The web application's entry point (public for the test host).</summary>
public partial class Program;
