using Cotravail.Web.Common;
using Cotravail.Web.Common.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Billing.Credits;

/// <summary>
/// Managers: a credit note on an invoice in two screens. The form asks per line how much to credit (what is left by
/// default) and the reason; « Vérifier » shows the lines, the amounts and what will be undone; « Confirmer l'avoir »
/// issues it with its undoing in one transaction (twice posted, one credit note).
/// </summary>
public sealed class CreditModel(CreditNotes credits, IdempotencyStore once) : LocalizedPage
{
    public CreditView View { get; private set; } = null!;

    /// <summary>The plan shown on the confirmation screen; null on the form.</summary>
    public CreditPlan? Confirming { get; private set; }

    public CreditInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }
        Input = new CreditInput { Lines = View.Lines.ToDictionary(l => l.Id, l => l.Left), Token = NewToken() };
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(int id, [Bind(Prefix = "Input")] CreditInput input, CancellationToken ct)
    {
        Input = input;
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }
        var plan = CreditNotes.Plan(View, Input.Ask());
        if (!ModelState.IsValid || !plan.IsValid)
        {
            AddProblems(plan);
            return Page();
        }
        Confirming = plan;
        Input.ExpectedCents = plan.TotalInclTaxCents;
        Input.Token ??= NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, [Bind(Prefix = "Input")] CreditInput input, CancellationToken ct)
    {
        Input = input;
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }
        if (!ModelState.IsValid)
        {
            AddProblems(CreditNotes.Plan(View, Input.Ask()));
            return Page();
        }
        if (string.IsNullOrEmpty(Input.Token))
        {
            ModelState.AddModelError("", T["Ce formulaire est incomplet : vérifiez l'avoir à nouveau avant de le confirmer."]);
            Input.Token = NewToken();
            return Page();
        }
        if (!await once.TryClaimOnceAsync("credit-note:" + CurrentUser.RequiredId, Input.Token, ct))
        {
            Notice = T["Cet avoir est déjà émis (formulaire envoyé deux fois)."];
            return Redirect($"/gestion/factures/{id}");
        }
        var result = await credits.IssueAsync(id, Input.Ask(), Input.ExpectedCents, ct);
        switch (result.Outcome)
        {
            case CreditOutcome.Issued:
                Notice = T["Avoir {0} émis ({1}) ; ce qu'il annule est défait.", result.CreditNote!.Number, Format.Euros(result.CreditNote.TotalInclTaxCents)];
                return Redirect($"/gestion/factures/{id}");
            case CreditOutcome.Changed:
                ModelState.AddModelError("", T[CreditNotes.ChangedMeanwhile]);
                break;
            default:
                AddProblems(result.Plan ?? CreditNotes.Plan(View, Input.Ask()));
                break;
        }
        View = (await credits.ViewAsync(id, ct))!;
        Input.Token = NewToken();
        return Page();
    }

    public string Text(CreditText text) => text.Render((t, args) => T[t, args]);

    public static string LineField(int lineId) => $"Input.Lines[{lineId}]";

    private void AddProblems(CreditPlan plan)
    {
        foreach (var (key, text) in plan.Problems)
        {
            var field = key switch
            {
                "reason" => "Input.Reason",
                _ when key.StartsWith("line-", StringComparison.Ordinal) => LineField(int.Parse(key[5..], System.Globalization.CultureInfo.InvariantCulture)),
                _ => "",
            };
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }
            ModelState.AddModelError(field, Text(text));
        }
        Input.Token = NewToken();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await credits.ViewAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return null;
    }

    private static string NewToken() => Guid.NewGuid().ToString("N");
}
