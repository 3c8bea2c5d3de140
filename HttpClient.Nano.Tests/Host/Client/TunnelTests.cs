using System.Security.Cryptography.X509Certificates;
using HttpNano.Tests.Host.Servers;
using HttpNano.Tests.Host.Tls;
using Xunit;

namespace HttpNano.Tests.Host.Client
{
    /// <summary>CONNECT tunnels through a real proxy (Debian's tinyproxy) to Kestrel, all on 127.0.0.1.</summary>
    [Collection(TlsSocketCollection.Name)]
    public sealed class TunnelTests
    {
        [Fact]
        public void HttpThroughTheTunnelKeepsOneConnection()
        {
            using var proxy = new TinyproxyServer();
            using var server = new KestrelServer();
            using var connection = new HttpConnection("127.0.0.1", proxy.Port, 5000);
            connection.SetTunnel("127.0.0.1", server.Port);
            for (int i = 0; i < 3; i++)
            {
                connection.Request("GET", "/content-length?size=500");
                Assert.True(BodyPattern.Matches(connection.GetResponse().Read()));
            }

            Assert.Equal(1, server.AcceptedConnections);
            Assert.NotNull(connection.GetProxyResponseHeaders());
        }

        [Fact]
        public void HttpsThroughTheTunnelVerifiesTheTarget()
        {
            X509Certificate2 certificate = Tls.TestCertificates.Instance.Leaf;
            using var proxy = new TinyproxyServer();
            using KestrelServer server = KestrelServer.WithCertificate(certificate);
            var tls = new TlsOptions();
            tls.AddTrustedCaPem(Tls.TestCertificates.Instance.Ca.ExportCertificatePem());
            using var connection = new HttpsConnection("127.0.0.1", proxy.Port, 5000, tls);
            connection.SetTunnel("localhost", server.Port);
            int handshakes = TcpTransport.HandshakeCount;
            connection.Request("GET", "/content-length?size=100");
            Assert.Equal(100, connection.GetResponse().Read().Length);
            connection.Request("GET", "/content-length?size=200");
            Assert.Equal(200, connection.GetResponse().Read().Length);
            Assert.Equal(1, TcpTransport.HandshakeCount - handshakes);
            Assert.Equal(1, server.AcceptedConnections);
        }

        [Fact]
        public void HttpsThroughTheTunnelRejectsAWrongName()
        {
            // The server's certificate, from our test CA, names another host than the tunnel's target.
            Tls.TestCertificates certificates = Tls.TestCertificates.Instance;
            using var proxy = new TinyproxyServer();
            using KestrelServer server = KestrelServer.WithCertificate(certificates.OtherNameLeaf);
            var tls = new TlsOptions();
            tls.AddTrustedCaPem(certificates.Ca.ExportCertificatePem());
            using var connection = new HttpsConnection("127.0.0.1", proxy.Port, 5000, tls);
            connection.SetTunnel("127.0.0.1", server.Port);
            Assert.Equal(CertificateVerificationException.NameMismatch, Assert.Throws<CertificateVerificationException>(() => connection.Request("GET", "/")).Reason);
            Assert.Equal(1, server.AcceptedConnections);
        }

        [Fact]
        public void RefusedTunnelRaisesProxyTunnelException()
        {
            using var proxy = new TinyproxyServer();
            using var connection = new HttpConnection("127.0.0.1", proxy.Port, 5000);
            int closedPort = FreeClosedPort();
            connection.SetTunnel("127.0.0.1", closedPort);
            var error = Assert.Throws<ProxyTunnelException>(() => connection.Request("GET", "/"));
            Assert.True(error.Status >= 400);
        }

        private static int FreeClosedPort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
