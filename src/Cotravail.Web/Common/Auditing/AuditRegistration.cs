using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cotravail.Web.Common.Auditing;

/// <summary>How a feature declares the types the audit log records: each in its own AddX(), next to the type.</summary>
public static class AuditRegistration
{
    public static IServiceCollection AddAudited<T>(
        this IServiceCollection services, string name, string label, Func<T, AuditScope> scope, Func<T, string?>? subject = null, bool onlyOthers = false, AuditFields<T>? fields = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        services.TryAddSingleton<AuditedTypes>();
        return services.AddSingleton(new AuditedType(
            typeof(T), name, label, o => scope((T)o), subject is null ? null : o => subject((T)o), onlyOthers, fields?.Build()));
    }
}
