using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HttpNano
{
    /// <summary>
    /// Verifies the server certificate of one handshake, as <see cref="TlsOptions"/> asks: the
    /// chain against the caller's CA certificates (custom root trust) or the system's, without
    /// revocation checks; then the host name; then the pinned keys. Remembers why it refused, so
    /// the handshake can throw a CertificateVerificationException with that reason.
    /// </summary>
    internal sealed class HostCertificateCheck
    {
        // By CertificateVerificationException reason.
        private static readonly string[] Messages =
        {
            "certificate verify failed", "certificate not trusted", "certificate name mismatch",
            "certificate expired or not yet valid", "certificate pin mismatch",
        };

        private const X509ChainStatusFlags TimeFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;

        private readonly TlsOptions _options;
        private readonly X509Certificate2Collection _roots;

        internal HostCertificateCheck(TlsOptions options, X509Certificate2Collection roots)
        {
            _options = options;
            _roots = roots;
        }

        /// <summary>The exception for the refusal, or null when the certificate was accepted (or never seen).</summary>
        internal CertificateVerificationException Failure { get; private set; }

        /// <summary>The SslStream validation callback.</summary>
        internal bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (certificate == null)
            {
                return Refuse(CertificateVerificationException.Untrusted);
            }

            X509Certificate2 leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            if (_options.DangerousAcceptAnyServerCertificate)
            {
                return _options.Pins == null || IsPinned(leaf) || Refuse(CertificateVerificationException.PinMismatch);
            }

            using (X509Chain built = new X509Chain())
            {
                X509ChainPolicy policy = built.ChainPolicy;
                policy.RevocationMode = X509RevocationMode.NoCheck;
                if (_roots != null)
                {
                    policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    policy.CustomTrustStore.AddRange(_roots);
                }

                if (chain != null)
                {
                    foreach (X509ChainElement element in chain.ChainElements)
                    {
                        policy.ExtraStore.Add(element.Certificate);
                    }
                }

                if (!built.Build(leaf))
                {
                    X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
                    foreach (X509ChainStatus status in built.ChainStatus)
                    {
                        flags |= status.Status;
                    }

                    bool onlyTime = (flags & ~TimeFlags) == X509ChainStatusFlags.NoError && flags != X509ChainStatusFlags.NoError;
                    return Refuse(onlyTime ? CertificateVerificationException.Expired : CertificateVerificationException.Untrusted);
                }

                if (_options.CheckHostName && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                {
                    return Refuse(CertificateVerificationException.NameMismatch);
                }

                if (_options.Pins == null)
                {
                    return true;
                }

                foreach (X509ChainElement element in built.ChainElements)
                {
                    if (IsPinned(element.Certificate))
                    {
                        return true;
                    }
                }

                return Refuse(CertificateVerificationException.PinMismatch);
            }
        }

        /// <summary>Base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo (the "pin-sha256" value).</summary>
        internal static string PublicKeyPin(X509Certificate2 certificate)
        {
            return Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
        }

        // Pins holds each pin followed by a line end; a pin holds none.
        private bool IsPinned(X509Certificate2 certificate)
        {
            return _options.Pins.IndexOf(PublicKeyPin(certificate) + "\n", StringComparison.Ordinal) >= 0;
        }

        private bool Refuse(int reason)
        {
            Failure = new CertificateVerificationException(Messages[reason], reason);
            return false;
        }
    }
}
