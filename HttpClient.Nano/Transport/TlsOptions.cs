using System;
using System.Security.Cryptography.X509Certificates;

namespace HttpNano
{
    /// <summary>
    /// How an HTTPS connection trusts the server and presents itself (Python's ssl.SSLContext).
    /// The defaults verify the certificate chain and the host name. Trust comes from the CA
    /// certificates added here or, when none were added, the platform's default trust: the
    /// operating system's trust store on the host, the CA bundle stored on the device there
    /// (without one, the handshake fails with a <see cref="CertificateVerificationException"/>).
    /// Set everything before the connection opens; each handshake reads the options anew.
    /// </summary>
    /// <remarks>The settings are plain fields: on the device a field costs a fraction of a property.</remarks>
    public sealed class TlsOptions
    {
        private const string PemBegin = "-----BEGIN CERTIFICATE-----";
        private const string PemEnd = "-----END CERTIFICATE-----";

        // The message of both CA arguments that hold no certificate (PEM text or DER bytes); the
        // device's handshake without any CA says the same (TcpTransport.MbedTlsError).
        internal const string NoCaCertificate = "no CA certificate";

        // What the handshake reads (internal fields, not properties: on the device a field costs a
        // fraction of a property). CaPem: the added CA certificates as one PEM text, or null.
        // CertPem and KeyPem: the pair of SetClientCertificatePem, or null. Pins: the pinned keys
        // (normalised base64, each followed by a line end), or null.
        internal string CaPem;
        internal string CertPem;
        internal string KeyPem;
        internal string Pins;
        private X509Certificate _client;

        /// <summary>
        /// Trusts the CA certificate(s) in <paramref name="pem"/>: one or more
        /// "-----BEGIN CERTIFICATE-----" blocks. May be called several times.
        /// </summary>
        /// <param name="pem">PEM text of one or more CA certificates.</param>
        /// <exception cref="ArgumentException">The text holds no PEM certificate.</exception>
        public void AddTrustedCaPem(string pem)
        {
            if (pem == null)
            {
                throw new ArgumentNullException("pem");
            }

            if (pem.IndexOf(PemBegin) < 0 || pem.IndexOf(PemEnd) < 0)
            {
                throw new ArgumentException(NoCaCertificate, "pem");
            }

            // A null CaPem concatenates as empty, on the device too (its native Concat skips nulls).
            CaPem = CaPem + pem.Trim() + "\n";
        }

        /// <summary>Trusts the CA certificate given as DER bytes. May be called several times.</summary>
        /// <param name="der">The DER encoding of one CA certificate.</param>
        public void AddTrustedCaDer(byte[] der)
        {
            if (der == null)
            {
                throw new ArgumentNullException("der");
            }

            if (der.Length == 0)
            {
                throw new ArgumentException(NoCaCertificate, "der");
            }

            // PEM: the base64 in lines of 64 characters between the BEGIN and END lines. Each line
            // starts with its line end (one "\n" literal, no second form of the END line); the
            // last round, the first i at or past the end, adds the END line.
            string base64 = Convert.ToBase64String(der);
            int n = base64.Length;
            string pem = PemBegin;
            for (int i = 0; i < n + 64; i += 64)
            {
                pem = pem + "\n" + (i < n ? base64.Substring(i, n - i < 64 ? n - i : 64) : PemEnd);
            }

            AddTrustedCaPem(pem);
        }

        /// <summary>
        /// Trust the CA bundle stored on the device (CertificateManager.AddCaCertificateBundle,
        /// or the device's configuration tool) when no CA certificate was added here; on the host,
        /// the operating system's trust store. Both are the default anyway: this states the intent.
        /// </summary>
        public bool UseStoredDeviceCertificates;

        /// <summary>
        /// Presents a client certificate given as PEM texts (mutual TLS). The key is PKCS#8
        /// ("BEGIN PRIVATE KEY"), or the algorithm-specific form ("BEGIN EC PRIVATE KEY",
        /// "BEGIN RSA PRIVATE KEY"), unencrypted. Replaces a certificate set with
        /// <see cref="ClientCertificate"/>.
        /// </summary>
        /// <param name="certificatePem">The client certificate, PEM.</param>
        /// <param name="privateKeyPem">Its private key, PEM.</param>
        public void SetClientCertificatePem(string certificatePem, string privateKeyPem)
        {
            if (certificatePem == null || privateKeyPem == null)
            {
                throw new ArgumentNullException(certificatePem == null ? "certificatePem" : "privateKeyPem");
            }

            CertPem = certificatePem;
            KeyPem = privateKeyPem;
            _client = null;
        }

        /// <summary>
        /// Presents a platform certificate object as client certificate: on the host an
        /// X509Certificate2 with its private key, on the device an X509Certificate2 built from
        /// certificate and key. Replaces a certificate set with SetClientCertificatePem (null
        /// removes both).
        /// </summary>
        public X509Certificate ClientCertificate
        {
            get { return _client; }
            set
            {
                _client = value;
                CertPem = null;
                KeyPem = null;
            }
        }

        /// <summary>
        /// Device only: present the client certificate and key stored on the device
        /// (SslStream.UseStoredDeviceCertificate). The host refuses it.
        /// </summary>
        public bool UseStoredDeviceClientCertificate;

        /// <summary>The TLS versions allowed; <see cref="TlsVersion.Default"/> lets the platform choose.</summary>
        public TlsVersion Versions;

        /// <summary>
        /// Whether the certificate must name the host connected to (Python's check_hostname);
        /// true by default. On the device, turning it off also turns off SNI.
        /// </summary>
        public bool CheckHostName = true;

        /// <summary>
        /// Accept any server certificate: no chain, validity or host-name check. The connection is
        /// then encrypted but not authenticated, open to anyone in the network path. For tests
        /// against throw-away servers only. Pinned keys, if any, are still enforced.
        /// </summary>
        public bool DangerousAcceptAnyServerCertificate;

        /// <summary>
        /// Host only: also require the server's certificate (or, with a verified chain, one of its
        /// CA certificates) to have this SubjectPublicKeyInfo SHA-256, base64 (the HPKP "pin-sha256"
        /// form). May be called several times; any one match is enough. The device refuses pins.
        /// </summary>
        /// <param name="base64Sha256">Base64 of the 32-byte SHA-256 of the DER SubjectPublicKeyInfo.</param>
        public void AddPinnedPublicKeySha256(string base64Sha256)
        {
            if (base64Sha256 == null)
            {
                throw new ArgumentNullException("base64Sha256");
            }

            byte[] hash = null;
            try
            {
                hash = Convert.FromBase64String(base64Sha256);
            }
            catch (Exception)
            {
                // Bad base64 is a FormatException on .NET but a plain Exception on the device:
                // any failure means the same here.
            }

            if (hash == null || hash.Length != 32)
            {
                throw new ArgumentException("not a base64 SHA-256", "base64Sha256");
            }

            Pins = Pins + Convert.ToBase64String(hash) + "\n";
        }
    }
}
