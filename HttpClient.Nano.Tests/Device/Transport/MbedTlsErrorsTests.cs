using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class MbedTlsErrorsTests
    {
        [TestMethod]
        public void CertificateVerifyFailureIsACertificateRejection()
        {
            Exception inner = new Exception("native");
            TlsHandshakeException mapped = TcpTransport.MbedTlsError(-9984, inner);
            Assert.IsTrue(mapped is CertificateVerificationException);
            Assert.AreEqual(CertificateVerificationException.Unknown, ((CertificateVerificationException)mapped).Reason);
            Assert.AreEqual(-9984, mapped.ErrorCode);
            Assert.IsTrue(object.ReferenceEquals(inner, mapped.InnerException));
        }

        [TestMethod]
        public void MissingCaChainIsAnUntrustedCertificate()
        {
            // Default trust on the device is its stored bundle: without one the handshake fails closed.
            TlsHandshakeException mapped = TcpTransport.MbedTlsError(-0x7680, null);
            Assert.IsTrue(mapped is CertificateVerificationException);
            Assert.AreEqual(CertificateVerificationException.Untrusted, ((CertificateVerificationException)mapped).Reason);
            Assert.AreEqual(-0x7680, mapped.ErrorCode);
        }

        [TestMethod]
        public void InvalidRecordIsPlainHttp()
        {
            Assert.IsTrue(TcpTransport.MbedTlsError(-0x7200, null) is TlsPlainHttpException);
        }

        [DataRow(-0x7780)]
        [DataRow(-0x7F00)]
        [DataRow(-0x7280)]
        [DataRow(-1)]
        public void OtherTlsCodesAreHandshakeFailures(int code)
        {
            TlsHandshakeException mapped = TcpTransport.MbedTlsError(code, null);
            Assert.IsTrue(mapped.GetType() == typeof(TlsHandshakeException));
            Assert.AreEqual(code, mapped.ErrorCode);
        }

        [DataRow(0)]
        [DataRow(10054)]
        public void SocketCodesAreNotMapped(int code)
        {
            Assert.IsNull(TcpTransport.MbedTlsError(code, null));
        }
    }
}
