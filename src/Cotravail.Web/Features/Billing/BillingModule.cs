using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Common.Security;
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
        s.AddScoped<Mailing.InvoiceMail>();
        s.AddPersonalData<BillingPersonalData>();
        s.AddAudited<Invoice>("Invoice", "Facture ou avoir", i => AuditScope.OfNetwork(i.NetworkId), fields: BillingAuditWords.Invoice);
        s.AddAudited<Payment>("Payment", "Paiement", p => AuditScope.OfNetwork(p.NetworkId), fields: BillingAuditWords.Payment);
        s.AddAudited<CashUp>("CashUp", "Clôture de caisse", c => AuditScope.OfSite(c.SiteId), fields: BillingAuditWords.CashUp);
        s.AddAudited<Receipt>("Receipt", "Reçu de caisse", r => AuditScope.OfNetwork(r.NetworkId), r => r.PayerUserId, fields: BillingAuditWords.Receipt);
        s.AddAudited<Entitlements.Entitlement>("Entitlement", "Vente de droits (carnet, abonnement, pass)", e => AuditScope.OfNetwork(e.NetworkId), e => e.UserId, fields: BillingAuditWords.Entitlement);
        s.AddAudited<Products.Product>("Product", "Produit et prix", p => AuditScope.OfSite(p.SiteId), fields: BillingAuditWords.Product);
        s.AddAudited<Products.MemberCategoryGrant>("MemberCategoryGrant", "Tarif réduit accordé", g => AuditScope.OfNetwork(g.NetworkId), g => g.UserId, fields: BillingAuditWords.MemberCategoryGrant);
        s.AddScoped<MonthlyInvoicing>();
        s.AddScoped<EventInvoicing>();
        s.AddScoped<InvoiceAccess>();
        s.AddScoped<Credits.CreditNotes>();
        s.AddScoped<Payments>();
        s.AddScoped<Balances>();
        s.AddScoped<Till.TillPayers>();
        s.AddScoped<Exports.AccountingExport>();
        s.Configure<Exports.AccountCodes>(builder.Configuration.GetSection("Billing:Accounts"));
        s.AddScoped<Entitlements.BookingCover>();
        s.AddScoped<Sites.ISiteSaved, Products.DayPassFollowsSite>();
        s.AddScoped<Booking.IBookingCover>(sp => sp.GetRequiredService<Entitlements.BookingCover>());
        s.AddScoped<Entitlements.Sales>();
        s.AddScoped<Entitlements.OrderPreview>();
        s.AddScoped<Entitlements.ExpiryReminders>();
        Online.OnlinePaymentsModule.AddOnlinePayments(builder);
        if (builder.Configuration.GetValue("Billing:ExpiryReminders", true))
        {
            s.AddHostedService<Entitlements.ExpiryReminderWorker>();
        }
        s.AddSingleton(Dunning.ReminderSchedule.Read(builder.Configuration));
        s.AddScoped<Dunning.PaymentReminders>();
        if (builder.Configuration.GetValue("Billing:PaymentReminders", true))
        {
            s.AddHostedService<Dunning.PaymentReminderWorker>();
        }
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Billing/Manage", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Billing/Credits", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Billing/Till", Roles.Host);
            o.Conventions.AuthorizeFolder("/Billing/Products/Manage", Roles.Manager);
            o.Conventions.AuthorizeFolder("/Billing/Entitlements/Mine");
            o.Conventions.RequireStaffScope("gestion/entreprises/{id:int}",
                StaffScopeRule.NetworkManagerOf("id", "company id", (db, id) => db.Companies.Where(c => c.Id == id).Select(c => c.NetworkId)));
            o.Conventions.RequireStaffScope("gestion/factures/{id:int}", Credits.CreditNotesApi.ManagerOfInvoice);
        });
        return builder;
    }

    public static WebApplication MapBilling(this WebApplication app)
    {
        app.MapInvoicesApi();
        app.MapPaymentsApi();
        app.MapOrdersApi();
        Online.OnlinePaymentsModule.MapOnlinePayments(app);
        Exports.ExportsApi.MapExports(app);
        app.MapProductsApi();
        Credits.CreditNotesApi.MapCreditNotesApi(app);
        return app;
    }
}
