using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// Debian's tinyproxy as a real HTTP proxy on a free 127.0.0.1 port, with its own config in a
    /// temp folder. CONNECT is allowed to any port (no ConnectPort line) and only 127.0.0.1 may
    /// use it; the tests tunnel to servers on 127.0.0.1 only.
    /// </summary>
    public sealed class TinyproxyServer : IDisposable
    {
        public const string TinyproxyPath = "/usr/bin/tinyproxy";

        private readonly string _folder;
        private readonly Process _process;

        public TinyproxyServer()
        {
            if (!File.Exists(TinyproxyPath))
            {
                throw new InvalidOperationException("tinyproxy is not installed (apt-get install tinyproxy)");
            }

            _folder = Directory.CreateTempSubdirectory("tinyproxy-test-").FullName;
            Port = FreePort();
            string config = Path.Combine(_folder, "tinyproxy.conf");
            File.WriteAllText(config,
                "Port " + Port + "\n" +
                "Listen 127.0.0.1\n" +
                "Timeout 30\n" +
                "Allow 127.0.0.1\n" +
                "MaxClients 20\n" +
                "LogLevel Info\n" +
                "LogFile \"" + Path.Combine(_folder, "tinyproxy.log") + "\"\n" +
                "PidFile \"" + Path.Combine(_folder, "tinyproxy.pid") + "\"\n" +
                "DisableViaHeader Yes\n");
            if (Environment.UserName == "root")
            {
                File.AppendAllText(config, "User root\nGroup root\n");
            }

            var start = new ProcessStartInfo(TinyproxyPath, "-d -c " + config)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            _process = Process.Start(start);
            _process.OutputDataReceived += (s, e) => { };
            _process.ErrorDataReceived += (s, e) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            if (!WaitUntilListening(TimeSpan.FromSeconds(10)))
            {
                string log = Log;
                Dispose();
                throw new InvalidOperationException("tinyproxy did not start: " + log);
            }
        }

        /// <summary>The proxy's port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>The proxy's log so far.</summary>
        public string Log
        {
            get
            {
                string path = Path.Combine(_folder, "tinyproxy.log");
                return File.Exists(path) ? File.ReadAllText(path) : "";
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(3000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_folder, true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }

        private bool WaitUntilListening(TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (_process.HasExited)
                {
                    return false;
                }

                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, Port);
                    return true;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            return false;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
