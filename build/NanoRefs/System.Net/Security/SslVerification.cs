// Source: nanoframework/System.Net, nanoFramework.System.Net/Security/NetworkSecurity.cs
namespace System.Net.Security
{
    /// <summary>Certificate verification scheme (only CertificateRequired enforces anything natively).</summary>
    public enum SslVerification
    {
        /// <summary>No verification.</summary>
        NoVerification = 1,

        /// <summary>Verify the peer if it sends a certificate.</summary>
        VerifyPeer = 2,

        /// <summary>A verified certificate is required.</summary>
        CertificateRequired = 4,

        /// <summary>Server side only.</summary>
        VerifyClientOnce = 8,
    }
}
