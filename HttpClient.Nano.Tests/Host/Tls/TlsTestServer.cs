using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>
    /// In-process server on 127.0.0.1 (a free port): TLS with a given certificate, answering a
    /// line "ping" with "pong client=&lt;CN or none&gt;"; or plain HTTP, answering anything with
    /// a 400. One connection at a time, each closed after its answer.
    /// </summary>
    internal sealed class TlsTestServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Thread _thread;
        private readonly X509Certificate2 _certificate;
        private readonly bool _askClientCertificate;
        private readonly SslProtocols _protocols;

        private TlsTestServer(X509Certificate2 certificate, bool askClientCertificate, SslProtocols protocols)
        {
            _certificate = certificate;
            _askClientCertificate = askClientCertificate;
            _protocols = protocols;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _thread = new Thread(Run) { IsBackground = true, Name = "TlsTestServer" };
            _thread.Start();
        }

        internal int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>The client certificate subject of the last TLS connection, or null.</summary>
        internal string LastClientSubject { get; private set; }

        internal static TlsTestServer Tls(X509Certificate2 certificate, bool askClientCertificate = false, SslProtocols protocols = SslProtocols.None)
            => new TlsTestServer(certificate, askClientCertificate, protocols);

        internal static TlsTestServer PlainHttp() => new TlsTestServer(null, false, SslProtocols.None);

        public void Dispose()
        {
            _listener.Stop();
            _thread.Join(5000);
        }

        private void Run()
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = _listener.AcceptSocket();
                }
                catch (Exception)
                {
                    return;
                }

                using (client)
                {
                    client.ReceiveTimeout = 5000;
                    client.SendTimeout = 5000;
                    try
                    {
                        if (_certificate == null)
                        {
                            ServePlain(client);
                        }
                        else
                        {
                            ServeTls(client);
                        }
                    }
                    catch (Exception)
                    {
                        // Failed handshakes are what many tests are about.
                    }
                }
            }
        }

        private static void ServePlain(Socket client)
        {
            byte[] buffer = new byte[4096];
            client.Receive(buffer);
            client.Send(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            client.Shutdown(SocketShutdown.Send);
        }

        private void ServeTls(Socket client)
        {
            using (SslStream ssl = new SslStream(new NetworkStream(client, false), false))
            {
                SslServerAuthenticationOptions options = new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = _askClientCertificate,
                    EnabledSslProtocols = _protocols,
                    RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true,
                };
                LastClientSubject = null;
                ssl.AuthenticateAsServer(options);
                LastClientSubject = ssl.RemoteCertificate?.Subject;
                StreamReader reader = new StreamReader(ssl, Encoding.ASCII);
                string line = reader.ReadLine();
                string answer = "pong client=" + (LastClientSubject ?? "none") + " tls=" + ssl.SslProtocol + "\n";
                if (line == "ping")
                {
                    ssl.Write(Encoding.ASCII.GetBytes(answer));
                }
            }
        }
    }
}
