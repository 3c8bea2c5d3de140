using System;
using System.Security.Cryptography.X509Certificates;
using HttpNano.Tests.Host.Servers;
using HttpNano.Tests.Host.Tls;
using Xunit;

namespace HttpNano.Tests.Host.Client
{
    /// <summary>
    /// HttpsConnection through the public API against real TLS servers on 127.0.0.1: trust by a
    /// caller-given CA, keep-alive over one handshake, and verification failures that leave no
    /// socket open. Runs alone: it counts handshakes and the process's sockets.
    /// </summary>
    [Collection(TlsSocketCollection.Name)]
    public sealed class HttpsConnectionTests
    {
        // The servers present the test CA's leaf for 127.0.0.1 and localhost.
        private static TlsOptions TrustingTheTestCa()
        {
            var tls = new TlsOptions();
            tls.AddTrustedCaPem(Tls.TestCertificates.Instance.Ca.ExportCertificatePem());
            return tls;
        }

        [Fact]
        public void KestrelKeepAliveOverOneHandshake()
        {
            X509Certificate2 certificate = Tls.TestCertificates.Instance.Leaf;
            using KestrelServer server = KestrelServer.WithCertificate(certificate);
            using var connection = new HttpsConnection("127.0.0.1", server.Port, 5000, TrustingTheTestCa());
            Assert.Equal(443, connection.DefaultPort);
            int handshakesBefore = TcpTransport.HandshakeCount;
            var buffer = new byte[1024];
            for (int i = 0; i < 10; i++)
            {
                connection.Request("GET", "/content-length?size=3000");
                HttpResponse response = connection.GetResponse();
                Assert.Equal(200, response.Status);
                long total = 0;
                int read;
                while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
                {
                    Assert.Equal(-1, BodyPattern.FirstMismatch(buffer, 0, read, total));
                    total += read;
                }

                Assert.Equal(3000, total);
            }

            Assert.Equal(1, TcpTransport.HandshakeCount - handshakesBefore);
            Assert.Equal(1, server.AcceptedConnections);
        }

        [Fact]
        public void NginxChunkedAndStaticOverOneHandshake()
        {
            X509Certificate2 certificate = Tls.TestCertificates.Instance.Leaf;
            using NginxServer server = NginxServer.WithCertificate(certificate);
            using var connection = new HttpsConnection("localhost", server.Port, 5000, TrustingTheTestCa());
            int handshakesBefore = TcpTransport.HandshakeCount;
            connection.Request("GET", "/chunked.html");
            Assert.Equal(NginxServer.ChunkedBody, connection.GetResponse().Read());
            connection.Request("GET", "/64k.bin");
            byte[] body = connection.GetResponse().Read();
            Assert.Equal(64 * 1024, body.Length);
            Assert.Equal(1, TcpTransport.HandshakeCount - handshakesBefore);
        }

        [Fact]
        public void UntrustedServerIsRejectedAndTheSocketClosed()
        {
            X509Certificate2 certificate = Tls.TestCertificates.Instance.Leaf;
            using KestrelServer server = KestrelServer.WithCertificate(certificate);
            int socketsBefore = SocketCount.Now();
            using (var connection = new HttpsConnection("127.0.0.1", server.Port, 5000, null))
            {
                Assert.Equal(CertificateVerificationException.Untrusted, Assert.Throws<CertificateVerificationException>(() => connection.Request("GET", "/content-length?size=1")).Reason);
            }

            Assert.True(SocketCount.SettleAtMost(socketsBefore) <= socketsBefore);
        }

        [Fact]
        public void EveryConstructorCombinationTakesPythonsDefaults()
        {
            var tls = new TlsOptions();

            // HTTPSConnection(host), (host, port), (host, port, timeout): port 443 unless given or in
            // the host, no timeout, default trust (fresh options with no CA).
            using var hostOnly = new HttpsConnection("example.com");
            AssertConnection(hostOnly, 443, HttpConnection.InfiniteTimeout, null);
            using var hostWithPort = new HttpsConnection("example.com:8443");
            AssertConnection(hostWithPort, 8443, HttpConnection.InfiniteTimeout, null);
            using var hostPort = new HttpsConnection("example.com", 8443);
            AssertConnection(hostPort, 8443, HttpConnection.InfiniteTimeout, null);
            using var hostPortTimeout = new HttpsConnection("example.com", 8443, 2000);
            AssertConnection(hostPortTimeout, 8443, 2000, null);
            using var defaultPortTimeout = new HttpsConnection("example.com", -1, 2000);
            AssertConnection(defaultPortTimeout, 443, 2000, null);

            // With TLS options: (host, tls: ...), (host, port, tls: ...), (host, port, timeout, tls),
            // and the named form alone; null options mean the defaults.
            using var hostTls = new HttpsConnection("example.com:8443", tls: tls);
            AssertConnection(hostTls, 8443, HttpConnection.InfiniteTimeout, tls);
            using var hostPortTls = new HttpsConnection("example.com", 8443, tls: tls);
            AssertConnection(hostPortTls, 8443, HttpConnection.InfiniteTimeout, tls);
            using var all = new HttpsConnection("example.com", 8443, 2000, tls);
            AssertConnection(all, 8443, 2000, tls);
            using var named = new HttpsConnection("example.com", tls: tls);
            AssertConnection(named, 443, HttpConnection.InfiniteTimeout, tls);
            using var nullTls = new HttpsConnection("example.com", 8443, 2000, null);
            AssertConnection(nullTls, 8443, 2000, null);
        }

        [Fact]
        public void HostAndPortAloneVerifyAgainstTheSystemTrust()
        {
            // HTTPSConnection(host, port): the system's trust, which does not know the test CA.
            X509Certificate2 certificate = Tls.TestCertificates.Instance.Leaf;
            using KestrelServer server = KestrelServer.WithCertificate(certificate);
            using (var connection = new HttpsConnection("127.0.0.1", server.Port))
            {
                CertificateVerificationException error = Assert.Throws<CertificateVerificationException>(() => connection.Request("GET", "/content-length?size=1"));
                Assert.Equal(CertificateVerificationException.Untrusted, error.Reason);
            }

            using (var connection = new HttpsConnection("127.0.0.1", server.Port, 5000))
            {
                Assert.Equal(CertificateVerificationException.Untrusted, Assert.Throws<CertificateVerificationException>(() => connection.Request("GET", "/")).Reason);
            }
        }

        [Fact]
        public void HostAndPortWithTheCaConnect()
        {
            X509Certificate2 certificate = Tls.TestCertificates.Instance.Leaf;
            using KestrelServer server = KestrelServer.WithCertificate(certificate);
            using var connection = new HttpsConnection("127.0.0.1", server.Port, tls: TrustingTheTestCa());
            connection.Request("GET", "/content-length?size=10");
            Assert.Equal(10, connection.GetResponse().Read().Length);
        }

        [Fact]
        public void DangerousNoVerifyConnectsWhenExplicitlyAsked()
        {
            X509Certificate2 certificate = Tls.TestCertificates.Instance.Leaf;
            using KestrelServer server = KestrelServer.WithCertificate(certificate);
            var tls = new TlsOptions { DangerousAcceptAnyServerCertificate = true };
            using var connection = new HttpsConnection("127.0.0.1", server.Port, 5000, tls);
            connection.Request("GET", "/content-length?size=10");
            Assert.Equal(10, connection.GetResponse().Read().Length);
        }

        private static void AssertConnection(HttpsConnection connection, int port, int timeout, TlsOptions tls)
        {
            Assert.Equal("example.com", connection.Host);
            Assert.Equal(port, connection.Port);
            Assert.Equal(timeout, connection.Timeout);
            Assert.Equal(443, connection.DefaultPort);
            Assert.NotNull(connection.Tls);
            if (tls != null)
            {
                Assert.Same(tls, connection.Tls);
            }
            else
            {
                Assert.Null(connection.Tls.CaPem);
                Assert.True(connection.Tls.CheckHostName);
                Assert.False(connection.Tls.DangerousAcceptAnyServerCertificate);
            }
        }
    }
}
