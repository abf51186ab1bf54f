using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Audit;

/// <summary>ADR 0044: no C# field name reaches a manager, and no secret nor personal datum is written.</summary>
public sealed class AuditVocabularyTests
{
    [Fact]
    public async Task Every_field_of_every_audited_record_has_a_French_label_or_is_hidden_with_a_reason()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audited = scope.ServiceProvider.GetRequiredService<AuditedTypes>();
        var missing = new List<string>();
        foreach (var type in audited.All)
        {
            var words = type.Vocabulary;
            if (words.Noun == type.Name)
            {
                missing.Add($"{type.Name}: no French name (declare its AuditFields)");
            }
            if (db.Model.FindEntityType(type.Type) is not { } entity)
            {
                continue; // written by IAuditLog with its own fields (a two-factor reset): checked below
            }
            foreach (var property in entity.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsShadowProperty() && p.ClrType != typeof(byte[])))
            {
                var name = property.Name;
                if (words.Hidden.ContainsKey(name) || AuditedTypes.IsSecret(name))
                {
                    continue;
                }
                if (!words.Fields.ContainsKey(name))
                {
                    missing.Add($"{type.Name}.{name}: no label");
                }
            }
        }
        Assert.True(missing.Count == 0, "Audited fields without a French label:\n" + string.Join("\n", missing));
        Assert.Contains("TwoFactorEnabled", audited.VocabularyOf("TwoFactorReset").Fields.Keys);
        Assert.Contains("Role", audited.VocabularyOf("UserRole").Fields.Keys);
    }

    [Fact]
    public async Task Secrets_and_personal_data_are_never_written_to_the_log()
    {
        await using var app = await TestApp.StartAsync();
        var audited = app.Services.GetRequiredService<AuditedTypes>();
        foreach (var name in new[] { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "ApiToken" })
        {
            Assert.All(audited.All, t => Assert.False(t.Vocabulary.Keeps(name), $"{t.Name}.{name}"));
        }
        Assert.False(audited.VocabularyOf("Invoice").Keeps("ClientEmail"));
        Assert.False(audited.VocabularyOf("Invoice").Keeps("ClientAddress"));
        Assert.False(audited.VocabularyOf("Visit").Keeps("Postcode"));
    }
}
