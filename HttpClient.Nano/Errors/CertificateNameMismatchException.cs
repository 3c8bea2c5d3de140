using System;

namespace HttpNano
{
    /// <summary>The server's certificate is valid but issued for another host name or address.</summary>
    public class CertificateNameMismatchException : CertificateVerificationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="innerException">The platform's exception, or null.</param>
        public CertificateNameMismatchException(Exception innerException) : base("certificate name mismatch", innerException) { }
    }
}
