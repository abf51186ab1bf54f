using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cotravail.Web.Features.Audit;

/// <summary>The audit log: recorded for every save (an EF Core interceptor), read by managers at /gestion/journal.</summary>
public static class AuditModule
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditActor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<AuditInterceptor>());
        services.TryAddSingleton<AuditedTypes>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditReader>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Audit", Roles.Manager));
        return builder;
    }
}
