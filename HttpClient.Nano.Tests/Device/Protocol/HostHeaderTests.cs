using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HostHeaderTests
    {
        [DataRow("example.com", 80, 80, "example.com")]
        [DataRow("example.com", 8080, 80, "example.com:8080")]
        [DataRow("example.com", 443, 443, "example.com")]
        [DataRow("example.com", 80, 443, "example.com:80")]
        [DataRow("192.168.1.2", 81, 80, "192.168.1.2:81")]
        [DataRow("2001::", 81, 80, "[2001::]:81")]
        [DataRow("2001:102A::", 80, 80, "[2001:102A::]")]
        [DataRow("fe80::", 80, 80, "[fe80::]")]
        [DataRow("fe80::%2", 80, 80, "[fe80::]")]
        [DataRow("fe80::%2", 81, 80, "[fe80::]:81")]
        [DataRow("fe80::1%25eth0", 80, 80, "[fe80::1]")]
        [DataRow("fe80::1%eth0", 8443, 443, "[fe80::1]:8443")]
        [DataRow("proxy.example", 80, RequestWriter.NoPort, "proxy.example:80")]
        [DataRow("2001:db8::1", 443, RequestWriter.NoPort, "[2001:db8::1]:443")]
        public void HostValueHasPortOnlyWhenNotDefault(string host, int port, int defaultPort, string expected)
        {
            Assert.AreEqual(expected, RequestWriter.HostValue(host, port, defaultPort));
        }

        [DataRow("http://h:8080/x", "h:8080")]
        [DataRow("https://user@h/x", "user@h")]
        [DataRow("http://h?q", "h")]
        [DataRow("http://h#f", "h")]
        [DataRow("http://h", "h")]
        [DataRow("http+unix://sock/x", "sock")]
        public void AbsoluteFormAuthorityIsFound(string url, string expected)
        {
            Assert.AreEqual("Host: " + expected + "\r\n", HostLine(url));
        }

        [DataRow("/")]
        [DataRow("/http://h/")]
        [DataRow("http")]
        [DataRow("http:")]
        [DataRow("http:/h")]
        [DataRow("http:///x")]
        [DataRow("http://")]
        [DataRow("httpfoo/x")]
        [DataRow("http.x/y:z//")]
        [DataRow("HTTP://h/")]
        public void OriginFormOrEmptyAuthorityFindsNothing(string url)
        {
            Assert.AreEqual("Host: connection.example\r\n", HostLine(url));
        }

        // The Host line PutRequest writes for `url` on a connection whose own Host value is
        // "connection.example": an absolute-form URL's authority wins over it.
        private static string HostLine(string url)
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("GET", url, "connection.example", true);
            int lineEnd = 0;
            while (writer.Buffer[lineEnd] != '\n')
            {
                lineEnd++;
            }

            return TestBytes.Text(writer.Buffer, lineEnd + 1, writer.Length - lineEnd - 1);
        }
    }
}
