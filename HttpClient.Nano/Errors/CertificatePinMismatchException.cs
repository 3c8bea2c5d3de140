using System;

namespace HttpNano
{
    /// <summary>The server's public key matches none of the pinned SubjectPublicKeyInfo SHA-256 hashes.</summary>
    public class CertificatePinMismatchException : CertificateVerificationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="innerException">The platform's exception, or null.</param>
        public CertificatePinMismatchException(Exception innerException) : base("certificate pin mismatch", innerException) { }
    }
}
