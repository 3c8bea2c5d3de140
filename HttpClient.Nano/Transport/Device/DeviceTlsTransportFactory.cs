using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HttpNano
{
    /// <summary>
    /// Opens TLS transports on a nanoFramework device: a TCP socket, then SslStream(Socket) and
    /// AuthenticateAsClient(host, client certificate, CA, protocols). Verification uses
    /// SslVerification.CertificateRequired, the only value the native side enforces;
    /// NoVerification only with <see cref="TlsOptions.DangerousAcceptAnyServerCertificate"/>.
    /// A failed handshake closes the socket and throws a <see cref="TlsHandshakeException"/>.
    /// </summary>
    internal sealed class DeviceTlsTransportFactory : TlsTransportFactory
    {
        private readonly TlsOptions _options;
        private readonly X509Certificate _ca;
        private readonly X509Certificate _clientCertificate;
        private readonly SslProtocols _protocols;

        /// <summary>Parses the options' certificates once (X509Certificate objects are reused by every handshake).</summary>
        internal DeviceTlsTransportFactory(TlsOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (options.PinnedPublicKeyCount > 0)
            {
                throw new NotSupportedException("key pinning");
            }

            if (!options.DangerousAcceptAnyServerCertificate && !options.HasTrustedCa && !options.UseStoredDeviceCertificates)
            {
                // Without a CA the handshake could only fail: say so before connecting.
                throw new InvalidOperationException("no CA: add one or use stored certificates");
            }

            _options = options;
            _ca = options.HasTrustedCa ? new X509Certificate(options.TrustedCaPem) : null;
            _clientCertificate = ClientCertificate(options);
            _protocols = DeviceProtocols(options.Versions);
        }

        /// <inheritdoc/>
        protected override ITransport Secure(Socket socket, string host)
        {
            SslStream ssl = null;
            try
            {
                ssl = new SslStream(socket);
                ssl.SslVerification = _options.DangerousAcceptAnyServerCertificate
                    ? SslVerification.NoVerification
                    : SslVerification.CertificateRequired;
                ssl.UseStoredDeviceCertificate = _options.UseStoredDeviceClientCertificate;

                // An empty target host skips mbedtls_ssl_set_hostname: no SNI and no name check.
                string targetHost = _options.CheckHostName ? host : "";
                ssl.AuthenticateAsClient(targetHost, _clientCertificate, _ca, _protocols);
                return new TlsTransport(ssl, socket);
            }
            catch (SocketException e)
            {
                CloseQuietly(ssl, socket);
                TlsHandshakeException mapped = MbedTlsErrors.FromCode(e.ErrorCode, e);
                if (mapped != null)
                {
                    throw mapped;
                }

                throw;
            }
            catch
            {
                CloseQuietly(ssl, socket);
                throw;
            }
        }

        private static X509Certificate ClientCertificate(TlsOptions options)
        {
            if (options.ClientCertificate != null)
            {
                return options.ClientCertificate;
            }

            if (options.ClientCertificatePem != null)
            {
                // The password must not be null: the native side reads it as a string.
                return new X509Certificate2(options.ClientCertificatePem, options.ClientKeyPem, "");
            }

            return null;
        }

        // None would mean TLS 1.3 only on current firmware: default to 1.2, which all support.
        private static SslProtocols DeviceProtocols(TlsVersion versions)
        {
            SslProtocols protocols = Protocols(versions);
            return protocols == SslProtocols.None ? SslProtocols.Tls12 : protocols;
        }

        private static void CloseQuietly(SslStream ssl, Socket socket)
        {
            try
            {
                if (ssl != null)
                {
                    // Frees the native TLS context and closes the socket.
                    ssl.Close();
                }
            }
            catch (Exception)
            {
                // Closing after a failure: the original exception matters, not this one.
            }

            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already closed by the SslStream.
            }
        }
    }
}
