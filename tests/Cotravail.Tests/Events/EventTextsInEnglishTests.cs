using System.Xml.Linq;
using Cotravail.Web.Features.Events;

namespace Cotravail.Tests.Events;

/// <summary>The texts the agenda picks in code (kinds, audiences, rules, outcomes) have English entries too.</summary>
public sealed class EventTextsInEnglishTests
{
    [Fact]
    public void Every_text_chosen_by_the_agenda_code_has_an_English_translation()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Cotravail.slnx")))
        {
            dir = dir.Parent;
        }
        var english = XDocument.Load(Path.Combine(dir.FullName, "src", "Cotravail.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var now = new DateTime(2026, 12, 1, 8, 0, 0);
        var texts = Enum.GetValues<EventKind>().Select(k => k.French())
            .Concat(Enum.GetValues<EventAudience>().Select(a => a.French()))
            .Concat(Enum.GetValues<OrganiserKind>().Select(o => o.French()))
            .Concat(Enum.GetValues<EventStatus>().Select(s => s.French()))
            .Concat(Enum.GetValues<RegisterOutcome>().Select(o => new RegisterResult(o).Message))
            .Concat(Enum.GetValues<EventStatus>().Select(s => new Event { Status = s, StartUtc = now.AddHours(1) }.RegistrationClosedReason(now)))
            .Append(new Event { Status = EventStatus.Published, StartUtc = now }.RegistrationClosedReason(now))
            .Append(RegistrationCommands.SlotTaken)
            .OfType<string>().Distinct();

        Assert.All(texts, t => Assert.Contains(t, english));
    }
}
