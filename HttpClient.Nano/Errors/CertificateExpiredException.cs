using System;

namespace HttpNano
{
    /// <summary>The server's certificate (or one in its chain) is outside its validity period. On a device, check that the clock was set (SNTP) before connecting.</summary>
    public class CertificateExpiredException : CertificateVerificationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="innerException">The platform's exception, or null.</param>
        public CertificateExpiredException(Exception innerException) : base("certificate expired or not yet valid", innerException) { }
    }
}
