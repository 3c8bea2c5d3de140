using System;
using System.Text;
using Xunit;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>Opening, talking through and failing host TLS transports in tests.</summary>
    internal static class HostTlsTestSupport
    {
        internal const int Timeout = 5000;

        internal static TestCertificates Certificates => TestCertificates.Instance;

        internal static TlsOptions TrustingTestCa()
        {
            TlsOptions options = new TlsOptions();
            options.AddTrustedCaPem(TestCertificates.CertificatePem(Certificates.Ca));
            return options;
        }

        /// <summary>Opens and secures a transport as HttpsConnection.Connect does: a failed handshake closes it.</summary>
        internal static TcpTransport Open(TlsOptions options, int port, string host = "127.0.0.1")
        {
            TcpTransport transport = TcpTransport.Open(host, port, Timeout, Timeout);
            try
            {
                transport.Handshake(host, options);
                return transport;
            }
            catch
            {
                transport.Close();
                throw;
            }
        }

        /// <summary>Sends <paramref name="request"/> and reads until the peer closes.</summary>
        internal static string Exchange(TcpTransport transport, string request)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(request);
            transport.Send(bytes, 0, bytes.Length);
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = transport.Receive(buffer, 0, buffer.Length)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return answer.ToString();
        }

        /// <summary>Opens, expects exactly <typeparamref name="T"/>, and checks that no socket stayed open.</summary>
        internal static T FailsWithoutLeak<T>(TlsOptions options, int port, string host = "127.0.0.1")
            where T : Exception
        {
            int before = SocketCount.Now();
            T failure = Assert.Throws<T>(() => Open(options, port, host).Dispose());
            if (SocketCount.Supported)
            {
                Assert.True(SocketCount.SettleAtMost(before) <= before, "a socket stayed open");
            }

            return failure;
        }
    }
}
