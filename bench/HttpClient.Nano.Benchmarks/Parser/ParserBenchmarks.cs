using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace HttpNano.Benchmarks.Parser
{
    /// <summary>
    /// The response parser alone, over in-memory bytes: no sockets, no server. The MB/s column
    /// is the bytes of one operation (<see cref="Bytes"/>) over its mean time; the Allocated
    /// column must read "-" (nothing) for every case.
    /// </summary>
    [Config(typeof(ParserConfig))]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class ParserBenchmarks
    {
        private const int ChunkedBodySize = 1024 * 1024;
        private const int SocketSegment = 64 * 1024;

        /// <summary>Bytes one operation of each benchmark processes (read by <see cref="ThroughputColumn"/>).</summary>
        public static readonly Dictionary<string, long> Bytes = new Dictionary<string, long>();

        private readonly HttpLimits _limits = new HttpLimits();
        private ResponseHead _parser;
        private byte[] _head230;
        private byte[] _head700;
        private ResponseReader _reader;
        private ReplayTransport _head230Stream;
        private ReplayTransport _chunked16K;
        private ReplayTransport _chunked100;
        private byte[] _block;

        static ParserBenchmarks()
        {
            Bytes[nameof(Head230)] = Messages.NginxHead.Length;
            Bytes[nameof(Head230ViaReader)] = Messages.NginxHead.Length;
            Bytes[nameof(Head700)] = Messages.LargeHead.Length;
            Bytes[nameof(Chunked16KiB)] = ChunkedBodySize;
            Bytes[nameof(Chunked100B)] = ChunkedBodySize;
        }

        [GlobalSetup]
        public void Setup()
        {
            _parser = new ResponseHead(_limits);
            _head230 = (byte[])Messages.NginxHead.Clone();
            _head700 = (byte[])Messages.LargeHead.Clone();
            _reader = new ResponseReader(_limits, ResponseReader.DefaultReadWindow);
            _head230Stream = new ReplayTransport(Messages.NginxHead, SocketSegment);
            _chunked16K = new ReplayTransport(Messages.Chunked(ChunkedBodySize, 16 * 1024, out _), SocketSegment);
            _chunked100 = new ReplayTransport(Messages.Chunked(ChunkedBodySize, 100, out _), SocketSegment);
            _block = new byte[16 * 1024];

            // Every case must parse what it is given: check once, outside the measurements.
            Check(Head230() == 7 && Head700() == 15 && Head230ViaReader() == 200);
            Check(Chunked16KiB() == ChunkedBodySize && Chunked100B() == ChunkedBodySize);
        }

        /// <summary>A 230-byte nginx head (7 fields), parsed in one piece.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("head")]
        public int Head230()
        {
            _parser.Reset(_head230, 0);
            _parser.Parse(_head230, 0, _head230.Length);
            return _parser.Count;
        }

        /// <summary>The same head through ResponseReader: receive, parse, framing decision.</summary>
        [Benchmark]
        [BenchmarkCategory("head")]
        public int Head230ViaReader()
        {
            _head230Stream.Rewind();
            _reader.Attach(_head230Stream);
            return _reader.ReadHead(false).Status;
        }

        /// <summary>A 700-byte head with 15 fields.</summary>
        [Benchmark]
        [BenchmarkCategory("head")]
        public int Head700()
        {
            _parser.Reset(_head700, 0);
            _parser.Parse(_head700, 0, _head700.Length);
            return _parser.Count;
        }

        /// <summary>A 1 MiB chunked response in 16 KiB chunks, head and body, read with ReadBody into 16 KiB.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("chunked")]
        public long Chunked16KiB() => ReadAll(_chunked16K);

        /// <summary>A 1 MiB chunked response in 100-byte chunks.</summary>
        [Benchmark]
        [BenchmarkCategory("chunked")]
        public long Chunked100B() => ReadAll(_chunked100);

        private long ReadAll(ReplayTransport stream)
        {
            stream.Rewind();
            _reader.Attach(stream);
            _reader.ReadHead(false);
            long total = 0;
            int read;
            while ((read = _reader.ReadBody(_block, 0, _block.Length)) > 0)
            {
                total += read;
            }

            return total;
        }

        private static void Check(bool condition)
        {
            if (!condition)
            {
                throw new InvalidOperationException("benchmark input not parsed as expected");
            }
        }

        private sealed class ParserConfig : ManualConfig
        {
            public ParserConfig()
            {
                AddDiagnoser(MemoryDiagnoser.Default);
                AddColumn(new ThroughputColumn());
            }
        }
    }
}
