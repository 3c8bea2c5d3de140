// Source: nanoframework/System.Net, nanoFramework.System.Net/X509Certificates/X509Certificate2.cs
namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>An X.509 certificate, optionally with its private key.</summary>
    public class X509Certificate2 : X509Certificate
    {
        /// <summary>Creates an empty certificate.</summary>
        public X509Certificate2() { throw null; }

        /// <summary>Parses a certificate.</summary>
        public X509Certificate2(byte[] rawData) { throw null; }

        /// <summary>Parses a protected certificate.</summary>
        public X509Certificate2(byte[] rawData, string password) { throw null; }

        /// <summary>Parses a PEM certificate held in a string.</summary>
        public X509Certificate2(string certificate) { throw null; }

        /// <summary>Parses a protected PEM certificate held in a string.</summary>
        public X509Certificate2(string certificate, string password) { throw null; }

        /// <summary>Certificate and PEM private key.</summary>
        public X509Certificate2(string rawData, string key, string password) { throw null; }

        /// <summary>Certificate and PEM private key.</summary>
        public X509Certificate2(byte[] rawData, string key, string password) { throw null; }

        /// <summary>Certificate and private key bytes.</summary>
        public X509Certificate2(byte[] rawData, byte[] key, string password) { throw null; }

        /// <summary>Whether a private key is attached.</summary>
        public bool HasPrivateKey => throw null;

        /// <summary>The private key bytes, or null.</summary>
        public byte[] PrivateKey => throw null;

        /// <summary>The public key bytes.</summary>
        public byte[] PublicKey => throw null;

        /// <summary>End of validity.</summary>
        public DateTime NotAfter => throw null;

        /// <summary>Start of validity.</summary>
        public DateTime NotBefore => throw null;

        /// <summary>The certificate bytes.</summary>
        public byte[] RawData => throw null;
    }
}
