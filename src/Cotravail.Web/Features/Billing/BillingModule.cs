using Cotravail.Web.Features.Privacy;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Billing;

/// <summary>Billing: products and entitlements, invoices and credit notes with gap-free numbers, PDF, monthly invoicing of bookings, payments.</summary>
public static class BillingModule
{
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<InvoiceIssuer>();
        s.AddPersonalData<BillingPersonalData>();
        s.AddScoped<MonthlyInvoicing>();
        s.AddScoped<EventInvoicing>();
        s.AddScoped<InvoiceAccess>();
        s.AddScoped<Payments>();
        s.AddScoped<Balances>();
        s.AddScoped<Exports.AccountingExport>();
        s.Configure<Exports.AccountCodes>(builder.Configuration.GetSection("Billing:Accounts"));
        s.AddScoped<Entitlements.BookingCover>();
        s.AddScoped<Entitlements.Sales>();
        s.AddScoped<Entitlements.ExpiryReminders>();
        s.AddSingleton<Entitlements.IOnlineCardPayment, Entitlements.NoOnlineCardPayment>();
        if (builder.Configuration.GetValue("Billing:ExpiryReminders", true))
        {
            s.AddHostedService<Entitlements.ExpiryReminderWorker>();
        }
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Billing/Manage", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Billing/Till", Roles.Host);
            o.Conventions.AuthorizeFolder("/Billing/Products/Manage", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Billing/Entitlements/Mine");
        });
        return builder;
    }

    public static WebApplication MapBilling(this WebApplication app)
    {
        app.MapInvoicesApi();
        app.MapPaymentsApi();
        app.MapOrdersApi();
        Exports.ExportsApi.MapExports(app);
        app.MapProductsApi();
        return app;
    }
}
