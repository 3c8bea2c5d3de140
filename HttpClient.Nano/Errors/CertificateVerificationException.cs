using System;

namespace HttpNano
{
    /// <summary>
    /// The server's certificate was rejected. The host throws one of the derived types, which
    /// name the reason; the device throws this type itself, because its TLS stack reports only
    /// that verification failed (untrusted CA, wrong host name or outside its validity period,
    /// which includes a device clock that was never set).
    /// </summary>
    public class CertificateVerificationException : TlsHandshakeException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="errorCode">The platform's error code, 0 when none.</param>
        /// <param name="innerException">The platform's exception, or null.</param>
        public CertificateVerificationException(int errorCode, Exception innerException)
            : base("certificate verify failed", errorCode, innerException) { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        /// <param name="innerException">The platform's exception, or null.</param>
        protected CertificateVerificationException(string message, Exception innerException)
            : base(message, 0, innerException) { }
    }
}
