namespace Cotravail.Web.Common.Mail;

public sealed class MailOptions
{
    public string PickupDirectory { get; set; } = "data/mail";
    public string From { get; set; } = "Cotravail <ne-pas-repondre@cotravail.test>";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
}
