using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>
    /// `openssl s_server -www` on 127.0.0.1 and a free port, with a given certificate and
    /// optionally requiring a client certificate (-Verify 1). Killed on Dispose.
    /// </summary>
    internal sealed class OpenSslServer : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private OpenSslServer(X509Certificate2 certificate, bool requireClientCertificate)
        {
            _directory = Directory.CreateTempSubdirectory("httpnano-tls-").FullName;
            (string cert, string key) = TestCertificates.WritePem(certificate, _directory, "server");
            (string ca, _) = TestCertificates.WritePem(TestCertificates.Instance.Ca, _directory, "ca");
            Port = FreePort();
            ProcessStartInfo start = new ProcessStartInfo("openssl")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "s_server", "-accept", "127.0.0.1:" + Port, "-cert", cert, "-key", key, "-www", "-quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            if (requireClientCertificate)
            {
                foreach (string argument in new[] { "-Verify", "1", "-CAfile", ca })
                {
                    start.ArgumentList.Add(argument);
                }
            }

            _process = Process.Start(start);
            _process.ErrorDataReceived += (sender, e) => { };
            _process.BeginErrorReadLine();
            _process.OutputDataReceived += (sender, e) => { };
            _process.BeginOutputReadLine();
            WaitUntilListening();
        }

        internal int Port { get; }

        internal static bool Available
        {
            get
            {
                try
                {
                    using (Process probe = Process.Start(new ProcessStartInfo("openssl", "version") { RedirectStandardOutput = true, UseShellExecute = false }))
                    {
                        return probe.WaitForExit(5000) && probe.ExitCode == 0;
                    }
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }

        internal static OpenSslServer Start(X509Certificate2 certificate, bool requireClientCertificate = false)
            => new OpenSslServer(certificate, requireClientCertificate);

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(true);
                }

                _process.WaitForExit(5000);
            }
            finally
            {
                _process.Dispose();
                Directory.Delete(_directory, true);
            }
        }

        private static int FreePort()
        {
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private void WaitUntilListening()
        {
            Stopwatch clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 10000)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("openssl s_server exited");
                }

                using (Socket probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
                {
                    try
                    {
                        probe.Connect(IPAddress.Loopback, Port);
                        return;
                    }
                    catch (SocketException)
                    {
                        Thread.Sleep(50);
                    }
                }
            }

            throw new TimeoutException("openssl s_server did not listen");
        }
    }
}
