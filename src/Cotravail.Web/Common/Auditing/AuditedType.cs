namespace Cotravail.Web.Common.Auditing;

/// <summary>
/// A type the audit log records, declared by the feature that owns it (<see cref="AuditRegistration.AddAudited{T}"/>).
/// <paramref name="Name"/>: its code name in the log; <paramref name="Label"/>: how the journal shows it;
/// <paramref name="Scope"/>: the network or site it belongs to (who may read its lines); <paramref name="Subject"/>: the
/// person it concerns; <paramref name="OnlyOthers"/>: logged only when that person is not the one acting;
/// <paramref name="Words"/>: its French name and field labels.
/// </summary>
public sealed record AuditedType(Type Type, string Name, string Label, Func<object, AuditScope> Scope, Func<object, string?>? Subject = null, bool OnlyOthers = false, AuditVocabulary? Words = null)
{
    public AuditVocabulary Vocabulary => Words ?? AuditVocabulary.Unknown(Name);
}
