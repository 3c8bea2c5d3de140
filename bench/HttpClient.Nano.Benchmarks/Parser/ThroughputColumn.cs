using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace HttpNano.Benchmarks.Parser
{
    /// <summary>MB/s (10^6 bytes per second): the bytes of one operation over its mean time.</summary>
    internal sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Throughput: bytes processed per operation / mean time, in 10^6 bytes per second";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkReport report = summary[benchmarkCase];
            if (report?.ResultStatistics == null
                || !ParserBenchmarks.Bytes.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out long bytes))
            {
                return "-";
            }

            double seconds = report.ResultStatistics.Mean / 1e9;
            return (bytes / seconds / 1e6).ToString("N0", CultureInfo.InvariantCulture);
        }
    }
}
