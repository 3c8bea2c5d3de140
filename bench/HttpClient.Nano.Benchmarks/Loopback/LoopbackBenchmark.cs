using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace HttpNano.Benchmarks.Loopback
{
    /// <summary>
    /// The loopback benchmark: one private nginx on 127.0.0.1, four clients each on one keep-alive
    /// connection, sequential GETs. In interleaved rounds (every round runs every client on every
    /// workload, in an order rotated per round) each client gets a fixed time slice per workload;
    /// the table shows the median over rounds and the median of the per-round ratios to the
    /// raw-socket floor. Allocation is GC.GetTotalAllocatedBytes(true) over all measured slices,
    /// divided by the requests. The 64 MiB download runs each client in a fresh child process and
    /// reports the growth of its peak resident set (VmHWM) over a run of 100-byte GETs.
    /// </summary>
    internal static class LoopbackBenchmark
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        private static readonly Workload[] Workloads =
        {
            new Workload("GET 100-byte body", "/100.bin", 100, false, 0.80),
            new Workload("GET 64 KiB body", "/64k.bin", 64 * 1024, true, 0.85),
            new Workload("GET 64 KiB chunked body", "/chunked64k.html", 64 * 1024, true, 0.85),
            new Workload("HTTPS GET 100-byte body", "/100.bin", 100, false, 0.70, tls: true),
        };

        public static bool Handles(string[] args) => args.Length > 0 && (args[0] == "--loopback" || args[0] == "--download-child" || args[0] == "--run-child");

        public static int Execute(string[] args)
        {
            if (args[0] == "--download-child")
            {
                return DownloadChild(args);
            }

            if (args[0] == "--run-child")
            {
                return RunChild(args);
            }

            Options options = Options.Parse(args.Skip(1).ToArray());
            if (options == null)
            {
                Console.Error.WriteLine(Options.Usage);
                return 2;
            }

            return Run(options);
        }

        private static int Run(Options o)
        {
            bool pin = o.Pin && Environment.ProcessorCount >= 2;
            Console.WriteLine("# HttpClient.Nano loopback benchmark");
            Console.WriteLine();
            Console.WriteLine("- date: " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Inv) + " UTC");
            Console.WriteLine("- machine: " + Environment.ProcessorCount + " CPUs, " + CpuModel() + ", " + System.Runtime.InteropServices.RuntimeInformation.OSDescription);
            Console.WriteLine("- runtime: .NET " + Environment.Version + ", " + (o.Quick ? "--quick" : "default") + " mode: " + o.Rounds + " rounds of " + o.SliceMs + " ms per client and workload, " + o.DownloadReps + " download(s) of 64 MiB per client");
            Console.WriteLine("- pinning: " + (pin ? "client process and nginx worker both on CPU 0" : "none"));
            Console.WriteLine("- server: nginx " + NginxVersion() + ", 1 worker, keep-alive, access log off; one connection per client and scheme, sequential requests");
            Console.WriteLine();

            using Nginx nginx = new Nginx(pin ? 0 : -1);
            if (pin)
            {
                PinToCpu0();
            }

            Endpoints server = new Endpoints(nginx.Port, nginx.TlsPort, nginx.CaFile);
            List<BenchClient> clients = BenchClient.Names.Select(n => BenchClient.Create(n, server)).ToList();
            try
            {
                // Every client must get every body whole before anything is timed.
                foreach (BenchClient client in clients)
                {
                    foreach (Workload w in Workloads)
                    {
                        long got = Get(client, w.Path, w.Tls);
                        if (got != w.BodyBytes)
                        {
                            throw new InvalidOperationException(client.Name + " read " + got + " bytes of " + w.Path);
                        }
                    }
                }

                Console.Error.WriteLine("warm-up...");
                foreach (Workload w in Workloads)
                {
                    foreach (BenchClient client in clients)
                    {
                        Measure(client, w, o.WarmupMs);
                    }
                }

                Cell[,,] cells = new Cell[Workloads.Length, clients.Count, o.Rounds];
                for (int r = 0; r < o.Rounds; r++)
                {
                    Console.Error.WriteLine("round " + (r + 1) + "/" + o.Rounds);
                    for (int wi = 0; wi < Workloads.Length; wi++)
                    {
                        for (int k = 0; k < clients.Count; k++)
                        {
                            int ci = (k + r) % clients.Count;
                            cells[wi, ci, r] = Measure(clients[ci], Workloads[wi], o.SliceMs);
                        }
                    }
                }

                PrintThroughput(clients, cells, o.Rounds);
                PrintAllocations(clients, cells, o.Rounds);
                PrintCpu(clients, cells, o.Rounds);
            }
            finally
            {
                foreach (BenchClient client in clients)
                {
                    client.Dispose();
                }
            }

            if (o.DownloadReps > 0)
            {
                PrintDownloads(server, pin, o.DownloadReps);
            }

            if (o.Syscalls)
            {
                PrintSyscalls(server, pin);
            }

            return 0;
        }

        private static readonly Process Self = Process.GetCurrentProcess();

        private static Cell Measure(BenchClient client, Workload w, int sliceMs)
        {
            long ticks = sliceMs * Stopwatch.Frequency / 1000;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long allocBefore = GC.GetTotalAllocatedBytes(true);
            TimeSpan cpuBefore = Self.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            long end = start + ticks;
            long requests = 0;
            long bytes = 0;
            long now;
            if (client.IsAsync)
            {
                (requests, bytes, now) = MeasureAsync(client, w, end).GetAwaiter().GetResult();
            }
            else
            {
                do
                {
                    bytes += client.Get(w.Path, w.Tls);
                    requests++;
                }
                while ((now = Stopwatch.GetTimestamp()) < end);
            }

            long allocated = GC.GetTotalAllocatedBytes(true) - allocBefore;
            Self.Refresh();
            double cpu = (Self.TotalProcessorTime - cpuBefore).TotalMilliseconds * 1000;
            if (bytes != requests * w.BodyBytes)
            {
                throw new InvalidOperationException(client.Name + ": wrong body length on " + w.Path);
            }

            double seconds = (now - start) / (double)Stopwatch.Frequency;
            return new Cell(requests / seconds, bytes / seconds / 1e6, requests, allocated, cpu);
        }

        private static async Task<(long, long, long)> MeasureAsync(BenchClient client, Workload w, long end)
        {
            long requests = 0, bytes = 0, now;
            do
            {
                bytes += await client.GetAsync(w.Path, w.Tls).ConfigureAwait(false);
                requests++;
            }
            while ((now = Stopwatch.GetTimestamp()) < end);
            return (requests, bytes, now);
        }

        private static void PrintThroughput(List<BenchClient> clients, Cell[,,] cells, int rounds)
        {
            int floor = clients.FindIndex(c => c is RawSocketClient);
            int nano = clients.FindIndex(c => c is NanoClient);
            Console.WriteLine("## Throughput (median of " + rounds + " rounds; in parentheses the median per-round ratio to the raw-socket floor)");
            Console.WriteLine();
            Console.WriteLine("| workload | " + string.Join(" | ", clients.Select(c => c.Name)) + " | Nano target | met |");
            Console.WriteLine("|---|" + string.Concat(clients.Select(_ => "---:|")) + "---:|:-:|");
            for (int wi = 0; wi < Workloads.Length; wi++)
            {
                Workload w = Workloads[wi];
                StringBuilder row = new StringBuilder("| " + w.Name + (w.InMegabytes ? ", MB/s" : ", req/s") + " |");
                double nanoRatio = 0;
                for (int ci = 0; ci < clients.Count; ci++)
                {
                    double[] values = new double[rounds];
                    double[] ratios = new double[rounds];
                    for (int r = 0; r < rounds; r++)
                    {
                        values[r] = w.Value(cells[wi, ci, r]);
                        ratios[r] = values[r] / w.Value(cells[wi, floor, r]);
                    }

                    double ratio = Median(ratios);
                    if (ci == nano)
                    {
                        nanoRatio = ratio;
                    }

                    row.Append(' ').Append(Median(values).ToString("N0", Inv)).Append(" (").Append(ratio.ToString("0.00", Inv)).Append("x) |");
                }

                row.Append(' ').Append(w.Target.ToString("0.00", Inv)).Append("x | ").Append(nanoRatio >= w.Target ? "yes" : "no").Append(" |");
                Console.WriteLine(row);
            }

            Console.WriteLine();
        }

        private static void PrintAllocations(List<BenchClient> clients, Cell[,,] cells, int rounds)
        {
            Console.WriteLine("## Bytes allocated per request (GC.GetTotalAllocatedBytes(true), all measured rounds, all threads)");
            Console.WriteLine();
            Console.WriteLine("| workload | " + string.Join(" | ", clients.Select(c => c.Name)) + " |");
            Console.WriteLine("|---|" + string.Concat(clients.Select(_ => "---:|")));
            for (int wi = 0; wi < Workloads.Length; wi++)
            {
                StringBuilder row = new StringBuilder("| " + Workloads[wi].Name + " |");
                for (int ci = 0; ci < clients.Count; ci++)
                {
                    long requests = 0, allocated = 0;
                    for (int r = 0; r < rounds; r++)
                    {
                        requests += cells[wi, ci, r].Requests;
                        allocated += cells[wi, ci, r].Allocated;
                    }

                    row.Append(' ').Append(((double)allocated / requests).ToString("N1", Inv)).Append(" |");
                }

                Console.WriteLine(row);
            }

            Console.WriteLine();
        }

        private static void PrintCpu(List<BenchClient> clients, Cell[,,] cells, int rounds)
        {
            Console.WriteLine("## Client CPU time per request, microseconds (user + system, whole client process, median of rounds)");
            Console.WriteLine();
            Console.WriteLine("| workload | " + string.Join(" | ", clients.Select(c => c.Name)) + " |");
            Console.WriteLine("|---|" + string.Concat(clients.Select(_ => "---:|")));
            for (int wi = 0; wi < Workloads.Length; wi++)
            {
                StringBuilder row = new StringBuilder("| " + Workloads[wi].Name + " |");
                for (int ci = 0; ci < clients.Count; ci++)
                {
                    double[] perRequest = new double[rounds];
                    for (int r = 0; r < rounds; r++)
                    {
                        perRequest[r] = cells[wi, ci, r].CpuMicroseconds / cells[wi, ci, r].Requests;
                    }

                    row.Append(' ').Append(Median(perRequest).ToString("0.0", Inv)).Append(" |");
                }

                Console.WriteLine(row);
            }

            Console.WriteLine();
        }

        private static void PrintDownloads(Endpoints server, bool pin, int reps)
        {
            Console.WriteLine("## 64 MiB streamed download (a fresh process per client; " + reps + " download(s), median MB/s)");
            Console.WriteLine();
            Console.WriteLine("| client | MB/s | ratio to floor | peak RSS after 100-byte GETs, MiB | peak RSS after 64 MiB, MiB | growth, KiB | allocated per download, bytes |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            double floor = 0;
            foreach (string name in BenchClient.Names)
            {
                string[] result = RunSelf(null, "--download-child", name, server.Port.ToString(Inv), server.TlsPort.ToString(Inv), server.CaFile, reps.ToString(Inv), pin ? "pin" : "nopin").Split(' ');
                double mbps = double.Parse(result[1], Inv);
                long before = long.Parse(result[2], Inv), after = long.Parse(result[3], Inv), allocated = long.Parse(result[4], Inv);
                if (name == RawSocketClient.Id)
                {
                    floor = mbps;
                }

                Console.WriteLine("| " + result[0].Replace('_', ' ') + " | " + mbps.ToString("N0", Inv) + " | " + (mbps / floor).ToString("0.00", Inv) + "x | "
                    + (before / 1024.0).ToString("N1", Inv) + " | " + (after / 1024.0).ToString("N1", Inv) + " | " + (after - before).ToString("N0", Inv) + " | " + allocated.ToString("N0", Inv) + " |");
            }

            Console.WriteLine();
        }

        // Syscalls per request by strace -f -c: two child runs of N1 and N2 requests, the
        // difference divided by N2 - N1 (so start-up and warm-up cancel out).
        private static void PrintSyscalls(Endpoints server, bool pin)
        {
            const int n1 = 300, n2 = 1300;
            Console.WriteLine("## System calls per request (strace -f -c, difference of a " + n2 + "- and a " + n1 + "-request run)");
            Console.WriteLine();
            Console.WriteLine("| workload | client | total | breakdown |");
            Console.WriteLine("|---|---|---:|---|");
            foreach (Workload w in Workloads)
            {
                foreach (string name in BenchClient.Names)
                {
                    Dictionary<string, long> a = Strace(server, pin, name, w, n1);
                    Dictionary<string, long> b = Strace(server, pin, name, w, n2);
                    if (a == null || b == null)
                    {
                        Console.WriteLine("(strace not available)");
                        Console.WriteLine();
                        return;
                    }

                    Dictionary<string, double> per = new Dictionary<string, double>();
                    foreach (string call in b.Keys.Union(a.Keys))
                    {
                        double d = (b.GetValueOrDefault(call) - a.GetValueOrDefault(call)) / (double)(n2 - n1);
                        if (d >= 0.05)
                        {
                            per[call] = d;
                        }
                    }

                    string breakdown = string.Join(", ", per.OrderByDescending(p => p.Value).Select(p => p.Key + " " + p.Value.ToString("0.0", Inv)));
                    Console.WriteLine("| " + w.Name + " | " + ClientName(name) + " | " + per.Values.Sum().ToString("0.0", Inv) + " | " + breakdown + " |");
                }
            }

            Console.WriteLine();
        }

        private static string ClientName(string id)
        {
            switch (id)
            {
                case RawSocketClient.Id: return "raw socket (floor)";
                case NanoClient.Id: return "HttpClient.Nano";
                case DotNetSyncClient.Id: return ".NET HttpClient (sync)";
                default: return ".NET HttpClient (async)";
            }
        }

        private static Dictionary<string, long> Strace(Endpoints server, bool pin, string client, Workload w, int count)
        {
            if (!File.Exists("/usr/bin/strace"))
            {
                return null;
            }

            string output = Path.GetTempFileName();
            try
            {
                RunSelf(new[] { "-f", "-c", "-o", output }, "--run-child", client, server.Port.ToString(Inv), server.TlsPort.ToString(Inv), server.CaFile, w.Path, w.Tls ? "tls" : "plain", count.ToString(Inv), pin ? "pin" : "nopin");
                Dictionary<string, long> calls = new Dictionary<string, long>();
                foreach (string line in File.ReadAllLines(output))
                {
                    string[] t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (t.Length >= 5 && char.IsDigit(t[0][0]) && t[^1] != "total" && long.TryParse(t[3], NumberStyles.Integer, Inv, out long n))
                    {
                        calls[t[^1]] = n;
                    }
                }

                return calls;
            }
            finally
            {
                File.Delete(output);
            }
        }

        // Runs this program again (under strace when straceArgs is given) and returns its last stdout line.
        private static string RunSelf(string[] straceArgs, params string[] args)
        {
            string self = Environment.ProcessPath;
            List<string> argv = new List<string>();
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                argv.Add(typeof(LoopbackBenchmark).Assembly.Location);
            }

            argv.AddRange(args);
            ProcessStartInfo start;
            if (straceArgs != null)
            {
                start = new ProcessStartInfo("/usr/bin/strace");
                foreach (string a in straceArgs)
                {
                    start.ArgumentList.Add(a);
                }

                start.ArgumentList.Add(self);
            }
            else
            {
                start = new ProcessStartInfo(self);
            }

            foreach (string a in argv)
            {
                start.ArgumentList.Add(a);
            }

            start.UseShellExecute = false;
            start.RedirectStandardOutput = true;
            using Process child = Process.Start(start);
            string stdout = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException("child " + string.Join(" ", args) + " failed with exit code " + child.ExitCode);
            }

            return stdout.Trim().Split('\n')[^1];
        }

        // --download-child CLIENT PORT TLSPORT CAFILE REPS pin|nopin: 500 100-byte GETs, peak RSS,
        // then REPS downloads of 64 MiB, peak RSS again. Prints "NAME MBPS HWM_BEFORE_KB HWM_AFTER_KB ALLOCATED".
        private static int DownloadChild(string[] args)
        {
            Endpoints server = new Endpoints(int.Parse(args[2], Inv), int.Parse(args[3], Inv), args[4]);
            int reps = int.Parse(args[5], Inv);
            if (args[6] == "pin")
            {
                PinToCpu0();
            }

            using BenchClient client = BenchClient.Create(args[1], server);
            for (int i = 0; i < 500; i++)
            {
                Get(client, "/100.bin", false);
            }

            long before = PeakRssKb();
            double[] rates = new double[reps];
            long allocated = GC.GetTotalAllocatedBytes(true);
            for (int i = 0; i < reps; i++)
            {
                long start = Stopwatch.GetTimestamp();
                long got = Get(client, "/64m.bin", false);
                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                if (got != Nginx.BigFileSize)
                {
                    throw new InvalidOperationException("short download: " + got);
                }

                rates[i] = got / seconds / 1e6;
            }

            allocated = (GC.GetTotalAllocatedBytes(true) - allocated) / reps;
            long after = PeakRssKb();
            Console.WriteLine(client.Name.Replace(' ', '_') + " " + Median(rates).ToString("0.0", Inv) + " " + before + " " + after + " " + allocated);
            return 0;
        }

        // --run-child CLIENT PORT TLSPORT CAFILE PATH tls|plain COUNT pin|nopin: COUNT GETs (for strace).
        private static int RunChild(string[] args)
        {
            Endpoints server = new Endpoints(int.Parse(args[2], Inv), int.Parse(args[3], Inv), args[4]);
            bool tls = args[6] == "tls";
            int count = int.Parse(args[7], Inv);
            if (args[8] == "pin")
            {
                PinToCpu0();
            }

            using BenchClient client = BenchClient.Create(args[1], server);
            for (int i = 0; i < count; i++)
            {
                Get(client, args[5], tls);
            }

            Console.WriteLine("done");
            return 0;
        }

        private static void PinToCpu0()
        {
            if (OperatingSystem.IsLinux())
            {
                Process.GetCurrentProcess().ProcessorAffinity = (IntPtr)1;
            }
        }

        private static long Get(BenchClient client, string path, bool tls) => client.IsAsync ? client.GetAsync(path, tls).AsTask().GetAwaiter().GetResult() : client.Get(path, tls);

        private static long PeakRssKb()
        {
            foreach (string line in File.ReadAllLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Substring(6).Trim().Split(' ')[0], Inv);
                }
            }

            return -1;
        }

        private static string CpuModel()
        {
            try
            {
                string line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                return line == null ? "unknown CPU" : line.Substring(line.IndexOf(':') + 1).Trim();
            }
            catch (IOException)
            {
                return "unknown CPU";
            }
        }

        private static string NginxVersion()
        {
            ProcessStartInfo start = new ProcessStartInfo(Nginx.NginxPath, "-v") { UseShellExecute = false, RedirectStandardError = true };
            using Process p = Process.Start(start);
            string text = p.StandardError.ReadToEnd();
            p.WaitForExit();
            int slash = text.IndexOf('/');
            return slash < 0 ? "?" : text.Substring(slash + 1).Trim();
        }

        private static double Median(double[] values)
        {
            double[] sorted = (double[])values.Clone();
            Array.Sort(sorted);
            int n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private readonly struct Cell
        {
            public Cell(double requestsPerSecond, double megabytesPerSecond, long requests, long allocated, double cpuMicroseconds)
            {
                CpuMicroseconds = cpuMicroseconds;
                RequestsPerSecond = requestsPerSecond;
                MegabytesPerSecond = megabytesPerSecond;
                Requests = requests;
                Allocated = allocated;
            }

            public double RequestsPerSecond { get; }

            public double MegabytesPerSecond { get; }

            public long Requests { get; }

            public long Allocated { get; }

            public double CpuMicroseconds { get; }
        }

        private sealed class Workload
        {
            public Workload(string name, string path, int bodyBytes, bool inMegabytes, double target, bool tls = false)
            {
                Tls = tls;
                Name = name;
                Path = path;
                BodyBytes = bodyBytes;
                InMegabytes = inMegabytes;
                Target = target;
            }

            public string Name { get; }

            public string Path { get; }

            /// <summary>Over the HTTPS port, one kept-alive TLS connection per client.</summary>
            public bool Tls { get; }

            public int BodyBytes { get; }

            public bool InMegabytes { get; }

            public double Target { get; }

            public double Value(Cell cell) => InMegabytes ? cell.MegabytesPerSecond : cell.RequestsPerSecond;
        }

        private sealed class Options
        {
            public const string Usage =
                "usage: HttpClient.Nano.Benchmarks --loopback [--quick] [--rounds N] [--slice-ms N] [--downloads N] [--no-pin] [--syscalls]\n"
                + "  default: 15 rounds of 700 ms per client and workload, 5 downloads (about 2.5 minutes)\n"
                + "  --quick: 5 rounds of 200 ms, 1 download (about 20 s)\n"
                + "  --syscalls: also count system calls per request with strace (adds about a minute)";

            public bool Quick { get; private set; }

            public int Rounds { get; private set; } = 15;

            public int SliceMs { get; private set; } = 700;

            public int WarmupMs { get; private set; } = 1500;

            public int DownloadReps { get; private set; } = 5;

            public bool Pin { get; private set; } = true;

            public bool Syscalls { get; private set; }

            public static Options Parse(string[] args)
            {
                Options o = new Options();
                for (int i = 0; i < args.Length; i++)
                {
                    switch (args[i])
                    {
                        case "--quick":
                            o.Quick = true;
                            o.Rounds = 5;
                            o.SliceMs = 200;
                            o.WarmupMs = 500;
                            o.DownloadReps = 1;
                            break;
                        case "--rounds" when i + 1 < args.Length:
                            o.Rounds = int.Parse(args[++i], Inv);
                            break;
                        case "--slice-ms" when i + 1 < args.Length:
                            o.SliceMs = int.Parse(args[++i], Inv);
                            break;
                        case "--downloads" when i + 1 < args.Length:
                            o.DownloadReps = int.Parse(args[++i], Inv);
                            break;
                        case "--no-pin":
                            o.Pin = false;
                            break;
                        case "--syscalls":
                            o.Syscalls = true;
                            break;
                        default:
                            return null;
                    }
                }

                return o.Rounds > 0 && o.SliceMs > 0 ? o : null;
            }
        }
    }
}
