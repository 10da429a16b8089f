using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LruAspire.Traces;

namespace LruAspire.Benchmarks.Traces;

/// <summary>
/// Renders a <see cref="TraceRunResult"/> as Markdown: hit ratios in % (2 decimals, the best measured one per row in
/// bold), the README's reference LRU / W-TinyLFU / MIN, and, once <see cref="TraceContenders.OursTinyLfu"/> is a
/// contender, its deltas to ConcurrentLfu and to our LRU with issue 12's targets checked.
/// </summary>
public static class TraceReport
{
    // Issue 12's hit-ratio targets, in percentage points.
    private const double ConcurrentLfuTolerance = 0.3;
    private const double LruTolerance = 1.0;

    public static string Render(TraceRunResult run, string command)
    {
        var text = new StringBuilder();
        var withTinyLfu = run.Contenders.Contains(TraceContenders.OursTinyLfu);
        Line(text, $"`dotnet run -c Release --project benchmarks/LruAspire.Benchmarks -- {command}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical cores.");
        Line(text, $"Single-threaded; hit ratio = hits / requests in %, cold misses included, no warm-up; a miss inserts. Reference columns: `../shared/traces/README.md`.");
        text.AppendLine();

        var header = new List<string> { "trace", "capacity", "requests" };
        header.AddRange(run.Contenders);
        header.AddRange(["LRU (README)", "W-TinyLFU (README)", "MIN (README)"]);
        if (withTinyLfu)
        {
            header.AddRange(["TinyLfu − ConcurrentLfu", "TinyLfu − LRU"]);
        }
        Line(text, $"| {string.Join(" | ", header)} |");
        Line(text, $"|---|{string.Concat(Enumerable.Repeat("---:|", header.Count - 1))}");

        foreach (var row in run.Rows)
        {
            var cells = new List<string>
            {
                row.Trace.Name,
                Invariant($"{row.Capacity.Capacity:N0}"),
                Invariant($"{row.Results.Values.First().Requests:N0}"),
            };
            var best = run.Contenders.Max(row.Percent).ToString("F2", CultureInfo.InvariantCulture);
            foreach (var contender in run.Contenders)
            {
                var cell = row.Percent(contender).ToString("F2", CultureInfo.InvariantCulture);
                cells.Add(cell == best ? $"**{cell}**" : cell);
            }
            cells.AddRange([Reference(row.Capacity.Lru), Reference(row.Capacity.WTinyLfu), Reference(row.Capacity.Min)]);
            if (withTinyLfu)
            {
                cells.Add(Delta(TinyLfuMinus(row, TraceContenders.ConcurrentLfu), ConcurrentLfuTolerance));
                cells.Add(Delta(TinyLfuMinus(row, TraceContenders.OursLru), LruTolerance));
            }
            Line(text, $"| {string.Join(" | ", cells)} |");
        }

        if (withTinyLfu)
        {
            text.AppendLine();
            Line(text, $"Issue 12's targets (✗ in the delta columns marks a row that misses one):");
            Target(text, run.Rows, $"TinyLfu ≥ ConcurrentLfu − {ConcurrentLfuTolerance:F1}", row => TinyLfuMinus(row, TraceContenders.ConcurrentLfu) + ConcurrentLfuTolerance);
            Target(text, run.Rows, $"TinyLfu ≥ LRU − {LruTolerance:F1}", row => TinyLfuMinus(row, TraceContenders.OursLru) + LruTolerance);
            Target(text, run.Rows, "stretch: TinyLfu ≥ max(LRU, ConcurrentLfu)",
                row => Math.Min(TinyLfuMinus(row, TraceContenders.ConcurrentLfu), TinyLfuMinus(row, TraceContenders.OursLru)));
        }

        text.AppendLine();
        var replaying = string.Join(", ", run.Contenders.Select(c => Invariant($"{c} {run.Replaying[c].TotalSeconds:F1} s")));
        Line(text, $"Time: {run.Total.TotalSeconds:F1} s in all; reading traces {run.Loading.TotalSeconds:F1} s; replaying {replaying}.");
        return text.ToString();
    }

    private static double TinyLfuMinus(TraceRow row, string other) => row.Percent(TraceContenders.OursTinyLfu) - row.Percent(other);

    // A margin is how far a row is above its target's threshold, in points; a negative margin misses it.
    private static void Target(StringBuilder text, IReadOnlyList<TraceRow> rows, string name, Func<TraceRow, double> margin)
    {
        var worst = rows.MinBy(margin)!;
        var met = rows.Count(row => margin(row) >= 0);
        Line(text, $"- [{(met == rows.Count ? "x" : " ")}] {name}: met on {met} of {rows.Count}; closest or worst: {worst.Trace.Name} @ {worst.Capacity.Capacity:N0}, margin {margin(worst):+0.00;-0.00;0.00} points");
    }

    private static string Delta(double points, double tolerance) =>
        points.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + (points < -tolerance ? " ✗" : "");

    private static string Reference(double? percent) =>
        percent is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(Invariant(line));
}
