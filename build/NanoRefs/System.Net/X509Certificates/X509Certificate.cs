// Source: nanoframework/System.Net, nanoFramework.System.Net/X509Certificates/X509Certificate.cs
namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>An X.509 certificate (DER or PEM).</summary>
    public class X509Certificate
    {
        /// <summary>Creates an empty certificate.</summary>
        public X509Certificate() { throw null; }

        /// <summary>Parses a certificate.</summary>
        public X509Certificate(byte[] certificate) { throw null; }

        /// <summary>Parses a protected certificate.</summary>
        public X509Certificate(byte[] certificate, string password) { throw null; }

        /// <summary>Parses a PEM certificate held in a string.</summary>
        public X509Certificate(string certificate) { throw null; }

        /// <summary>Parses a protected PEM certificate held in a string.</summary>
        public X509Certificate(string certificate, string password) { throw null; }

        /// <summary>The issuer.</summary>
        public virtual string Issuer => throw null;

        /// <summary>The subject.</summary>
        public virtual string Subject => throw null;

        /// <summary>Start of validity.</summary>
        public virtual DateTime GetEffectiveDate() { throw null; }

        /// <summary>End of validity.</summary>
        public virtual DateTime GetExpirationDate() { throw null; }

        /// <summary>The certificate bytes as given.</summary>
        public virtual byte[] GetRawCertData() { throw null; }
    }
}
