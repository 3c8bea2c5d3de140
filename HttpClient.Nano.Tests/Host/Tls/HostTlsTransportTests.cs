using System;
using System.Security.Authentication;
using Xunit;
using static HttpNano.Tests.Host.Tls.HostTlsTestSupport;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>The host TLS transport against an in-process SslStream server on 127.0.0.1.</summary>
    [Collection(TlsSocketCollection.Name)]
    public sealed class HostTlsTransportTests
    {
        [Fact]
        public void CallerCaMakesThePrivateServerTrusted()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            using (TcpTransport transport = Open(TrustingTestCa(), server.Port))
            {
                Assert.StartsWith("pong client=none", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void CaGivenAsDerIsTrusted()
        {
            TlsOptions options = new TlsOptions();
            options.AddTrustedCaDer(Certificates.Ca.RawData);
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            using (TcpTransport transport = Open(options, server.Port))
            {
                Assert.StartsWith("pong", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void HostNameInTheCertificateIsAccepted()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            using (TcpTransport transport = Open(TrustingTestCa(), server.Port, "localhost"))
            {
                Assert.StartsWith("pong", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void UnknownCaIsRejected()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.UnknownCaLeaf))
            {
                Assert.Equal(CertificateVerificationException.Untrusted, FailsWithoutLeak<CertificateVerificationException>(TrustingTestCa(), server.Port).Reason);
            }
        }

        [Fact]
        public void SystemTrustRejectsThePrivateCa()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            {
                Assert.Equal(CertificateVerificationException.Untrusted, FailsWithoutLeak<CertificateVerificationException>(new TlsOptions(), server.Port).Reason);
            }
        }

        [Fact]
        public void WrongNameIsRejected()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.OtherNameLeaf))
            {
                Assert.Equal(CertificateVerificationException.NameMismatch, FailsWithoutLeak<CertificateVerificationException>(TrustingTestCa(), server.Port).Reason);
            }
        }

        [Fact]
        public void WrongNameIsAcceptedWhenHostNameCheckIsOff()
        {
            TlsOptions options = TrustingTestCa();
            options.CheckHostName = false;
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.OtherNameLeaf))
            using (TcpTransport transport = Open(options, server.Port))
            {
                Assert.StartsWith("pong", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void ExpiredCertificateIsRejected()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.ExpiredLeaf))
            {
                Assert.Equal(CertificateVerificationException.Expired, FailsWithoutLeak<CertificateVerificationException>(TrustingTestCa(), server.Port).Reason);
            }
        }

        [Fact]
        public void DangerousOptionAcceptsAnyCertificate()
        {
            TlsOptions options = new TlsOptions { DangerousAcceptAnyServerCertificate = true };
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.UnknownCaLeaf))
            using (TcpTransport transport = Open(options, server.Port))
            {
                Assert.StartsWith("pong", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void ClientCertificateIsPresentedWhenAsked()
        {
            TlsOptions options = TrustingTestCa();
            options.SetClientCertificatePem(TestCertificates.CertificatePem(Certificates.Client), TestCertificates.PrivateKeyPem(Certificates.Client));
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf, askClientCertificate: true))
            using (TcpTransport transport = Open(options, server.Port))
            {
                Assert.StartsWith("pong client=CN=httpnano-client", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void PinOfTheServerKeyIsAccepted()
        {
            TlsOptions options = TrustingTestCa();
            options.AddPinnedPublicKeySha256(HostCertificateCheck.PublicKeyPin(Certificates.Leaf));
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            using (TcpTransport transport = Open(options, server.Port))
            {
                Assert.StartsWith("pong", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void PinOfTheCaKeyIsAccepted()
        {
            TlsOptions options = TrustingTestCa();
            options.AddPinnedPublicKeySha256(HostCertificateCheck.PublicKeyPin(Certificates.Ca));
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            using (TcpTransport transport = Open(options, server.Port))
            {
                Assert.StartsWith("pong", Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void OtherPinIsRejected()
        {
            TlsOptions options = TrustingTestCa();
            options.AddPinnedPublicKeySha256(HostCertificateCheck.PublicKeyPin(Certificates.UnknownCa));
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            {
                Assert.Equal(CertificateVerificationException.PinMismatch, FailsWithoutLeak<CertificateVerificationException>(options, server.Port).Reason);
            }
        }

        [Fact]
        public void PinIsEnforcedEvenWithoutVerification()
        {
            TlsOptions options = new TlsOptions { DangerousAcceptAnyServerCertificate = true };
            options.AddPinnedPublicKeySha256(HostCertificateCheck.PublicKeyPin(Certificates.Leaf));
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.UnknownCaLeaf))
            {
                Assert.Equal(CertificateVerificationException.PinMismatch, FailsWithoutLeak<CertificateVerificationException>(options, server.Port).Reason);
            }
        }

        [Fact]
        public void PlainHttpServerIsRecognised()
        {
            using (TlsTestServer server = TlsTestServer.PlainHttp())
            {
                TlsPlainHttpException failure = FailsWithoutLeak<TlsPlainHttpException>(TrustingTestCa(), server.Port);
                Assert.Equal("server spoke plain HTTP", failure.Message);
            }
        }

        [Fact]
        public void ConnectFailureIsTheTransportsIOExceptionNotATlsError()
        {
            int port;
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            {
                port = server.Port;
            }

            ConnectException error = FailsWithoutLeak<ConnectException>(TrustingTestCa(), port);
            Assert.Equal(ConnectException.Refused, error.Reason);
            Assert.IsType<System.Net.Sockets.SocketException>(error.InnerException);
        }

        [Theory]
        [InlineData(TlsVersion.Tls12, SslProtocols.Tls12)]
        [InlineData(TlsVersion.Tls13, SslProtocols.Tls13)]
        public void VersionIsSelected(TlsVersion version, SslProtocols expected)
        {
            TlsOptions options = TrustingTestCa();
            options.Versions = version;
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            using (TcpTransport transport = Open(options, server.Port))
            {
                Assert.Equal(expected, transport.Protocol);
                Assert.Contains("tls=" + expected, Exchange(transport, "ping\n"));
            }
        }

        [Fact]
        public void EachOpenIsOneHandshake()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            {
                int before = TcpTransport.HandshakeCount;
                Open(TrustingTestCa(), server.Port).Dispose();
                Assert.Equal(before + 1, TcpTransport.HandshakeCount);
            }
        }

        [Fact]
        public void ClosedTransportRefusesUse()
        {
            using (TlsTestServer server = TlsTestServer.Tls(Certificates.Leaf))
            {
                TcpTransport transport = Open(TrustingTestCa(), server.Port);
                transport.Close();
                transport.Close();
                Assert.Throws<ObjectDisposedException>(() => transport.Receive(new byte[1], 0, 1));
            }
        }
    }
}
