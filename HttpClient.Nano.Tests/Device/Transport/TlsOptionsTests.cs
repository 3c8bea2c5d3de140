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
            Assert.IsFalse(options.HasTrustedCa);
            Assert.IsFalse(options.UseStoredDeviceCertificates);
            Assert.AreEqual(0, options.PinnedPublicKeyCount);
            Assert.AreEqual((int)TlsVersion.Default, (int)options.Versions);
        }

        [TestMethod]
        public void PemBlocksAccumulate()
        {
            TlsOptions options = new TlsOptions();
            options.AddTrustedCaPem(Pem);
            options.AddTrustedCaPem(Pem);
            Assert.IsTrue(options.HasTrustedCa);
            Assert.AreEqual(Pem + Pem, options.TrustedCaPem);
        }

        [TestMethod]
        public void TextWithoutCertificateIsRejected()
        {
            TlsOptions options = new TlsOptions();
            Assert.ThrowsException(typeof(ArgumentException), () => options.AddTrustedCaPem("not a certificate"));
            Assert.IsFalse(options.HasTrustedCa);
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
            Assert.AreEqual(expected, options.TrustedCaPem);
        }

        [TestMethod]
        public void PinMustBeBase64Sha256()
        {
            TlsOptions options = new TlsOptions();
            Assert.ThrowsException(typeof(ArgumentException), () => options.AddPinnedPublicKeySha256("!!"));
            Assert.ThrowsException(typeof(ArgumentException), () => options.AddPinnedPublicKeySha256("AAEC"));
            string pin = Convert.ToBase64String(new byte[32]);
            options.AddPinnedPublicKeySha256(pin);
            Assert.AreEqual(1, options.PinnedPublicKeyCount);
            Assert.IsTrue(options.IsPinned(pin));
        }

        [TestMethod]
        public void ClientCertificatePemIsKept()
        {
            TlsOptions options = new TlsOptions();
            Assert.IsNull(options.ClientCertificatePem);
            options.SetClientCertificatePem(Pem, "key");
            Assert.AreEqual(Pem, options.ClientCertificatePem);
            Assert.AreEqual("key", options.ClientKeyPem);
            Assert.ThrowsException(typeof(ArgumentNullException), () => options.SetClientCertificatePem(Pem, null));
        }
    }
}
