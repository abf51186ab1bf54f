using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Billing;

/// <summary>Billing: invoices and credit notes with gap-free numbers, PDF, monthly invoicing of bookings.</summary>
public static class BillingModule
{
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<InvoiceIssuer>();
        s.AddScoped<MonthlyInvoicing>();
        s.AddScoped<EventInvoicing>();
        s.AddScoped<StaffNetworks>();
        s.AddScoped<Payments>();
        s.AddScoped<Exports.AccountingExport>();
        s.Configure<Exports.AccountCodes>(builder.Configuration.GetSection("Billing:Accounts"));
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Billing/Manage", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Billing/Desk", Roles.Host);
        });
        return builder;
    }

    public static WebApplication MapBilling(this WebApplication app)
    {
        app.MapInvoicesApi();
        app.MapPaymentsApi();
        Exports.ExportsApi.MapExports(app);
        return app;
    }
}
