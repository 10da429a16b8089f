using System.Globalization;
using System.Text;
using LruAspire.LoadGen.Measurement;

namespace LruAspire.LoadGen.Runs;

/// <summary>Formats a <see cref="RunSummary"/> as the plain-text table logged at the end of a run.</summary>
public static class SummaryTable
{
    private static readonly string[] Headers =
        ["phase", "users", "requests", "req/s", "errors", "error %", "mean ms", "p50 ms", "p90 ms", "p95 ms", "p99 ms", "max ms", "hit %", "status codes", "X-Cache"];

    public static string Format(RunSummary summary)
    {
        var rows = summary.Phases.Select(p => new[]
        {
            p.Name,
            N(p.Users),
            N(p.Requests),
            F(p.Throughput, "0.0"),
            N(p.Errors),
            F(p.ErrorRate * 100, "0.00"),
            F(p.Latency.Mean, "0.00"),
            F(p.Latency.P50, "0.00"),
            F(p.Latency.P90, "0.00"),
            F(p.Latency.P95, "0.00"),
            F(p.Latency.P99, "0.00"),
            F(p.Latency.Max, "0.00"),
            p.CacheHitRatio is { } hitRatio ? F(hitRatio * 100, "0.0") : "-",
            Counts(p.StatusCodes),
            Counts(p.CacheHeaders),
        }).ToList();

        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"LoadGen {summary.Scenario} (profile {summary.Profile}) against {summary.Target}: {summary.ElapsedSeconds:0.0} s, seed {summary.Seed}");
        AppendRow(text, Headers, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        if (summary.Phases.Any(p => p.WritesOk + p.WritesUnavailable > 0))
        {
            foreach (var phase in summary.Phases)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"writes ({phase.Name}): {phase.WritesOk} accepted, {phase.WritesUnavailable} unavailable (401/404/405)");
            }
        }
        if (summary.ApiMetrics is { IsConsistent: false })
        {
            text.AppendLine("API /metrics: not comparable (a counter went backwards: the readings reached different replicas, or the API restarted)");
        }
        else if (summary.ApiMetrics is { } api)
        {
            var ratio = api.HitRatio is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a (no cache lookups)";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"API /metrics: hits +{api.Hits}, misses +{api.Misses}, evictions +{api.Evictions}; hit ratio during the run {ratio} (hit_rate {api.Before.HitRate:0.####} → {api.After.HitRate:0.####})");
        }
        else
        {
            text.AppendLine("API /metrics: not readable");
        }
        foreach (var note in summary.Notes)
        {
            text.AppendLine(note);
        }
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        // Text columns left-aligned, numbers right-aligned.
        var padded = cells.Select((cell, i) => i is 0 or >= 13 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
        text.Append(string.Join("  ", padded).TrimEnd()).Append('\n');
    }

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        string.Join(' ', counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}:{c.Value}")));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
