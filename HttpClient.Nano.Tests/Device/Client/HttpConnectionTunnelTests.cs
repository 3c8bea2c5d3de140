using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpConnectionTunnelTests
    {
        private const string Established = "HTTP/1.1 200 Connection established\r\nProxy-Agent: scripted\r\n\r\n";
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

        private static HttpConnection Proxy(ScriptedTransportFactory factory)
        {
            HttpConnection connection = new HttpConnection("proxy.example", 3128);
            connection.CreateConnection = factory;
            return connection;
        }

        [TestMethod]
        public void ConnectGoesFirstThenTheRequestNamesTheTarget()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Established + Ok);
            HttpConnection connection = Proxy(factory);
            connection.SetTunnel("destination.com", 1234);
            connection.Request("GET", "/x");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual("proxy.example", factory.LastHost);
            Assert.AreEqual(3128, factory.LastPort);
            Assert.AreEqual(
                "CONNECT destination.com:1234 HTTP/1.1\r\nHost: destination.com:1234\r\n\r\n" +
                "GET /x HTTP/1.1\r\nHost: destination.com:1234\r\nAccept-Encoding: identity\r\n\r\n",
                factory.Transport(0).SentText);
            Assert.AreEqual("scripted", connection.GetProxyResponseHeaders().Get("proxy-agent"));
        }

        [TestMethod]
        public void DefaultPortIsInTheConnectLineButNotInTheOriginHost()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Established + Ok);
            HttpConnection connection = Proxy(factory);
            connection.SetTunnel("destination.com");
            connection.Request("GET", "/");
            string sent = factory.Transport(0).SentText;
            Assert.IsTrue(sent.StartsWith("CONNECT destination.com:80 HTTP/1.1\r\nHost: destination.com:80\r\n\r\n"));
            Assert.IsTrue(sent.IndexOf("GET / HTTP/1.1\r\nHost: destination.com\r\n") > 0);
        }

        [TestMethod]
        public void CallerHeadersGoWithConnectAndTheirHostIsKept()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Established + Ok);
            HttpConnection connection = Proxy(factory);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Proxy-Authorization", "Basic dXNlcjpwdw==");
            headers.Add("host", "chosen.example");
            connection.SetTunnel("destination.com", 8443, headers);
            connection.Request("GET", "/");
            Assert.IsTrue(factory.Transport(0).SentText.StartsWith(
                "CONNECT destination.com:8443 HTTP/1.1\r\nProxy-Authorization: Basic dXNlcjpwdw==\r\nhost: chosen.example\r\n\r\nGET "));
        }

        [TestMethod]
        public void Ipv6TargetIsBracketed()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Established + Ok);
            HttpConnection connection = Proxy(factory);
            connection.SetTunnel("[1:2:3::4]", 1234);
            connection.Request("GET", "/");
            Assert.IsTrue(factory.Transport(0).SentText.StartsWith("CONNECT [1:2:3::4]:1234 HTTP/1.1\r\nHost: [1:2:3::4]:1234\r\n\r\n"));
        }

        [TestMethod]
        public void RefusedTunnelRaisesAndClosesTheSocket()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0,
                "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n");
            HttpConnection connection = Proxy(factory);
            connection.SetTunnel("destination.com", 443);
            try
            {
                connection.Request("GET", "/");
                Assert.IsTrue(false, "expected ProxyTunnelException");
            }
            catch (ProxyTunnelException e)
            {
                Assert.AreEqual(407, e.Status);
                Assert.AreEqual("Proxy Authentication Required", e.Reason);
            }

            Assert.IsTrue(factory.Transport(0).IsClosed);
            Assert.AreEqual("Basic", connection.GetProxyResponseHeaders().Get("Proxy-Authenticate"));
        }

        [TestMethod]
        public void TunnelCannotBeSetOnAnOpenConnection()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = Proxy(factory);
            connection.Connect();
            Assert.ThrowsException(typeof(InvalidOperationException), () => connection.SetTunnel("destination.com"));
        }

        [TestMethod]
        public void WithoutATunnelThereAreNoProxyHeaders()
        {
            HttpConnection connection = Proxy(new ScriptedTransportFactory(0, Ok));
            Assert.IsNull(connection.GetProxyResponseHeaders());
        }

        [TestMethod]
        public void TunnelHostAndHeadersAreValidated()
        {
            HttpConnection connection = Proxy(new ScriptedTransportFactory(0, Ok));
            Assert.ThrowsException(typeof(InvalidUrlException), () => connection.SetTunnel("bad host"));
            Assert.ThrowsException(typeof(InvalidUrlException), () => connection.SetTunnel("destination.com:abc"));
            HttpHeaders headers = new HttpHeaders();
            headers.Add("X-Injected", "a\r\nHost: evil");
            Assert.ThrowsException(typeof(ArgumentException), () => connection.SetTunnel("destination.com", 80, headers));
        }
    }
}
