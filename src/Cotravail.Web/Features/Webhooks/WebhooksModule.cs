using Cotravail.Web.Common.Happenings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Webhooks;

/// <summary>
/// Outgoing webhooks (ADR 0058): the happenings features record (<see cref="IHappenings"/>) become delivery rows for the
/// network's endpoints, sent by <see cref="WebhookDispatcher"/>; managers keep their network's endpoints on
/// <c>/gestion/reseau/webhooks</c>.
/// </summary>
public static class WebhooksModule
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var s = builder.Services;
        s.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        // No redirect followed: a receiver's redirect is an answer that is not 2xx, tried again later.
        s.AddHttpClient(WebhookDispatcher.HttpClientName, (sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        s.AddSingleton<WebhookSignal>();
        s.AddSingleton<WebhookDispatcher>();
        s.AddScoped<WebhookSecrets>();
        s.AddScoped<IHappenings, WebhookOutbox>();
        if (builder.Configuration.GetValue($"{WebhookOptions.Section}:Dispatch", true))
        {
            s.AddHostedService<WebhookDispatchWorker>();
        }
        s.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Webhooks/Manage", Accounts.Roles.Manager));
        return builder;
    }
}
