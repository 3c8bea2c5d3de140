using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpConnectionRequestTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";

        private static string Sent(ScriptedTransportFactory factory)
        {
            return factory.Transport(0).SentText;
        }

        [TestMethod]
        public void GetSendsHostAndAcceptEncodingInOneWrite()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/index.html");
            Assert.AreEqual("GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept-Encoding: identity\r\n\r\n", Sent(factory));
            Assert.AreEqual("example.com", factory.LastHost);
            Assert.AreEqual(80, factory.LastPort);
        }

        [DataRow(1)]
        [DataRow(3)]
        public void TextBodyGoesOutWithABlockSizeBelowTheLongestCharacter(int blockSize)
        {
            // 1, 2, 3 and 4 UTF-8 bytes: a block smaller than a character still moves on.
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.BlockSize = blockSize;
            connection.Request("POST", "/", "a\u00e9\u20ac\uD834\uDD1E");
            byte[] sent = factory.Transport(0).Sent;
            byte[] body = new byte[] { 0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9D, 0x84, 0x9E };
            Assert.IsTrue(Sent(factory).IndexOf("Content-Length: 10\r\n") > 0);
            for (int i = 0; i < body.Length; i++)
            {
                Assert.AreEqual(body[i], sent[sent.Length - body.Length + i]);
            }
        }

        // Text outside the BMP: nanoFramework's string indexer reads both halves of a pair as the
        // high one, so the body goes through the platform's encoder in pieces that never split a
        // pair, whatever the block size; the counted length agrees with the bytes sent.
        [DataRow(4, "a\uD83D\uDE00b\uD834\uDD1E\u20AC", "61F09F988062F09D849EE282AC")]
        [DataRow(5, "a\uD83D\uDE00b\uD834\uDD1E\u20AC", "61F09F988062F09D849EE282AC")]
        [DataRow(7, "a\uD83D\uDE00b\uD834\uDD1E\u20AC", "61F09F988062F09D849EE282AC")]
        [DataRow(1024, "a\uD83D\uDE00b\uD834\uDD1E\u20AC", "61F09F988062F09D849EE282AC")]
        [DataRow(4, "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00x", "F09F9880F09F9880F09F988078")]
        [DataRow(6, "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00x", "F09F9880F09F9880F09F988078")]
        [DataRow(7, "x\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "78F09F9880F09F9880F09F9880")]
        [DataRow(9, "\u00e9\uD83D\uDE00\u00e9\uD83D\uDE00", "C3A9F09F9880C3A9F09F9880")]
        public void TextOutsideTheBmpGoesOutAsUtf8WithItsLength(int blockSize, string text, string hex)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.BlockSize = blockSize;
            connection.Request("POST", "/", text);
            byte[] sent = factory.Transport(0).Sent;
            int length = hex.Length / 2;
            Assert.IsTrue(Sent(factory).IndexOf("Content-Length: " + length.ToString() + "\r\n") > 0);
            Assert.IsTrue(Sent(factory).IndexOf("\r\n\r\n") == sent.Length - length - 4);
            for (int i = 0; i < length; i++)
            {
                Assert.AreEqual((byte)System.Convert.ToInt32(hex.Substring(i * 2, 2), 16), sent[sent.Length - length + i]);
            }
        }

        [DataRow(0)]
        [DataRow(-1)]
        public void ABlockSizeBelowOneIsRefusedBeforeTheHeadGoesOut(int blockSize)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.BlockSize = blockSize;
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => connection.Request("POST", "/", TestBytes.Of("body")));
            Assert.AreEqual(0, factory.Opened); // refused before the socket was even opened
            connection.BlockSize = 16;
            connection.Request("POST", "/", TestBytes.Of("body"));
            Assert.IsTrue(factory.Transport(0).SentText.EndsWith("\r\n\r\nbody"));
        }

        [TestMethod]
        public void EmptyUrlMeansSlash()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "");
            Assert.IsTrue(Sent(factory).StartsWith("GET / HTTP/1.1\r\n"));
        }

        [DataRow("POST", "Content-Length: 0\r\n")]
        [DataRow("PUT", "Content-Length: 0\r\n")]
        [DataRow("PATCH", "Content-Length: 0\r\n")]
        [DataRow("GET", "")]
        [DataRow("DELETE", "")]
        public void NoBodyGetsContentLengthZeroOnlyForMethodsThatExpectOne(string method, string expected)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request(method, "/", (byte[])null);
            Assert.AreEqual(method + " / HTTP/1.1\r\nHost: example.com\r\nAccept-Encoding: identity\r\n" + expected + "\r\n", Sent(factory));
        }

        [DataRow("GET")]
        [DataRow("POST")]
        public void EmptyBodyGetsContentLengthZeroForEveryMethod(string method)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request(method, "/", new byte[0]);
            Assert.IsTrue(Sent(factory).EndsWith("Content-Length: 0\r\n\r\n"));
        }

        [TestMethod]
        public void ByteBodyFollowsTheHeadWithItsLength()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("POST", "/p", TestBytes.Of("hello"));
            Assert.IsTrue(Sent(factory).EndsWith("Content-Length: 5\r\n\r\nhello"));
        }

        [TestMethod]
        public void StringBodyIsUtf8WithItsEncodedLength()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("POST", "/p", "gr\u00fc\u00dfe \u20ac");
            Assert.IsTrue(Sent(factory).EndsWith("Content-Length: 11\r\n\r\ngr\u00c3\u00bc\u00c3\u009fe \u00e2\u0082\u00ac"));
        }

        [TestMethod]
        public void CallerHostAndAcceptEncodingAreNotDuplicated()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("host", "other.example:8080");
            headers.Add("ACCEPT-ENCODING", "gzip");
            connection.Request("GET", "/", headers);
            Assert.AreEqual("GET / HTTP/1.1\r\nhost: other.example:8080\r\nACCEPT-ENCODING: gzip\r\n\r\n", Sent(factory));
        }

        [TestMethod]
        public void CallerContentLengthIsKeptEvenIfWrong()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Content-Length", "42");
            connection.Request("POST", "/", TestBytes.Of("abc"), headers);
            string sent = Sent(factory);
            Assert.IsTrue(sent.EndsWith("Content-Length: 42\r\n\r\nabc"));
            Assert.AreEqual(-1, sent.IndexOf("Content-Length: 3"));
        }

        [TestMethod]
        public void CallerTransferEncodingWithEncodeChunkedChunksTheBody()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Transfer-Encoding", "chunked");
            connection.Request("POST", "/", TestBytes.Of("hello"), headers, true);
            Assert.IsTrue(Sent(factory).EndsWith("Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
        }

        [TestMethod]
        public void CallerTransferEncodingWithoutEncodeChunkedSendsBodyAsGiven()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Transfer-Encoding", "chunked");
            connection.Request("POST", "/", TestBytes.Of("3\r\nabc\r\n0\r\n\r\n"), headers);
            Assert.IsTrue(Sent(factory).EndsWith("Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
        }

        [TestMethod]
        public void EmptyBodyWithEncodeChunkedSendsOnlyTheLastChunk()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.PutRequest("POST", "/");
            connection.PutHeader("Transfer-Encoding", "chunked");
            connection.EndHeaders(new byte[0], true);
            Assert.IsTrue(Sent(factory).EndsWith("Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
        }

        [TestMethod]
        public void PutHeaderFormatsNumbersAndFoldsSeveralValues()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.PutRequest("GET", "/", true, true);
            connection.PutHeader("Content-Length", 42);
            connection.PutHeader("X-Multi", "a", "b");
            connection.EndHeaders();
            Assert.AreEqual("GET / HTTP/1.1\r\nContent-Length: 42\r\nX-Multi: a\r\n\tb\r\n\r\n", Sent(factory));
        }

        [TestMethod]
        public void NonDefaultPortAppearsInHost()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = new HttpConnection("[fe80::1%2]:8080");
            connection.CreateConnection = factory;
            connection.Request("GET", "/");
            Assert.IsTrue(Sent(factory).IndexOf("Host: [fe80::1]:8080\r\n") > 0);
            Assert.AreEqual(8080, factory.LastPort);
        }

        [TestMethod]
        public void SendOpensTheConnectionOnDemand()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            Assert.AreEqual(0, factory.Opened);
            connection.Send(TestBytes.Of("raw"));
            Assert.AreEqual(1, factory.Opened);
            Assert.AreEqual("raw", Sent(factory));
        }

        [TestMethod]
        public void SendRejectsBadArgumentsBeforeOpening()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => connection.Send(new byte[4], -1, 1));
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => connection.Send(null, 0, 0));
            Assert.AreEqual(0, factory.Opened);
        }

        [TestMethod]
        public void TimeoutReachesTheTransport()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = new HttpConnection("example.com", 80, 1500);
            connection.CreateConnection = factory;
            connection.Connect();
            Assert.AreEqual(1500, factory.LastTimeout);
            Assert.AreEqual(1500, connection.Timeout);
        }
    }
}
