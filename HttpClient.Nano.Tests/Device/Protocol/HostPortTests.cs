using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HostPortTests
    {
        [DataRow("[fe80::207:e9ff:fe9b]:8000", "fe80::207:e9ff:fe9b", 8000)]
        [DataRow("www.python.org:80", "www.python.org", 80)]
        [DataRow("www.python.org:8080", "www.python.org", 8080)]
        [DataRow("www.python.org", "www.python.org", 80)]
        [DataRow("www.python.org:", "www.python.org", 80)]
        [DataRow("[fe80::207:e9ff:fe9b]", "fe80::207:e9ff:fe9b", 80)]
        [DataRow("[fe80::207:e9ff:fe9b]:", "fe80::207:e9ff:fe9b", 80)]
        [DataRow("[fe80::%2]:81", "fe80::%2", 81)]
        [DataRow("fe80::1", "fe80::1", 80)]
        [DataRow("192.168.1.2:65535", "192.168.1.2", 65535)]
        [DataRow("h:1", "h", 1)]
        [DataRow("h:0080", "h", 80)]
        public void HostArgumentIsSplit(string argument, string expectedHost, int expectedPort)
        {
            int port;
            string host = RequestWriter.ParseHost(argument, RequestWriter.NoPort, 80, out port);
            Assert.AreEqual(expectedHost, host);
            Assert.AreEqual(expectedPort, port);
        }

        [DataRow("example.com", 443)]
        [DataRow("example.com:", 443)]
        public void DefaultPortIsTheConnectionsOwn(string argument, int defaultPort)
        {
            int port;
            RequestWriter.ParseHost(argument, RequestWriter.NoPort, defaultPort, out port);
            Assert.AreEqual(defaultPort, port);
        }

        [DataRow("www.python.org:abc")]
        [DataRow("user:password@www.python.org")]
        [DataRow("h:+80")]
        [DataRow("h:-1")]
        [DataRow("h: 80")]
        [DataRow("h:8 0")]
        [DataRow("h:0")]
        [DataRow("h:65536")]
        [DataRow("h:99999999999999999999")]
        [DataRow("[::1]:x")]
        [DataRow("[::1")]
        [DataRow("::1]")]
        [DataRow("[::1]x")]
        [DataRow("[]")]
        [DataRow("")]
        [DataRow(":80")]
        [DataRow("exa mple.com")]
        [DataRow("example.com\r\n:80")]
        [DataRow("exa\u007fmple.com:80")]
        public void MalformedHostArgumentIsInvalidUrl(string argument)
        {
            int port;
            Assert.ThrowsException(typeof(InvalidUrlException), () => RequestWriter.ParseHost(argument, RequestWriter.NoPort, 80, out port));
        }

        [DataRow("example.com", 8080, "example.com")]
        [DataRow("[::1]", 8080, "::1")]
        [DataRow("::1", 1, "::1")]
        public void ExplicitPortWins(string argument, int explicitPort, string expectedHost)
        {
            int port;
            string host = RequestWriter.ParseHost(argument, explicitPort, 80, out port);
            Assert.AreEqual(expectedHost, host);
            Assert.AreEqual(explicitPort, port);
        }

        [TestMethod]
        public void ExplicitPortSkipsTheSuffixLikePython()
        {
            int port;
            string host = RequestWriter.ParseHost("example.com:abc", 9000, 80, out port);
            Assert.AreEqual("example.com:abc", host);
            Assert.AreEqual(9000, port);
        }

        [DataRow(0)]
        [DataRow(65536)]
        [DataRow(-2)]
        public void ExplicitPortOutOfRangeIsRejected(int explicitPort)
        {
            int port;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RequestWriter.ParseHost("h", explicitPort, 80, out port));
        }

        [TestMethod]
        public void NullHostIsRejected()
        {
            int port;
            Assert.ThrowsException(typeof(ArgumentNullException), () => RequestWriter.ParseHost(null, RequestWriter.NoPort, 80, out port));
        }
    }
}
