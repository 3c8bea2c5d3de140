using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// Debian's nginx (/usr/sbin/nginx, package "nginx") on 127.0.0.1 and a free port, with its
    /// own prefix directory (config, pid, logs, temp files, content) that Dispose deletes.
    /// Keep-alive is on (keepalive_requests 100000, 60 s idle). Content:
    /// <code>
    /// /100.bin /64k.bin /1m.bin   static files of BodyPattern bytes, with Content-Length
    /// /hello.txt                  "hello\n"
    /// /nocontent                  204, no body
    /// /chunked.html               chunked (SSI include): ChunkedBody, sent as 3 chunks
    /// /gzip/text.txt              gzip-compressed and chunked when the request has Accept-Encoding: gzip
    /// /upload                     POST/PUT: nginx reads the body (100-continue, chunked or
    ///                             Content-Length) and answers "received N\n"
    /// </code>
    /// Every request is logged with its connection serial number: <see cref="ReadAccessLog"/>
    /// and <see cref="NginxLogEntry.CountConnections"/> prove keep-alive reuse.
    /// </summary>
    public sealed class NginxServer : IDisposable
    {
        /// <summary>Where Debian installs nginx.</summary>
        public const string NginxPath = "/usr/sbin/nginx";

        /// <summary>The static files and their sizes.</summary>
        public static readonly IReadOnlyDictionary<string, int> Files = new Dictionary<string, int>
        {
            ["/100.bin"] = 100,
            ["/64k.bin"] = 64 * 1024,
            ["/1m.bin"] = 1024 * 1024,
        };

        private const int SigQuit = 3;
        private const int StartAttempts = 3;
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(3);

        private readonly StringBuilder _output = new StringBuilder();
        private Process _process;
        private int _disposed;

        /// <summary>Starts a plain-HTTP nginx.</summary>
        public NginxServer()
            : this(null, null)
        {
        }

        // One public constructor: xunit builds fixtures only through a single public constructor.
        private NginxServer(X509Certificate2 certificate, string extraDirectives)
        {
            if (!File.Exists(NginxPath))
            {
                throw new InvalidOperationException("nginx is not installed (apt-get install nginx)");
            }

            Prefix = Directory.CreateTempSubdirectory("nginx-test-").FullName;
            IsHttps = certificate != null;
            try
            {
                WriteContent(certificate);
                Start(extraDirectives);
            }
            catch
            {
                Dispose();
                throw;
            }

            BaseUri = new Uri((IsHttps ? "https" : "http") + "://127.0.0.1:" + Port + "/");
        }

        /// <summary>The body /chunked.html sends (its three chunks concatenated).</summary>
        public static byte[] ChunkedBody => Encoding.Latin1.GetBytes("start\n").Concat(BodyPattern.Make(100)).Concat(Encoding.Latin1.GetBytes("\nend\n")).ToArray();

        /// <summary>The text of /gzip/text.txt (before compression).</summary>
        public static string GzipText => string.Concat(Enumerable.Repeat("compress me, compress me\n", 400));

        /// <summary>The instance directory (nginx.conf, error.log, access.log, www/, temp/).</summary>
        public string Prefix { get; }

        /// <summary>The loopback port nginx listens on.</summary>
        public int Port { get; private set; }

        /// <summary>Always 127.0.0.1.</summary>
        public string Host => "127.0.0.1";

        /// <summary>http://127.0.0.1:port/ (https when started with a certificate).</summary>
        public Uri BaseUri { get; }

        /// <summary>True when nginx speaks TLS.</summary>
        public bool IsHttps { get; }

        /// <summary>The error log so far (info level: startup, "closed keepalive connection", ...).</summary>
        public string ErrorLog => ReadShared(Path.Combine(Prefix, "error.log"));

        /// <summary>
        /// Starts nginx speaking TLS with <paramref name="certificate"/> (which must hold an RSA
        /// private key; see <see cref="TestCertificates"/>).
        /// </summary>
        public static NginxServer WithCertificate(X509Certificate2 certificate)
        {
            ArgumentNullException.ThrowIfNull(certificate);
            return new NginxServer(certificate, null);
        }

        /// <summary>Starts nginx speaking TLS with <paramref name="certificate"/> and more directives inside its server block.</summary>
        public static NginxServer WithCertificate(X509Certificate2 certificate, string serverDirectives)
        {
            ArgumentNullException.ThrowIfNull(certificate);
            return new NginxServer(certificate, serverDirectives);
        }

        /// <summary>
        /// Starts nginx with more directives inside its server block, for example
        /// <c>location = /x { return 200 "x"; }</c>.
        /// </summary>
        public static NginxServer WithDirectives(string serverDirectives) => new NginxServer(null, serverDirectives);

        /// <summary>An absolute URI for a path and query such as "/64k.bin".</summary>
        public Uri Url(string pathAndQuery) => new Uri(BaseUri, pathAndQuery);

        /// <summary>Every access log entry so far, oldest first.</summary>
        public IReadOnlyList<NginxLogEntry> ReadAccessLog()
        {
            string text = ReadShared(Path.Combine(Prefix, "access.log"));
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(NginxLogEntry.Parse).ToArray();
        }

        /// <summary>
        /// The access log's entries whose URI contains <paramref name="tag"/> (all entries when it
        /// is null) once there are at least <paramref name="count"/> of them. nginx writes an
        /// entry just after the response went out, so a client can be a moment ahead of it, and
        /// an earlier test's last entry can land after this test began: a test that shares the
        /// server tags its requests (see <see cref="NewTag"/>) and reads only its own entries.
        /// Throws TimeoutException after 5 s.
        /// </summary>
        public IReadOnlyList<NginxLogEntry> WaitForAccessLog(int count, string tag = null)
        {
            IReadOnlyList<NginxLogEntry> entries = null;
            if (!SpinWait.SpinUntil(() => (entries = ReadAccessLog().Where(e => tag == null || e.Uri.Contains(tag, StringComparison.Ordinal)).ToArray()).Count >= count, TimeSpan.FromSeconds(5)))
            {
                throw new TimeoutException("access log has " + entries.Count + " of " + count + " entries");
            }

            return entries;
        }

        /// <summary>A query string no other request carries ("?t=" and a new GUID), to find a test's own log entries.</summary>
        public static string NewTag() => "?t=" + Guid.NewGuid().ToString("N");

        /// <summary>Stops nginx (SIGQUIT, then SIGKILL after 3 s) and deletes the prefix directory.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            Stop();
            try
            {
                Directory.Delete(Prefix, true);
            }
            catch (IOException)
            {
                // A worker still closing a file: the OS temp cleaner gets it later.
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        [DllImport("libc")]
        private static extern uint geteuid();

        private static string ReadShared(string path)
        {
            if (!File.Exists(path))
            {
                return "";
            }

            using FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using StreamReader reader = new StreamReader(stream, Encoding.Latin1);
            return reader.ReadToEnd();
        }

        private static int FreePort()
        {
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private static bool Accepts(int port)
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private void WriteContent(X509Certificate2 certificate)
        {
            string www = Path.Combine(Prefix, "www");
            Directory.CreateDirectory(Path.Combine(www, "gzip"));
            Directory.CreateDirectory(Path.Combine(Prefix, "temp"));
            foreach (KeyValuePair<string, int> file in Files)
            {
                File.WriteAllBytes(www + file.Key, BodyPattern.Make(file.Value));
            }

            File.WriteAllText(Path.Combine(www, "hello.txt"), "hello\n", Encoding.Latin1);
            File.WriteAllText(Path.Combine(www, "chunked.html"), "start\n<!--# include virtual=\"/100.bin\" -->\nend\n", Encoding.Latin1);
            File.WriteAllText(Path.Combine(www, "gzip", "text.txt"), GzipText, Encoding.Latin1);
            if (certificate != null)
            {
                File.WriteAllText(Path.Combine(Prefix, "cert.pem"), Tls.TestCertificates.CertificatePem(certificate));
                File.WriteAllText(Path.Combine(Prefix, "key.pem"), Tls.TestCertificates.PrivateKeyPem(certificate));
            }
        }

        private void Start(string extraDirectives)
        {
            string error = "";
            for (int attempt = 0; attempt < StartAttempts; attempt++)
            {
                Port = FreePort();
                string conf = NginxConfig.Build(
                    Prefix,
                    Port,
                    geteuid() == 0,
                    IsHttps ? Path.Combine(Prefix, "cert.pem") : null,
                    IsHttps ? Path.Combine(Prefix, "key.pem") : null,
                    extraDirectives);
                File.WriteAllText(Path.Combine(Prefix, "nginx.conf"), conf);
                File.Delete(Path.Combine(Prefix, "error.log"));
                if (TryStart())
                {
                    return;
                }

                error = ErrorLog + _output;
                if (!error.Contains("Address already in use"))
                {
                    break;
                }
            }

            throw new InvalidOperationException("nginx did not start:\n" + error);
        }

        private bool TryStart()
        {
            ProcessStartInfo start = new ProcessStartInfo(NginxPath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "-p", Prefix + "/", "-c", Path.Combine(Prefix, "nginx.conf"), "-e", Path.Combine(Prefix, "error.log") })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start);
            _process.OutputDataReceived += Collect;
            _process.ErrorDataReceived += Collect;
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            Stopwatch waited = Stopwatch.StartNew();
            while (waited.Elapsed < StartTimeout)
            {
                if (_process.HasExited)
                {
                    _process.WaitForExit();
                    return false;
                }

                // nginx writes its pid file after binding, so with it a connection is to this
                // nginx, not to whoever else might have taken the port.
                if (File.Exists(Path.Combine(Prefix, "nginx.pid")) && Accepts(Port))
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            Stop();
            return false;
        }

        private void Collect(object sender, DataReceivedEventArgs line)
        {
            if (line.Data != null)
            {
                lock (_output)
                {
                    _output.Append(line.Data).Append('\n');
                }
            }
        }

        private void Stop()
        {
            if (_process == null)
            {
                return;
            }

            try
            {
                if (!_process.HasExited)
                {
                    kill(_process.Id, SigQuit);
                    if (!_process.WaitForExit(QuitTimeout))
                    {
                        _process.Kill(entireProcessTree: true);
                        _process.WaitForExit(QuitTimeout);
                    }
                }
            }
            finally
            {
                _process.Dispose();
                _process = null;
            }
        }
    }
}
