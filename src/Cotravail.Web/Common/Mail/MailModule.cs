namespace Cotravail.Web.Common.Mail;

public static class MailModule
{
    /// <summary>Mail through MailKit to <c>Mail:Smtp:Host</c>, or <c>.eml</c> files in <c>Mail:PickupDirectory</c> when no host is set.</summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        builder.Services.AddSingleton<IMailSender, MailKitMailSender>();
        return builder;
    }
}
