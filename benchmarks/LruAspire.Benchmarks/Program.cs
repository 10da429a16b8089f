using BenchmarkDotNet.Running;
using LruAspire.Benchmarks.HitRatio;

// `hitratio` runs the Zipf hit-ratio comparison; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*' --job short`).
if (args is ["hitratio", ..])
{
    HitRatioRun.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
