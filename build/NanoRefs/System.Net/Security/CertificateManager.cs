// Source: nanoframework/System.Net, nanoFramework.System.Net/Security/CertificateManager.cs.
// Prefer the byte[] overload (PEM bytes plus a trailing 0): the X509Certificate[] overload can store an
// unusable bundle (see docs).
namespace System.Net.Security
{
    using System.Security.Cryptography.X509Certificates;

    /// <summary>The device certificate store.</summary>
    public static class CertificateManager
    {
        /// <summary>Replaces the stored CA bundle.</summary>
        public static bool AddCaCertificateBundle(X509Certificate[] ca) { throw null; }

        /// <summary>Replaces the stored CA bundle.</summary>
        public static bool AddCaCertificateBundle(string ca) { throw null; }

        /// <summary>Replaces the stored CA bundle (PEM bytes ending with a 0 byte).</summary>
        public static bool AddCaCertificateBundle(byte[] ca) { throw null; }

        /// <summary>The stored device certificate, or null.</summary>
        public static X509Certificate GetDevicePublicKey() { throw null; }
    }
}
