using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
#if NANOFRAMEWORK_1_0
using System.Security.Cryptography.X509Certificates;
#else
using System.Security.Authentication;
#endif

namespace HttpNano
{
    /// <summary>
    /// A TCP transport whose bytes go through an authenticated SslStream: .NET's SslStream over a
    /// NetworkStream on the host, nanoFramework's SslStream(Socket) over mbedTLS on the device.
    /// Poll, the idle-close check and timeouts stay on the socket (<see cref="TcpTransport"/>);
    /// Read and Write take byte[] + offset + count (the device does not implement
    /// Read(SpanByte)). <see cref="Secure"/> runs the handshake: the device's below, the host's in
    /// Host/TlsTransport.Host.cs. Failures follow ITransport's contract.
    /// </summary>
    internal sealed partial class TlsTransport : TcpTransport
    {
        // mbedTLS codes a failed device handshake leaves in SocketException.ErrorCode
        // (nf-interpreter's SslNative SecureConnect returns mbedtls_ssl_handshake's result).
        private const int CertVerifyFailed = -0x2700;   // MBEDTLS_ERR_X509_CERT_VERIFY_FAILED: chain, name or validity
        private const int BadCertificate = -0x7A00;     // MBEDTLS_ERR_SSL_BAD_CERTIFICATE (mbedTLS 3)
        private const int CaChainRequired = -0x7680;    // MBEDTLS_ERR_SSL_CA_CHAIN_REQUIRED: no CA to verify with
        private const int InvalidRecord = -0x7200;      // MBEDTLS_ERR_SSL_INVALID_RECORD: not TLS (plain HTTP?)
        private const int FatalAlert = -0x7780;         // MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE: e.g. client certificate required
        private const int AllocFailed = -0x7F00;        // MBEDTLS_ERR_SSL_ALLOC_FAILED: native heap exhausted
        private const int ConnectionEof = -0x7280;      // MBEDTLS_ERR_SSL_CONN_EOF: the server closed

        internal const string HandshakeFailed = "TLS handshake failed";

        private SslStream _ssl;

        private TlsTransport(Socket socket) : base(socket)
        {
        }

        /// <summary>
        /// Runs the TLS handshake with <paramref name="host"/> (SNI and name check) over the socket
        /// of <paramref name="plain"/>, which must be a <see cref="TcpTransport"/>, as
        /// <paramref name="options"/> say; the returned transport owns the socket. On failure the
        /// socket is closed and a <see cref="TlsHandshakeException"/> (or the socket's error) is thrown.
        /// </summary>
        internal static TlsTransport Secure(ITransport plain, string host, TlsOptions options)
        {
            TcpTransport tcp = plain as TcpTransport;
            if (tcp == null)
            {
                throw new NotSupportedException("TLS needs a TCP socket");
            }

            TlsTransport tls = new TlsTransport(tcp.Detach());
            try
            {
                tls.Handshake(host, options);
                return tls;
            }
            catch
            {
                tls.Close();
                throw;
            }
        }

        /// <inheritdoc/>
        public override int Receive(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count, 1);
            try
            {
                return Stream().Read(buffer, offset, count);
            }
            catch (SocketException e)
            {
                // The device's SslStream lets the socket's own exception through.
                throw Translate(e, ReceiveFailed, ReceiveTimedOut);
            }
            catch (IOException e)
            {
                // .NET's SslStream wraps it in an IOException.
                throw TimedOutOr(e, ReceiveTimedOut);
            }
        }

        /// <inheritdoc/>
        public override void Send(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count, 0);
            try
            {
                Stream().Write(buffer, offset, count);
            }
            catch (SocketException e)
            {
                throw Translate(e, SendFailed, SendTimedOut);
            }
            catch (IOException e)
            {
                throw TimedOutOr(e, SendTimedOut);
            }
        }

        /// <inheritdoc/>
        public override void Close()
        {
            SslStream ssl = _ssl;
            _ssl = null;
            try
            {
                if (ssl != null)
                {
                    // On the device this frees the native TLS context (about 2 x 16 KB of record buffers).
                    ssl.Close();
                }

                base.Close();
            }
            catch (Exception)
            {
                // Closing after a failure, or a socket the stream already closed: nothing more to do.
            }
        }

        /// <summary>
        /// The library's exception for a device handshake that failed with the mbedTLS
        /// <paramref name="code"/>, or null when the code is not an mbedTLS one (a socket error,
        /// which the caller rethrows as it is). Pure mapping, so the host tests check it too.
        /// </summary>
        internal static TlsHandshakeException MbedTlsError(int code, Exception inner)
        {
            if (code >= 0)
            {
                return null;
            }

            switch (code)
            {
                case CertVerifyFailed:
                case BadCertificate:
                    return new CertificateVerificationException("certificate verify failed", CertificateVerificationException.Unknown, code, inner);
                case CaChainRequired:
                    return new CertificateVerificationException("no CA: add one or store a bundle", CertificateVerificationException.Untrusted, code, inner);
                case InvalidRecord:
                    return new TlsPlainHttpException(code, inner);
                case FatalAlert:
                    return new TlsHandshakeException("server sent a TLS alert", code, inner);
                case AllocFailed:
                    return new TlsHandshakeException("TLS out of native memory", code, inner);
                case ConnectionEof:
                    return new TlsHandshakeException("server closed during TLS handshake", code, inner);
                default:
                    return new TlsHandshakeException(HandshakeFailed, code, inner);
            }
        }

        // The platform's protocol flags for the chosen versions.
        private static SslProtocols Protocols(TlsVersion versions)
        {
            SslProtocols protocols = SslProtocols.None;
            if ((versions & TlsVersion.Tls12) != 0)
            {
                protocols |= SslProtocols.Tls12;
            }

            if ((versions & TlsVersion.Tls13) != 0)
            {
                protocols |= SslProtocols.Tls13;
            }

#if NANOFRAMEWORK_1_0
            // None would mean TLS 1.3 only on current firmware: default to 1.2, which all support.
            if (protocols == SslProtocols.None)
            {
                protocols = SslProtocols.Tls12;
            }
#endif
            return protocols;
        }

        // A timeout reported inside an IOException becomes a TimeoutException; anything else stays.
        private static Exception TimedOutOr(IOException e, string message)
        {
            SocketException socketError = e.InnerException as SocketException;
            if (socketError != null && IsTimeout(socketError))
            {
                return new TimeoutException(message, e);
            }

            return e;
        }

        private SslStream Stream()
        {
            SslStream ssl = _ssl;
            if (ssl == null)
            {
                throw new ObjectDisposedException("transport");
            }

            return ssl;
        }

#if NANOFRAMEWORK_1_0
        // The device: SslStream(Socket) and AuthenticateAsClient(host, client certificate, CA,
        // protocols). Verification uses SslVerification.CertificateRequired, the only value the
        // native side enforces; NoVerification only with DangerousAcceptAnyServerCertificate.
        // Without a CA of the caller's, the CA argument is null and mbedTLS verifies against the
        // bundle stored on the device (CertificateManager.AddCaCertificateBundle); with none
        // stored, the handshake fails closed as a CertificateVerificationException.
        private void Handshake(string host, TlsOptions options)
        {
            if (options.PinnedPublicKeyCount > 0)
            {
                throw new NotSupportedException("key pinning");
            }

            X509Certificate ca = options.HasTrustedCa ? new X509Certificate(options.TrustedCaPem) : null;
            X509Certificate client = options.ClientCertificate;
            if (client == null && options.ClientCertificatePem != null)
            {
                // The password must not be null: the native side reads it as a string.
                client = new X509Certificate2(options.ClientCertificatePem, options.ClientKeyPem, "");
            }

            SslStream ssl = new SslStream(OpenSocket());
            _ssl = ssl;
            ssl.SslVerification = options.DangerousAcceptAnyServerCertificate
                ? SslVerification.NoVerification
                : SslVerification.CertificateRequired;
            ssl.UseStoredDeviceCertificate = options.UseStoredDeviceClientCertificate;
            try
            {
                // An empty target host skips mbedtls_ssl_set_hostname: no SNI and no name check.
                ssl.AuthenticateAsClient(options.CheckHostName ? host : "", client, ca, Protocols(options.Versions));
            }
            catch (SocketException e)
            {
                TlsHandshakeException mapped = MbedTlsError(e.ErrorCode, e);
                if (mapped != null)
                {
                    throw mapped;
                }

                throw;
            }
        }
#endif
    }
}
