using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>Self-signed certificates for TLS test servers on loopback.</summary>
    public static class TestCertificates
    {
        /// <summary>
        /// A new self-signed server certificate for CN=localhost with subject alternative names
        /// localhost and 127.0.0.1, valid from yesterday for <paramref name="days"/> days, with its
        /// private key.
        /// </summary>
        public static X509Certificate2 CreateSelfSigned(int days = 30)
        {
            using RSA key = RSA.Create(2048);
            CertificateRequest request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            SubjectAlternativeNameBuilder names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using X509Certificate2 created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(days));
            // A PKCS#12 round trip gives a certificate whose key every TLS stack accepts.
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        }

        /// <summary>The certificate as PEM text (for servers such as nginx that read files).</summary>
        public static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

        /// <summary>The certificate's RSA private key as PKCS#8 PEM text.</summary>
        public static string PrivateKeyPem(X509Certificate2 certificate)
        {
            using RSA key = certificate.GetRSAPrivateKey();
            return key.ExportPkcs8PrivateKeyPem();
        }
    }
}
