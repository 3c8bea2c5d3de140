using System;

namespace HttpNano
{
    /// <summary>
    /// The server answered the TLS handshake with something that is not TLS, as a plain HTTP server
    /// does: the port is probably an http:// one (use <c>HttpConnection</c> there).
    /// </summary>
    public class TlsPlainHttpException : TlsHandshakeException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="errorCode">The platform's error code, 0 when none.</param>
        /// <param name="innerException">The platform's exception, or null.</param>
        public TlsPlainHttpException(int errorCode, Exception innerException)
            : base("server spoke plain HTTP", errorCode, innerException) { }
    }
}
