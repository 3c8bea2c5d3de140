using System;

namespace HttpNano
{
    /// <summary>The server's certificate does not chain to a trusted CA certificate (unknown or self-signed issuer).</summary>
    public class CertificateUntrustedException : CertificateVerificationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="innerException">The platform's exception, or null.</param>
        public CertificateUntrustedException(Exception innerException) : base("certificate not trusted", innerException) { }
    }
}
