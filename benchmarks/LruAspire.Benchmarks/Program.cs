using BenchmarkDotNet.Running;
using LruAspire.Benchmarks.HitRatio;
using LruAspire.Benchmarks.Retention;
using LruAspire.Benchmarks.Traces;

// `hitratio` runs the Zipf hit-ratio comparison, `traces [DIR] [--out FILE] [--only NAMES] [--maintenance thread-pool]`
// the real-trace one, `retention` checks how many of MissInsertBenchmarks' inserts each cache keeps; anything else
// goes to BenchmarkDotNet (e.g. `--filter '*' --job short`).
switch (args)
{
    case ["hitratio", ..]:
        HitRatioRun.Run(Console.Out);
        return 0;
    case ["retention", ..]:
        InsertRetentionRun.Run(Console.Out);
        return 0;
    case ["traces", .. var rest]:
        return TraceRun.Run(rest, Console.Out, Console.Error);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
