using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HttpNano
{
    /// <summary>Turns the certificates of <see cref="TlsOptions"/> into .NET certificate objects.</summary>
    internal static class HostTlsCredentials
    {
        /// <summary>The caller's CA certificates, or null to use the system trust store.</summary>
        internal static X509Certificate2Collection TrustedRoots(TlsOptions options)
        {
            if (options.CaPem == null)
            {
                return null;
            }

            X509Certificate2Collection roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPem(options.CaPem);
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException("bad CA certificate", e);
            }

            if (roots.Count == 0)
            {
                throw new ArgumentException("bad CA certificate");
            }

            return roots;
        }

        /// <summary>The client certificate with its private key, or null when none is configured.</summary>
        internal static X509Certificate2 ClientCertificate(TlsOptions options)
        {
            if (options.UseStoredDeviceClientCertificate)
            {
                throw new NotSupportedException("stored device certificate");
            }

            if (options.ClientCertificate != null)
            {
                X509Certificate2 given = options.ClientCertificate as X509Certificate2;
                if (given == null || !given.HasPrivateKey)
                {
                    throw new ArgumentException("client certificate needs its private key");
                }

                return given;
            }

            if (options.CertPem == null)
            {
                return null;
            }

            try
            {
                using (X509Certificate2 ephemeral = X509Certificate2.CreateFromPem(options.CertPem, options.KeyPem))
                {
                    // A PKCS#12 round trip gives the key a form every platform's TLS stack can use.
                    return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
                }
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException("bad client certificate or key", e);
            }
        }
    }
}
