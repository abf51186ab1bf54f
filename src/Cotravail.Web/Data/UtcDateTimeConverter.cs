using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cotravail.Web.Data;

/// <summary>Marks DateTime values read from SQLite as UTC (they are always written as UTC).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
