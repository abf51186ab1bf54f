namespace Cotravail.Web.Common.PersonalData;

/// <summary>How a feature declares what it holds about people: the contract every feature shares with « Mes données ».</summary>
public static class PersonalDataRegistration
{
    /// <summary>Registers a feature's part of the personal data (see <see cref="IPersonalData"/>); call it in the feature's AddX().</summary>
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services) where T : class, IPersonalData =>
        services.AddScoped<IPersonalData, T>();
}
