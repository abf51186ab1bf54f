using System.Net;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Booking;

public sealed class BookingFormErrorsTests
{
    private static void AssertFieldError(IDocument page, string field, string message)
    {
        var error = page.QuerySelector($"#{field}-error");
        Assert.True(error is not null, $"no message next to {field}:\n{page.QuerySelector("main")?.TextContent}");
        Assert.Contains(message, error.Text(), StringComparison.Ordinal);
        var input = page.QuerySelector($"#{field}") ?? page.QuerySelector($"#{field}_matin");
        if (input is not null && input.TagName != "FIELDSET")
        {
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Contains($"{field}-error", input.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        }
        Assert.Contains(message, page.QuerySelector(".error-summary").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Confirm']"));
    }

    [Fact]
    public async Task Bad_input_gets_french_messages_next_to_the_fields_and_stores_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var desks = await app.ResourceAsync("luzech", "Espace partagé");
        var room = await app.ResourceAsync("luzech", "Salle du Barrage");

        var past = await client.VerifyAsync(desks, new Dictionary<string, string> { ["Input.Date"] = "2026-11-20", ["Input.Period"] = "journee" });
        AssertFieldError(past, "Input_Date", "Cette date est passée.");

        var noSuchDay = await client.VerifyAsync(desks, new Dictionary<string, string> { ["Input.Date"] = "2026-02-31", ["Input.Period"] = "matin" });
        AssertFieldError(noSuchDay, "Input_Date", "« 2026-02-31 » n'est pas une date valide");

        var noPeriod = await client.VerifyAsync(desks, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Period"] = "soir" });
        AssertFieldError(noPeriod, "Input_Period", "Choisissez une période : matin, après-midi ou journée.");

        var backwards = await client.VerifyAsync(room, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Start"] = "11:00", ["Input.End"] = "10:00" });
        AssertFieldError(backwards, "Input_End", "La fin doit être après le début.");

        var offStep = await client.VerifyAsync(room, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Start"] = "10:15", ["Input.End"] = "11:00" });
        AssertFieldError(offStep, "Input_Start", "à l'heure pile ou à la demie");

        var late = await client.VerifyAsync(room, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Start"] = "21:00", ["Input.End"] = "23:00" });
        AssertFieldError(late, "Input_End", "horaires d'ouverture");

        var periodOnRoom = await client.VerifyAsync(room, new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-12-03", ["Input.Period"] = "matin", ["Input.Start"] = "10:00", ["Input.End"] = "11:00",
        });
        AssertFieldError(periodOnRoom, "Input_Start", "Cet espace se réserve à l'heure");

        var badTime = await client.VerifyAsync(room, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Start"] = "25:00", ["Input.End"] = "" });
        AssertFieldError(badTime, "Input_Start", "« 25:00 » n'est pas une heure valide");
        AssertFieldError(badTime, "Input_End", "Indiquez l'heure de fin.");

        var unknown = await client.VerifyAsync(desks, new Dictionary<string, string>
        {
            ["Input.ResourceId"] = "999999", ["Input.Date"] = "2026-12-03", ["Input.Period"] = "journee",
        });
        Assert.Contains("Cet espace à réserver n'existe pas", unknown.QuerySelector("#Input_ResourceId-error").Text(), StringComparison.Ordinal);
        Assert.Null(unknown.QuerySelector("form[action*='handler=Confirm']"));

        var unknownLink = await client.GetDocumentAsync("/reserver?ressource=abc&date=2026-02-31");
        Assert.Contains("n'existe pas", unknownLink.QuerySelector("#Input_ResourceId-error").Text(), StringComparison.Ordinal);

        // A confirmation posted with a date that has passed since (or was changed) is checked again.
        var token = (await client.GetDocumentAsync($"/reserver?ressource={desks}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await client.PostAsync(new Uri("/reserver?handler=Confirm", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.ResourceId", desks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Date", "2026-11-30"), new("Input.Period", "journee"),
        ]));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        AssertFieldError(await forged.ParseAsync(), "Input_Date", "Cette date est passée.");

        Assert.Equal(0, await app.BookingCountAsync());
        Assert.Empty(app.Mails());
    }

    [Fact]
    public async Task A_slot_taken_meanwhile_is_said_full_before_and_at_confirmation()
    {
        await using var app = await TestApp.StartAsync();
        var booth = await app.ResourceAsync("luzech", "Cabine téléphonique");
        var first = app.Browser();
        await first.SignInAsync(TestApp.MemberEmail);
        var second = app.Browser();
        await second.SignInAsync((await app.CreateUserAsync("voisin@exemple.fr")).Email!);
        var slot = new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Start"] = "10:00", ["Input.End"] = "11:00" };

        var secondConfirmation = await second.VerifyAsync(booth, slot);
        var firstConfirmation = await first.VerifyAsync(booth, slot);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(firstConfirmation, "form[action*='handler=Confirm']")).StatusCode);

        var late = await second.PostFormAsync(secondConfirmation, "form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Plus de place disponible pour ce créneau", (await late.ParseAsync()).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        var again = await second.VerifyAsync(booth, slot);
        Assert.Contains("Plus de place disponible pour ce créneau", again.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal(1, await app.BookingCountAsync());
    }
}
