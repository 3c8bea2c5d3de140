using System.IO;
using Xunit;
using static HttpNano.Tests.Host.Tls.HostTlsTestSupport;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>The host TLS transport against `openssl s_server -www` on 127.0.0.1.</summary>
    [Collection(TlsSocketCollection.Name)]
    public sealed class OpenSslServerTests
    {
        private const string Get = "GET / HTTP/1.0\r\n\r\n";

        [Fact]
        public void CallerCaIsTrusted()
        {
            using (OpenSslServer server = OpenSslServer.Start(Certificates.Leaf))
            using (TcpTransport transport = Open(TrustingTestCa(), server.Port))
            {
                Assert.StartsWith("HTTP/1.0 200 ok", Exchange(transport, Get));
            }
        }

        [Fact]
        public void UnknownCaIsRejected()
        {
            using (OpenSslServer server = OpenSslServer.Start(Certificates.UnknownCaLeaf))
            {
                Assert.Equal(CertificateVerificationException.Untrusted, FailsWithoutLeak<CertificateVerificationException>(TrustingTestCa(), server.Port).Reason);
            }
        }

        [Fact]
        public void WrongNameIsRejected()
        {
            using (OpenSslServer server = OpenSslServer.Start(Certificates.OtherNameLeaf))
            {
                Assert.Equal(CertificateVerificationException.NameMismatch, FailsWithoutLeak<CertificateVerificationException>(TrustingTestCa(), server.Port).Reason);
            }
        }

        [Fact]
        public void ExpiredCertificateIsRejected()
        {
            using (OpenSslServer server = OpenSslServer.Start(Certificates.ExpiredLeaf))
            {
                Assert.Equal(CertificateVerificationException.Expired, FailsWithoutLeak<CertificateVerificationException>(TrustingTestCa(), server.Port).Reason);
            }
        }

        [Fact]
        public void RequiredClientCertificateIsPresented()
        {
            TlsOptions options = TrustingTestCa();
            options.ClientCertificate = Certificates.Client;
            using (OpenSslServer server = OpenSslServer.Start(Certificates.Leaf, requireClientCertificate: true))
            using (TcpTransport transport = Open(options, server.Port))
            {
                string page = Exchange(transport, Get);
                Assert.StartsWith("HTTP/1.0 200 ok", page);
                Assert.Contains("httpnano-client", page);
            }
        }

        [Fact]
        public void MissingClientCertificateFails()
        {
            using (OpenSslServer server = OpenSslServer.Start(Certificates.Leaf, requireClientCertificate: true))
            {
                int before = SocketCount.Now();
                // With TLS 1.3 the server's refusal arrives after the client's handshake completed.
                Assert.ThrowsAny<System.Exception>(() =>
                {
                    using (TcpTransport transport = Open(TrustingTestCa(), server.Port))
                    {
                        Exchange(transport, Get);
                    }
                });
                Assert.True(SocketCount.SettleAtMost(before) <= before, "a socket stayed open");
            }
        }
    }
}
