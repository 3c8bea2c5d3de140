using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HostAddressTests
    {
        [DataRow("127.0.0.1")]
        [DataRow("10.0.0.255")]
        [DataRow("::1")]
        [DataRow("fe80::1")]
        public void AddressLiteralsAreParsedNotLookedUp(string host)
        {
            Assert.IsTrue(TcpTransport.IsLiteral(host));
        }

        [DataRow("example.com")]
        [DataRow("localhost")]
        [DataRow("1.2.3.example")]
        [DataRow("host1")]
        [DataRow("1.2.3.4a")]
        [DataRow("")]
        public void NamesAreLookedUp(string host)
        {
            Assert.IsFalse(TcpTransport.IsLiteral(host));
        }
    }
}
