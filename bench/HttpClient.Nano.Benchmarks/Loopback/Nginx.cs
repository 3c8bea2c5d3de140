using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace HttpNano.Benchmarks.Loopback
{
    /// <summary>
    /// Debian's nginx on 127.0.0.1 and a free port, with a private prefix directory (config,
    /// pid, logs, content) deleted on Dispose. One worker, keep-alive without limits, no access
    /// log. Content: /100.bin, /64k.bin, /64m.bin (static, Content-Length) and /chunked64k.html
    /// (an SSI include of /64k.bin: SSI drops the length, so the body is chunked). The same
    /// content over TLS on a second port, with a certificate for 127.0.0.1 signed by a CA made
    /// in-process (<see cref="TestCa"/>; its PEM is <see cref="CaFile"/>).
    /// </summary>
    internal sealed class Nginx : IDisposable
    {
        public const string NginxPath = "/usr/sbin/nginx";
        public const int BigFileSize = 64 * 1024 * 1024;

        private Process _process;

        public Nginx(int workerCpu)
        {
            if (!File.Exists(NginxPath))
            {
                throw new InvalidOperationException("nginx is not installed (apt-get install nginx)");
            }

            Prefix = Directory.CreateTempSubdirectory("nginx-bench-").FullName;
            try
            {
                string www = Path.Combine(Prefix, "www");
                Directory.CreateDirectory(www);
                Directory.CreateDirectory(Path.Combine(Prefix, "temp"));
                File.WriteAllBytes(Path.Combine(www, "100.bin"), Pattern(100));
                File.WriteAllBytes(Path.Combine(www, "64k.bin"), Pattern(64 * 1024));
                File.WriteAllBytes(Path.Combine(www, "64m.bin"), Pattern(BigFileSize));
                File.WriteAllText(Path.Combine(www, "chunked64k.html"), "<!--# include virtual=\"/64k.bin\" -->", Encoding.Latin1);
                Directory.CreateDirectory(Path.Combine(Prefix, "tls"));
                TestCa.Write(Path.Combine(Prefix, "tls"));
                Start(workerCpu);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public string Prefix { get; }

        public int Port { get; private set; }

        /// <summary>The HTTPS port (same content).</summary>
        public int TlsPort { get; private set; }

        /// <summary>PEM file of the CA that signed the server's certificate.</summary>
        public string CaFile => Path.Combine(Prefix, "tls", "ca.crt");

        public int WorkerCpu { get; private set; } = -1;

        public void Dispose()
        {
            if (_process != null)
            {
                try
                {
                    if (!_process.HasExited)
                    {
                        kill(_process.Id, 3); // SIGQUIT: graceful stop
                        if (!_process.WaitForExit(3000))
                        {
                            _process.Kill(entireProcessTree: true);
                            _process.WaitForExit(3000);
                        }
                    }
                }
                finally
                {
                    _process.Dispose();
                    _process = null;
                }
            }

            try
            {
                Directory.Delete(Prefix, true);
            }
            catch (IOException)
            {
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        [DllImport("libc")]
        private static extern uint geteuid();

        private static byte[] Pattern(int size)
        {
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++)
            {
                bytes[i] = (byte)(i % 251);
            }

            return bytes;
        }

        private void Start(int workerCpu)
        {
            string error = "";
            for (int attempt = 0; attempt < 3; attempt++)
            {
                Port = FreePort();
                do
                {
                    TlsPort = FreePort();
                }
                while (TlsPort == Port);
                string p = Prefix;
                StringBuilder conf = new StringBuilder();
                conf.Append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
                if (workerCpu >= 0)
                {
                    // A mask with one bit per CPU, CPU 0 rightmost.
                    conf.Append("worker_cpu_affinity 1").Append(new string('0', workerCpu)).Append(";\n");
                    WorkerCpu = workerCpu;
                }

                if (geteuid() == 0)
                {
                    conf.Append("user root;\n");
                }

                conf.Append("pid ").Append(p).Append("/nginx.pid;\nlock_file ").Append(p).Append("/nginx.lock;\n");
                conf.Append("error_log ").Append(p).Append("/error.log warn;\n");
                conf.Append("events { worker_connections 64; }\nhttp {\n");
                conf.Append("  types { text/html html; application/octet-stream bin; }\n  default_type application/octet-stream;\n");
                foreach (string kind in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
                {
                    conf.Append("  ").Append(kind).Append("_temp_path ").Append(p).Append("/temp/").Append(kind).Append(";\n");
                }

                conf.Append("  access_log off;\n  keepalive_timeout 300s;\n  keepalive_requests 10000000;\n  server_tokens off;\n");
                conf.Append("  server {\n    listen 127.0.0.1:").Append(Port).Append(";\n    root ").Append(p).Append("/www;\n");
                conf.Append("    location = /chunked64k.html { ssi on; }\n  }\n");
                conf.Append("  server {\n    listen 127.0.0.1:").Append(TlsPort).Append(" ssl;\n    root ").Append(p).Append("/www;\n");
                conf.Append("    ssl_certificate ").Append(p).Append("/tls/server.crt;\n    ssl_certificate_key ").Append(p).Append("/tls/server.key;\n");
                conf.Append("    location = /chunked64k.html { ssi on; }\n  }\n}\n");
                File.WriteAllText(Path.Combine(p, "nginx.conf"), conf.ToString());
                if (TryStart())
                {
                    return;
                }

                string log = Path.Combine(p, "error.log");
                error = File.Exists(log) ? File.ReadAllText(log) : "";
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
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in new[] { "-p", Prefix + "/", "-c", Path.Combine(Prefix, "nginx.conf"), "-e", Path.Combine(Prefix, "error.log") })
            {
                start.ArgumentList.Add(argument);
            }

            _process = Process.Start(start);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            Stopwatch waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (_process.HasExited)
                {
                    _process.Dispose();
                    _process = null;
                    return false;
                }

                if (File.Exists(Path.Combine(Prefix, "nginx.pid")) && Accepts(Port) && Accepts(TlsPort))
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(3000);
            _process.Dispose();
            _process = null;
            return false;
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
    }
}
