using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HttpNano.Benchmarks.Loopback
{
    /// <summary>
    /// The benchmark's certificates, made in-process with CertificateRequest (ECDSA P-256): a
    /// throw-away CA and a server certificate it signs for 127.0.0.1. nginx gets the leaf and its
    /// key as PEM files; every client trusts the CA alone (<see cref="Check"/>).
    /// </summary>
    internal static class TestCa
    {
        /// <summary>Writes ca.crt, server.crt and server.key into <paramref name="directory"/>.</summary>
        public static void Write(string directory)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            CertificateRequest caRequest = new CertificateRequest("CN=HttpNano Bench CA", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
            using X509Certificate2 ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

            using ECDsa leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            CertificateRequest leafRequest = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256);
            leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            SubjectAlternativeNameBuilder san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            leafRequest.CertificateExtensions.Add(san.Build());
            byte[] serial = RandomNumberGenerator.GetBytes(12);
            serial[0] &= 0x7F;
            using X509Certificate2 leaf = leafRequest.Create(ca, now.AddDays(-1), now.AddDays(30), serial);

            File.WriteAllText(Path.Combine(directory, "ca.crt"), ca.ExportCertificatePem());
            File.WriteAllText(Path.Combine(directory, "server.crt"), leaf.ExportCertificatePem());
            File.WriteAllText(Path.Combine(directory, "server.key"), leafKey.ExportPkcs8PrivateKeyPem());
        }

        /// <summary>
        /// A validation callback's verdict: the name must match, and the chain must build to
        /// <paramref name="ca"/> (and only it) without other errors.
        /// </summary>
        public static bool Check(X509Certificate2 ca, X509Certificate certificate, SslPolicyErrors errors)
        {
            if (certificate == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using X509Chain chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using X509Certificate2 leaf = new X509Certificate2(certificate);
            return chain.Build(leaf);
        }
    }
}
