using System;

namespace HttpNano
{
    /// <summary>
    /// Maps the mbedTLS code of a failed device handshake (nanoFramework puts it in
    /// SocketException.ErrorCode: nf-interpreter, SslNative SecureConnect returns
    /// ssl_connect_internal's mbedtls_ssl_handshake result through ThrowOnError) to the
    /// library's TLS exceptions. Pure mapping, so the host tests can check it.
    /// </summary>
    internal static class MbedTlsErrors
    {
        /// <summary>MBEDTLS_ERR_X509_CERT_VERIFY_FAILED (-0x2700): chain, name or validity check failed.</summary>
        internal const int CertVerifyFailed = -0x2700;

        /// <summary>MBEDTLS_ERR_SSL_BAD_CERTIFICATE (-0x7A00, mbedTLS 3): unusable peer certificate.</summary>
        internal const int BadCertificate = -0x7A00;

        /// <summary>MBEDTLS_ERR_SSL_INVALID_RECORD (-0x7200): the server's bytes are not TLS records.</summary>
        internal const int InvalidRecord = -0x7200;

        /// <summary>MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE (-0x7780): the server aborted (e.g. client certificate required).</summary>
        internal const int FatalAlert = -0x7780;

        /// <summary>MBEDTLS_ERR_SSL_ALLOC_FAILED (-0x7F00): the native heap is exhausted.</summary>
        internal const int AllocFailed = -0x7F00;

        /// <summary>MBEDTLS_ERR_SSL_CONN_EOF (-0x7280): the server closed during the handshake.</summary>
        internal const int ConnectionEof = -0x7280;

        /// <summary>
        /// The exception for a handshake that failed with <paramref name="code"/>, or null when the
        /// code is not an mbedTLS one (a socket error, which the caller rethrows as it is).
        /// </summary>
        internal static TlsHandshakeException FromCode(int code, Exception inner)
        {
            if (code >= 0)
            {
                return null;
            }

            switch (code)
            {
                case CertVerifyFailed:
                case BadCertificate:
                    return new CertificateVerificationException(code, inner);
                case InvalidRecord:
                    return new TlsPlainHttpException(code, inner);
                case FatalAlert:
                    return new TlsHandshakeException("server sent a TLS alert", code, inner);
                case AllocFailed:
                    return new TlsHandshakeException("TLS out of native memory", code, inner);
                case ConnectionEof:
                    return new TlsHandshakeException("server closed during TLS handshake", code, inner);
                default:
                    return new TlsHandshakeException("TLS handshake failed", code, inner);
            }
        }
    }
}
