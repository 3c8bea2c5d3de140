using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>
    /// Certificates generated once per test run with .NET's CertificateRequest (ECDSA P-256):
    /// a CA, leaves it signed (127.0.0.1 + localhost, expired, another name), an unknown CA's
    /// leaf, and a client certificate. PEM helpers feed openssl and the library's TlsOptions.
    /// </summary>
    internal sealed class TestCertificates
    {
        private static readonly Lazy<TestCertificates> Shared = new Lazy<TestCertificates>(() => new TestCertificates());

        private TestCertificates()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            Ca = CreateCa("HttpNano Test CA", now);
            Leaf = CreateLeaf(Ca, "127.0.0.1", now.AddDays(-1), now.AddDays(30), server: true, "127.0.0.1", "localhost");
            ExpiredLeaf = CreateLeaf(Ca, "expired", now.AddDays(-30), now.AddDays(-1), server: true, "127.0.0.1", "localhost");
            OtherNameLeaf = CreateLeaf(Ca, "other.example", now.AddDays(-1), now.AddDays(30), server: true, "other.example");
            UnknownCa = CreateCa("Unknown CA", now);
            UnknownCaLeaf = CreateLeaf(UnknownCa, "127.0.0.1", now.AddDays(-1), now.AddDays(30), server: true, "127.0.0.1", "localhost");
            Client = CreateLeaf(Ca, "httpnano-client", now.AddDays(-1), now.AddDays(30), server: false);
        }

        internal static TestCertificates Instance => Shared.Value;

        internal X509Certificate2 Ca { get; }

        internal X509Certificate2 Leaf { get; }

        internal X509Certificate2 ExpiredLeaf { get; }

        internal X509Certificate2 OtherNameLeaf { get; }

        internal X509Certificate2 UnknownCa { get; }

        internal X509Certificate2 UnknownCaLeaf { get; }

        internal X509Certificate2 Client { get; }

        internal static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

        internal static string PrivateKeyPem(X509Certificate2 certificate)
        {
            using (ECDsa key = certificate.GetECDsaPrivateKey())
            {
                return key.ExportPkcs8PrivateKeyPem();
            }
        }

        /// <summary>Writes name.crt and name.key into <paramref name="directory"/>; returns their paths.</summary>
        internal static (string Cert, string Key) WritePem(X509Certificate2 certificate, string directory, string name)
        {
            string cert = Path.Combine(directory, name + ".crt");
            string key = Path.Combine(directory, name + ".key");
            File.WriteAllText(cert, CertificatePem(certificate));
            File.WriteAllText(key, PrivateKeyPem(certificate));
            return (cert, key);
        }

        private static X509Certificate2 CreateCa(string name, DateTimeOffset now)
        {
            using (ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                CertificateRequest request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
                request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
                return Reload(request.CreateSelfSigned(now.AddDays(-60), now.AddYears(5)));
            }
        }

        private static X509Certificate2 CreateLeaf(X509Certificate2 issuer, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, bool server, params string[] names)
        {
            using (ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                CertificateRequest request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
                string usage = server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2";
                request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(usage) }, false));
                if (names.Length > 0)
                {
                    SubjectAlternativeNameBuilder san = new SubjectAlternativeNameBuilder();
                    foreach (string name in names)
                    {
                        if (IPAddress.TryParse(name, out IPAddress address))
                        {
                            san.AddIpAddress(address);
                        }
                        else
                        {
                            san.AddDnsName(name);
                        }
                    }

                    request.CertificateExtensions.Add(san.Build());
                }

                byte[] serial = RandomNumberGenerator.GetBytes(12);
                serial[0] &= 0x7F;
                using (X509Certificate2 issued = request.Create(issuer, notBefore, notAfter, serial))
                {
                    return Reload(issued.CopyWithPrivateKey(key));
                }
            }
        }

        /// <summary>A PKCS#12 round trip, so the key is usable by the TLS stack on every platform.</summary>
        private static X509Certificate2 Reload(X509Certificate2 certificate)
        {
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
            }
        }
    }
}
