using System;
using BenchmarkDotNet.Running;
using HttpNano.Benchmarks.Loopback;

namespace HttpNano.Benchmarks
{
    /// <summary>
    /// Without --loopback: BenchmarkDotNet over the parser benchmarks (its own arguments apply,
    /// e.g. --filter '*Head*' or --job short). With --loopback: the loopback benchmark against a
    /// private nginx (see <see cref="LoopbackBenchmark"/>; --help lists its options).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (LoopbackBenchmark.Handles(args))
            {
                return LoopbackBenchmark.Execute(args);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args);
            return 0;
        }
    }
}
