using System;

namespace HttpNano
{
    /// <summary>
    /// The TLS handshake of an HTTPS connection failed (Python's ssl.SSLError). Derived types tell
    /// the certificate failures and a plain-HTTP server apart; a failed TCP connect is not a TLS
    /// failure and keeps its socket exception. The socket is closed.
    /// </summary>
    public class TlsHandshakeException : HttpException
    {
        /// <summary>Creates the exception with the underlying failure.</summary>
        /// <param name="innerException">The platform's exception, or null.</param>
        public TlsHandshakeException(Exception innerException) : this("TLS handshake failed", 0, innerException) { }

        /// <summary>Creates the exception with a message, a platform error code and the underlying failure.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        /// <param name="errorCode">The platform's error code (an mbedTLS code on the device), 0 when none.</param>
        /// <param name="innerException">The platform's exception, or null.</param>
        public TlsHandshakeException(string message, int errorCode, Exception innerException) : base(message, innerException)
        {
            ErrorCode = errorCode;
        }

        /// <summary>
        /// The platform's error code: on the device the negative mbedTLS code the handshake returned
        /// (for example -9984, MBEDTLS_ERR_X509_CERT_VERIFY_FAILED); 0 on the host.
        /// </summary>
        public int ErrorCode { get; }
    }
}
