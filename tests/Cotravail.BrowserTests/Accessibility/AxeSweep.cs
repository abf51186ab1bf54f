using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>Opens pages one after the other in one context and collects axe-core's violations of them all.</summary>
internal static class AxeSweep
{
    public static async Task<string> ViolationsAsync(IBrowserContext context, IEnumerable<string> paths)
    {
        var page = await context.NewPageAsync();
        var report = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            if (response is null || response.Status >= 500)
            {
                report.Add($"{path}: answered {response?.Status}");
                continue;
            }
            var result = await page.RunAxe();
            report.AddRange(result.Violations.Select(v => $"{path}: {Describe(v)}"));
        }
        return string.Join("\n", report);
    }

    public static async Task SignInAsync(IBrowserContext context, string email)
    {
        var response = await context.APIRequest.PostAsync("/api/v1/auth/login?useCookies=true", new()
        {
            DataObject = new { email, password = Infrastructure.AppServer.DemoPassword },
        });
        Assert.True(response.Ok, $"sign-in of {email}: {response.Status}");
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}"));
}
