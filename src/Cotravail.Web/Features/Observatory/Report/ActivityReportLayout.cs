using System.Globalization;
using Cotravail.Web.Features.Billing.Pdf;
using PdfSharp.Drawing;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>What the report prints, top to bottom; each section keeps its heading with what follows it.</summary>
internal sealed class ActivityReportLayout(PdfPageFlow flow, InvoicePdfFonts fonts, ActivityReport report)
{
    private const double SectionLine = 16;
    private const double Gutter = 20;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly XPen Thin = new(XColors.Gray, 0.5);
    private static readonly XBrush Track = new XSolidBrush(XColor.FromArgb(230, 230, 230));
    private static readonly XBrush Bar = new XSolidBrush(XColor.FromArgb(47, 95, 133));
    private readonly XFont _section = new(EmbeddedFonts.Family, 11, XFontStyleEx.Bold);
    private readonly Comparison _f = report.Figures;

    public void Draw()
    {
        flow.PageStarted = RunningHead;
        Heading();
        if (report.IsEmpty)
        {
            flow.Y += 10;
            flow.Flow([new PdfText(ActivityReport.NoActivity + ".", _section, SectionLine)], flow.Left, flow.Width);
            flow.Flow([fonts.Text($"Aucun passage, aucune réservation de poste ni aucun événement n'est enregistré {ActivityReport.PeriodText(report.From, report.To)}.")], flow.Left, flow.Width);
            Made();
            return;
        }
        KeyFigures();
        Months();
        Sites();
        Origins();
        Animation();
        Made();
    }

    private void Heading()
    {
        flow.Flow([new PdfText("Rapport d'activité", fonts.Title, InvoicePdfFonts.TitleLine)], flow.Left, flow.Width);
        flow.Flow([new PdfText(report.NetworkName, fonts.Name, InvoicePdfFonts.NameLine)], flow.Left, flow.Width);
        flow.Flow([
            fonts.Text(report.LegalName.Length > 0 && report.LegalName != report.NetworkName ? report.LegalName : null),
            fonts.Strong("Période : " + ActivityReport.PeriodText(report.From, report.To)),
            fonts.Text(report.SiteName is null ? "Tous les espaces du réseau" : "Espace : " + report.SiteName),
            fonts.Text("Comparée à la même période un an plus tôt : " + ActivityReport.PeriodText(_f.BeforeFrom, _f.BeforeTo)),
            fonts.Text(report.Public ? "Version publique : chiffres agrégés, sans recettes ; un nombre de 1 à 4 est écrit « moins de 5 » et un lieu de moins de 5 passages n'est pas cité." : null),
        ], flow.Left, flow.Width);
        flow.Y += 6;
        flow.Rule(flow.Y, Thin);
        flow.Y += 10;
    }

    private void Section(string title, double next)
    {
        flow.Y += 8;
        flow.Ensure(SectionLine + next);
        flow.Flow([new PdfText(title, _section, SectionLine)], flow.Left, flow.Width);
        flow.Y += 2;
    }

    private void KeyFigures()
    {
        var (now, before) = (_f.NowFigures, _f.BeforeFigures);
        List<string[]> rows =
        [
            ["Passages", ActivityReport.Count(now.Visits), ActivityReport.Count(before.Visits), _f.Visits.Text],
            ["Taux d'occupation des postes", ActivityReport.Percent(now.OccupancyPercent), ActivityReport.Percent(before.OccupancyPercent), Points(now.OccupancyPercent, before.OccupancyPercent)],
            ["Événements tenus", ActivityReport.Count(now.EventsHeld), ActivityReport.Count(before.EventsHeld), _f.EventsHeld.Text],
            ["Participants aux événements", ActivityReport.Count(now.Participants), ActivityReport.Count(before.Participants), _f.Participants.Text],
        ];
        if (_f.NewMembers is { } members)
        {
            rows.Add(["Nouveaux membres", ActivityReport.Count(members.Now), ActivityReport.Count(members.Before), members.Text]);
        }
        if (_f.RevenueCents is { } revenue)
        {
            rows.Add(["Recettes TTC (factures moins avoirs)", ActivityReport.Euros(revenue.Now), ActivityReport.Euros(revenue.Before), revenue.Text]);
        }
        var table = new ReportTable(flow, fonts,
            [new("Chiffres clés", 3.2, Right: false), new("Sur la période", 1.5), new("Un an plus tôt", 1.5), new("Évolution", 1.1)], rows);
        Section("Chiffres clés", table.Height(flow.Width));
        table.Flow(flow);
        flow.Y += 4;
        flow.Flow([fonts.Text($"Membres du réseau à ce jour : {ActivityReport.Count(now.NetworkMembers)}.")], flow.Left, flow.Width);
    }

    private void Months()
    {
        var chart = new ReportChart(flow, fonts, _f.NowFigures.Months);
        var complete = _f.NowFigures.Complete.ToList();
        var note = complete.Count > 0 && complete.All(m => m.Visits >= 0)
            ? $"Moyenne des mois complets : {ActivityReport.Count((int)Math.Round(complete.Average(m => m.Visits), MidpointRounding.AwayFromZero))} passages par mois."
            : null;
        Section("Passages par mois", chart.Height + InvoicePdfFonts.Line);
        flow.Y = chart.Draw(flow.Left, flow.Y, flow.Width);
        flow.Flow([fonts.Text(note)], flow.Left, flow.Width);
    }

    private void Sites()
    {
        if (report.Sites.Count == 0)
        {
            return;
        }
        var rows = report.Sites.Select(s => new[]
        {
            s.Name, ActivityReport.Count(s.Visits), ActivityReport.Percent(s.OccupancyPercent), ActivityReport.Count(s.EventsHeld), ActivityReport.Count(s.Participants),
        }).ToList();
        var table = new ReportTable(flow, fonts,
            [new("Espace", 3, Right: false), new("Passages", 1.1), new("Occupation des postes", 2.2), new("Événements", 1.2), new("Participants", 1.2)], rows)
        {
            MaxLines = 1,
            Decorate = (row, column, box) =>
            {
                if (column != 2)
                {
                    return;
                }
                // A bar of the occupancy on the left of the cell; the percentage is right-aligned after it.
                var room = box.Width - flow.Gfx.MeasureString("100,0 %", fonts.Regular).Width - 6;
                if (room < 10)
                {
                    return;
                }
                var top = box.Y + 3;
                flow.Gfx.DrawRectangle(Track, box.X, top, room, 6);
                var share = (double)Math.Min(100m, report.Sites[row].OccupancyPercent) / 100;
                if (share > 0)
                {
                    flow.Gfx.DrawRectangle(Bar, box.X, top, room * share, 6);
                }
            },
        };
        Section("Fréquentation et occupation par espace", table.HeaderHeight(flow.Width) + table.FirstRowHeight(flow.Width));
        table.Flow(flow);
        if (report.OtherSites > 0)
        {
            flow.Y += 4;
            flow.Flow([fonts.Text($"Et {report.OtherSites.ToString(French)} autres espaces, moins fréquentés.")], flow.Left, flow.Width);
        }
    }

    private void Origins()
    {
        var places = report.Places;
        Section("Lieux de résidence des visiteurs", 3 * InvoicePdfFonts.Line);
        if (places is null || (places.Communes.Count == 0 && places.Departments.Count == 0))
        {
            flow.Flow([fonts.Text(report.Public
                ? "Aucun lieu de résidence ne compte 5 passages ou plus sur la période."
                : "Aucun lieu de résidence n'est renseigné pour les passages de la période.")], flow.Left, flow.Width);
            return;
        }
        flow.Flow([fonts.Text(InsideOutside(places))], flow.Left, flow.Width);
        flow.Y += 6;
        var width = (flow.Width - Gutter) / 2;
        var communes = new ReportTable(flow, fonts, [new("Commune ou code postal", 3, Right: false), new("Passages", 1)],
            [.. places.Communes.Take(8).Select(r => new[] { r.Label, ActivityReport.Count(r.Visits) })]) { MaxLines = 2 };
        var departments = new ReportTable(flow, fonts, [new("Département", 3, Right: false), new("Passages", 1)],
            [.. places.Departments.Take(5).Select(r => new[] { r.Label, ActivityReport.Count(r.Visits) })]) { MaxLines = 1 };
        var regions = new ReportTable(flow, fonts, [new("Région", 3, Right: false), new("Passages", 1)],
            [.. places.Regions.Take(4).Select(r => new[] { r.Label, ActivityReport.Count(r.Visits) })]) { MaxLines = 1 };
        var right = departments.Height(width) + 10 + regions.Height(width);
        flow.Ensure(Math.Max(communes.Height(width), right));
        var top = flow.Y;
        var leftEnd = communes.Draw(flow.Left, top, width);
        var rightEnd = departments.Draw(flow.Left + width + Gutter, top, width);
        rightEnd = regions.Draw(flow.Left + width + Gutter, rightEnd + 10, width);
        flow.Y = Math.Max(leftEnd, rightEnd);
        if (places.Communes.Count > 8)
        {
            flow.Y += 4;
            flow.Flow([fonts.Text($"Et {(places.Communes.Count - 8).ToString(French)} autres communes ou codes postaux.")], flow.Left, flow.Width);
        }
    }

    /// <summary>« 62 % des passages viennent de la CC … (310 passages), 35 % de l'extérieur (175) ; 15 passages d'un lieu indéterminé. »</summary>
    private string? InsideOutside(OriginGroups places)
    {
        if (report.EpciName is not { } epci)
        {
            return null;
        }
        var (inside, outside, unknown) = (places.Inside, places.Outside, places.Undetermined);
        string Part(int count, string where)
        {
            if (count < 0)
            {
                return $"moins de 5 passages {where}";
            }
            var total = inside + outside + unknown;
            return inside < 0 || outside < 0 || unknown < 0
                ? $"{ActivityReport.Count(count)} passages {where}"
                : $"{ActivityReport.Share(count, total)} % des passages ({ActivityReport.Count(count)}) {where}";
        }
        var text = $"{Part(inside, "viennent de l'intercommunalité (" + epci + ")")}, {Part(outside, "de l'extérieur")}";
        if (unknown != 0)
        {
            text += $" ; {(unknown < 0 ? "moins de 5" : ActivityReport.Count(unknown))} passages d'un code postal partagé entre plusieurs intercommunalités ou sans lieu de résidence";
        }
        return text + ".";
    }

    private void Animation()
    {
        var (now, before) = (_f.NowFigures, _f.BeforeFigures);
        List<PdfText> lines =
        [
            fonts.Text($"Événements tenus (ateliers, formations, accompagnements, conférences, moments conviviaux, visites) : {ActivityReport.Count(now.EventsHeld)}, contre {ActivityReport.Count(before.EventsHeld)} un an plus tôt ({_f.EventsHeld.Text})."),
            fonts.Text($"Participants : {ActivityReport.Count(now.Participants)}, contre {ActivityReport.Count(before.Participants)} un an plus tôt ({_f.Participants.Text})."),
            fonts.Text(now.HelpSignups == 0 ? null : $"Coups de main de membres à la vie des lieux : {ActivityReport.Count(now.HelpSignups)}."),
        ];
        Section("Animation", PdfTextBox.Height(flow.Gfx, lines, flow.Width));
        flow.Flow(lines, flow.Left, flow.Width);
    }

    private void Made()
    {
        List<PdfText> lines =
        [
            new($"Rapport établi le {ActivityReport.Date(report.MadeOn)} avec Cotravail, à partir des passages, des réservations de postes et des événements enregistrés. "
                + "Le taux d'occupation rapporte les demi-journées de postes utilisées à celles offertes les jours d'ouverture.", fonts.Small, 10),
        ];
        flow.Y += 14;
        flow.Ensure(PdfTextBox.Height(flow.Gfx, lines, flow.Width) + 6);
        flow.Rule(flow.Y, Thin);
        flow.Y += 4;
        flow.Flow(lines, flow.Left, flow.Width);
    }

    private void RunningHead()
    {
        flow.Flow([fonts.Strong($"Rapport d'activité – {report.NetworkName} – {ActivityReport.PeriodText(report.From, report.To)} (suite)")], flow.Left, flow.Width);
        flow.Y += 4;
        flow.Rule(flow.Y, Thin);
        flow.Y += 10;
    }

    /// <summary>The change of a rate: « +2,1 points », « −0,5 point », « = », or « — » when there was nothing either time.</summary>
    private static string Points(decimal now, decimal before)
    {
        if (now == 0 && before == 0)
        {
            return "—";
        }
        var d = now - before;
        var text = Math.Abs(d).ToString("0.0", French);
        return d switch
        {
            0 => "=",
            > 0 => $"+{text} {(d >= 2 ? "points" : "point")}",
            _ => $"−{text} {(-d >= 2 ? "points" : "point")}",
        };
    }
}
