namespace Cotravail.Web.Common.Mail;

public static class MailModule
{
    /// <summary>
    /// Mail through an outbox table (ADR 0020), sent by MailKit to <c>Mail:Smtp:Host</c>, or written as <c>.eml</c> files
    /// in <c>Mail:PickupDirectory</c> when no host is set.
    /// </summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        builder.Services.AddScoped<IMailSender, MailOutbox>();
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.AddSingleton<MailTransport>();
        builder.Services.AddSingleton<MailDispatcher>();
        if (builder.Configuration.GetValue("Mail:Dispatcher", true))
        {
            builder.Services.AddHostedService<MailDispatchWorker>();
        }
        return builder;
    }
}
