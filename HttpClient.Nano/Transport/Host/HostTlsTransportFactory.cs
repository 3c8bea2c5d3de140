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
    /// Opens TLS transports on the host: a TCP socket, then .NET's SslStream with SNI set to the
    /// host, verified as <see cref="TlsOptions"/> says (<see cref="HostCertificateCheck"/>).
    /// A failed handshake closes the socket and throws a <see cref="TlsHandshakeException"/>.
    /// </summary>
    internal sealed class HostTlsTransportFactory : TlsTransportFactory
    {
        private static int s_handshakes;

        private readonly TlsOptions _options;
        private readonly X509Certificate2Collection _roots;
        private readonly X509Certificate2 _clientCertificate;

        /// <summary>Reads the options' certificates once; later changes to the options' certificates are not seen.</summary>
        internal HostTlsTransportFactory(TlsOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            _options = options;
            _roots = HostTlsCredentials.TrustedRoots(options);
            _clientCertificate = HostTlsCredentials.ClientCertificate(options);
        }

        /// <summary>Completed handshakes in this process (for tests of connection reuse).</summary>
        internal static int HandshakeCount
        {
            get { return Volatile.Read(ref s_handshakes); }
        }

        /// <inheritdoc/>
        protected override ITransport Secure(Socket socket, string host)
        {
            FirstBytesStream recorder = null;
            SslStream ssl = null;
            HostCertificateCheck check = new HostCertificateCheck(_options, _roots);
            try
            {
                recorder = new FirstBytesStream(new NetworkStream(socket, true));
                ssl = new SslStream(recorder, false);
                ssl.AuthenticateAsClient(ClientOptions(host, check));
                Interlocked.Increment(ref s_handshakes);
                return new TlsTransport(ssl, socket);
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException)
            {
                CloseQuietly(ssl, recorder, socket);
                if (check.Failure != null)
                {
                    throw check.Failure;
                }

                if (recorder != null && recorder.StartedWithHttp)
                {
                    throw new TlsPlainHttpException(0, e);
                }

                throw new TlsHandshakeException(e);
            }
            catch
            {
                CloseQuietly(ssl, recorder, socket);
                throw;
            }
        }

        private SslClientAuthenticationOptions ClientOptions(string host, HostCertificateCheck check)
        {
            SslClientAuthenticationOptions options = new SslClientAuthenticationOptions();
            options.TargetHost = host;
            options.EnabledSslProtocols = Protocols(_options.Versions);
            options.CertificateRevocationCheckMode = X509RevocationMode.NoCheck;
            options.RemoteCertificateValidationCallback = check.Validate;
            X509Certificate2 client = _clientCertificate;
            if (client != null)
            {
                // Offered whenever the server asks, whatever issuers it names.
                options.LocalCertificateSelectionCallback = (sender, target, local, remote, issuers) => client;
            }

            return options;
        }


        private static void CloseQuietly(SslStream ssl, Stream recorder, Socket socket)
        {
            try
            {
                if (ssl != null)
                {
                    ssl.Dispose();
                }
                else if (recorder != null)
                {
                    recorder.Dispose();
                }
            }
            catch (Exception)
            {
                // Closing after a failure: the original exception matters, not this one.
            }

            socket.Close();
        }
    }
}
