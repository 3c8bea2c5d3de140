using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class TlsOptionsTests
    {
        private const string Pem = "-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n";

        [TestMethod]
        public void DefaultsVerifyEverything()
        {
            TlsOptions options = new TlsOptions();
            Assert.IsTrue(options.CheckHostName);
            Assert.IsFalse(options.DangerousAcceptAnyServerCertificate);
            Assert.IsNull(options.CaPem);
            Assert.IsFalse(options.UseStoredDeviceCertificates);
            Assert.IsNull(options.Pins);
            Assert.AreEqual((int)TlsVersion.Default, (int)options.Versions);
        }

        [TestMethod]
        public void PemBlocksAccumulate()
        {
            TlsOptions options = new TlsOptions();
            options.AddTrustedCaPem(Pem);
            options.AddTrustedCaPem(Pem);
            Assert.AreEqual(Pem + Pem, options.CaPem);
        }

        [TestMethod]
        public void TextWithoutCertificateIsRejected()
        {
            TlsOptions options = new TlsOptions();
            Assert.ThrowsException(typeof(ArgumentException), () => options.AddTrustedCaPem("not a certificate"));
            Assert.IsNull(options.CaPem);
        }

        [TestMethod]
        public void DerBecomesWrappedPem()
        {
            TlsOptions options = new TlsOptions();
            byte[] der = new byte[100];
            for (int i = 0; i < der.Length; i++)
            {
                der[i] = (byte)i;
            }

            options.AddTrustedCaDer(der);
            string base64 = Convert.ToBase64String(der);
            string expected = "-----BEGIN CERTIFICATE-----\n" + base64.Substring(0, 64) + "\n" + base64.Substring(64, 64) + "\n" + base64.Substring(128)
                + "\n-----END CERTIFICATE-----\n";
            Assert.AreEqual(expected, options.CaPem);
        }

        [TestMethod]
        public void PinMustBeBase64Sha256()
        {
            TlsOptions options = new TlsOptions();
            Assert.ThrowsException(typeof(ArgumentException), () => options.AddPinnedPublicKeySha256("!!"));
            Assert.ThrowsException(typeof(ArgumentException), () => options.AddPinnedPublicKeySha256("AAEC"));
            string pin = Convert.ToBase64String(new byte[32]);
            options.AddPinnedPublicKeySha256(pin);
            Assert.AreEqual(pin + "\n", options.Pins);
        }

        [TestMethod]
        public void ClientCertificatePemIsKept()
        {
            TlsOptions options = new TlsOptions();
            Assert.IsNull(options.CertPem);
            options.SetClientCertificatePem(Pem, "key");
            Assert.AreEqual(Pem, options.CertPem);
            Assert.AreEqual("key", options.KeyPem);
            Assert.ThrowsException(typeof(ArgumentNullException), () => options.SetClientCertificatePem(Pem, null));
        }
    }
}
