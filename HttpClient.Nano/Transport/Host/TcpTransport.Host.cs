using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace HttpNano
{
    /// <summary>
    /// The host's handshake: .NET's SslStream over the socket with SNI set to the host, verified
    /// as <see cref="TlsOptions"/> says (<see cref="HostCertificateCheck"/>), and failures named:
    /// the certificate check's reason, a server that spoke plain HTTP, or any other handshake failure.
    /// On the host the transport is also IDisposable, for the tests' using blocks.
    /// </summary>
    internal partial class TcpTransport : IDisposable
    {
        private static int s_handshakes;

        /// <summary>Completed handshakes in this process (for tests of connection reuse).</summary>
        internal static int HandshakeCount
        {
            get { return Volatile.Read(ref s_handshakes); }
        }

        /// <summary>The negotiated TLS version (host diagnostics and tests).</summary>
        internal SslProtocols Protocol
        {
            get { return _ssl.SslProtocol; }
        }

        /// <summary>The socket, or null once closed (host tests check its options).</summary>
        internal Socket Socket
        {
            get { return _socket; }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>
        /// Runs the TLS handshake with <paramref name="host"/> (SNI and name check) over this
        /// transport's socket as <paramref name="options"/> say; from then on its bytes go through
        /// TLS. On failure a <see cref="TlsHandshakeException"/> (or the socket's error) is thrown
        /// and the caller closes the transport. The options' certificates are read at each
        /// handshake (a handshake is rare: keep-alive).
        /// </summary>
        internal void Handshake(string host, TlsOptions options)
        {
            HostCertificateCheck check = new HostCertificateCheck(options, HostTlsCredentials.TrustedRoots(options));
            X509Certificate2 client = HostTlsCredentials.ClientCertificate(options);
            FirstBytesStream recorder = new FirstBytesStream(new NetworkStream(OpenSocket(), false));
            _ssl = new SslStream(recorder, false);

            SslClientAuthenticationOptions settings = new SslClientAuthenticationOptions();
            settings.TargetHost = host;

            // TlsVersion's values are SslProtocols' flags; Default (None) lets the system choose.
            settings.EnabledSslProtocols = (SslProtocols)options.Versions;
            settings.CertificateRevocationCheckMode = X509RevocationMode.NoCheck;
            settings.RemoteCertificateValidationCallback = check.Validate;
            if (client != null)
            {
                // Offered whenever the server asks, whatever issuers it names.
                settings.LocalCertificateSelectionCallback = (sender, target, local, remote, issuers) => client;
            }

            try
            {
                _ssl.AuthenticateAsClient(settings);
                Interlocked.Increment(ref s_handshakes);
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException)
            {
                if (check.Failure != null)
                {
                    throw check.Failure;
                }

                if (recorder.StartedWithHttp)
                {
                    throw new TlsPlainHttpException(0, e);
                }

                throw new TlsHandshakeException(null, 0, e);
            }
        }
    }
}
