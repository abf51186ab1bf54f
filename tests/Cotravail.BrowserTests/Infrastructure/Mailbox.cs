using System.Text.RegularExpressions;
using MimeKit;

namespace Cotravail.BrowserTests.Infrastructure;

/// <summary>Reads the .eml files the application writes in its mail folder, as a recipient would.</summary>
public static partial class Mailbox
{
    /// <summary>The first message to <paramref name="to"/>, waiting a few seconds for it to be written.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(string folder, string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var message = Messages(folder).FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));
            if (message is not null)
            {
                return message;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {to} in {folder}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The first http(s) link of the text body whose address contains <paramref name="pathPart"/>.</summary>
    public static Uri LinkIn(MimeMessage message, string pathPart)
    {
        var text = message.TextBody ?? "";
        var link = Link().Matches(text).Select(m => m.Value).FirstOrDefault(u => u.Contains(pathPart, StringComparison.Ordinal));
        return link is null
            ? throw new InvalidOperationException($"No link containing {pathPart} in:\n{text}")
            : new Uri(link);
    }

    private static IEnumerable<MimeMessage> Messages(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(TryLoad).OfType<MimeMessage>()
            : [];

    /// <summary>The message, or null while the file is still being written.</summary>
    private static MimeMessage? TryLoad(string file)
    {
        try
        {
            return MimeMessage.Load(file);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
