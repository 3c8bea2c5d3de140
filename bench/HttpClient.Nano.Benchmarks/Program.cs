using System;
using BenchmarkDotNet.Running;

namespace HttpNano.Benchmarks
{
    /// <summary>
    /// BenchmarkDotNet over the parser benchmarks (its own arguments apply, e.g.
    /// --filter '*Head*' or --job short).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args);
            return 0;
        }
    }
}
