using System.IO;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    /// <summary>
    /// After any failure the next request reconnects by itself; a request that a kept-alive
    /// socket's stale close killed before any of its response arrived is sent once more on a new
    /// connection; bytes nobody asked for end the connection's reuse.
    /// </summary>
    [TestClass]
    public class HttpConnectionRecoveryTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        private const string Yes = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes";

        // A connection whose first socket answers once and then dies unseen (its close arrives
        // only as the next request goes out), and whose next sockets run the other scripts.
        private static HttpConnection StaleAfterOne(ScriptedTransportFactory factory, bool reset)
        {
            ScriptedTransport first = factory.Transport(0);
            first.HidesClose = true;
            if (reset)
            {
                first.ResetAt = Ok.Length;
            }

            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/1");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            return connection;
        }

        [TestMethod]
        public void FailedConnectLeavesTheConnectionIdle()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, null, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            Assert.ThrowsException(typeof(IOException), () => connection.Request("GET", "/"));
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
        }

        [TestMethod]
        public void FailedSendOnAFreshConnectionLeavesTheConnectionIdle()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "", Ok);
            factory.Transport(0).SendFailsAfter = 0;
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            Assert.ThrowsException(typeof(IOException), () => connection.Request("GET", "/"));
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.IsTrue(factory.Transport(0).IsClosed);
        }

        [TestMethod]
        public void FailedManualSendLeavesTheConnectionIdle()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "", Ok);
            factory.Transport(0).SendFailsAfter = 0;
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.PutRequest("POST", "/");
            connection.PutHeader("Content-Length", 2);
            Assert.ThrowsException(typeof(IOException), () => connection.EndHeaders());
            connection.PutRequest("GET", "/");
            connection.EndHeaders();
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
        }

        [TestMethod]
        public void ArgumentErrorsLeaveTheStateAsItWas()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.PutRequest("GET", "/");
            Assert.ThrowsException(typeof(System.ArgumentException), () => connection.PutHeader("Bad Name", "x"));
            connection.PutHeader("X-Good", "y");
            connection.EndHeaders();
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.IsTrue(factory.Transport(0).SentText.IndexOf("X-Good: y\r\n") > 0);
            Assert.AreEqual(0, factory.Opened - 1);
        }

        [TestMethod]
        public void FailingStreamBodyLeavesTheConnectionIdle()
        {
            // The server waits for the body: its answer is not there yet.
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            Assert.ThrowsException(typeof(IOException), () => connection.Request("POST", "/", new BodyStream(TestBytes.Of("x"), false, true)));
            Assert.IsTrue(factory.Transport(0).IsClosed);
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
        }

        [DataRow(false)]
        [DataRow(true)]
        public void StaleCloseOrResetIsReplayedOnceOnANewConnection(bool reset)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Yes);
            HttpConnection connection = StaleAfterOne(factory, reset);
            connection.Request("GET", "/2");
            Assert.AreEqual("yes", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
            Assert.IsTrue(factory.Transport(0).IsClosed);
            Assert.IsTrue(factory.Transport(1).SentText.StartsWith("GET /2 HTTP/1.1\r\n"));
        }

        [TestMethod]
        public void FailedSendOnAReusedConnectionIsReplayed()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Yes);
            HttpConnection connection = StaleAfterOne(factory, false);
            factory.Transport(0).SendFailsAfter = factory.Transport(0).SentCount;
            connection.Request("PUT", "/2", TestBytes.Of("body!"));
            Assert.AreEqual("yes", TestBytes.Text(connection.GetResponse().Read()));
            Assert.IsTrue(factory.Transport(1).SentText.EndsWith("\r\n\r\nbody!"));
        }

        [DataRow(false)]
        [DataRow(true)]
        public void FailedSendOfAPostIsNotReplayed(bool staleClose)
        {
            // RFC 9110 section 9.2.2: a POST is not idempotent; the caller decides.
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Yes);
            HttpConnection connection = StaleAfterOne(factory, false);
            if (staleClose)
            {
                connection.Request("POST", "/2", TestBytes.Of("body!"));
                Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
            }
            else
            {
                factory.Transport(0).SendFailsAfter = factory.Transport(0).SentCount;
                Assert.ThrowsException(typeof(IOException), () => connection.Request("POST", "/2", TestBytes.Of("body!")));
            }

            Assert.AreEqual(1, factory.Opened);
            connection.Request("GET", "/3");
            Assert.AreEqual("yes", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
            Assert.IsTrue(factory.Transport(1).SentText.StartsWith("GET /3 HTTP/1.1\r\n"));
            Assert.AreEqual(-1, factory.Transport(1).SentText.IndexOf("POST"));
        }

        [DataRow("GET")]
        [DataRow("HEAD")]
        [DataRow("OPTIONS")]
        [DataRow("TRACE")]
        [DataRow("PUT")]
        [DataRow("DELETE")]
        [DataRow("POST")]
        [DataRow("PATCH")]
        public void OnlyIdempotentMethodsOrAnIdempotencyKeyAreReplayed(string method)
        {
            bool idempotent = method != "POST" && method != "PATCH";
            for (int withKey = 0; withKey < 2; withKey++)
            {
                ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Yes);
                HttpConnection connection = StaleAfterOne(factory, false);
                connection.PutRequest(method, "/2");
                if (withKey == 1)
                {
                    connection.PutHeader("idempotency-key", "k1");
                }

                connection.EndHeaders();
                if (idempotent || withKey == 1)
                {
                    HttpResponse response = connection.GetResponse();
                    Assert.AreEqual(200, response.Status);
                    Assert.AreEqual(2, factory.Opened);
                    Assert.IsTrue(factory.Transport(1).SentText.StartsWith(method + " /2 HTTP/1.1\r\n"));
                }
                else
                {
                    Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
                    Assert.AreEqual(1, factory.Opened);
                }
            }
        }

        [DataRow("bytes")]
        [DataRow("text")]
        [DataRow("seekable stream")]
        public void AReplayedRequestCarriesItsWholeBodyAgain(string kind)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Yes);
            HttpConnection connection = StaleAfterOne(factory, false);
            if (kind == "bytes")
            {
                connection.Request("PUT", "/2", TestBytes.Of("body!"));
            }
            else if (kind == "text")
            {
                connection.Request("PUT", "/2", "body!");
            }
            else
            {
                BodyStream stream = new BodyStream(TestBytes.Of("xx-body!"), true, false);
                stream.Position = 3;
                connection.Request("PUT", "/2", stream);
            }

            Assert.AreEqual("yes", TestBytes.Text(connection.GetResponse().Read()));
            string replayed = factory.Transport(1).SentText;
            Assert.IsTrue(replayed.StartsWith("PUT /2 HTTP/1.1\r\n"));
            Assert.IsTrue(replayed.IndexOf("\r\nContent-Length: 5\r\n") > 0);
            Assert.IsTrue(replayed.EndsWith("\r\n\r\nbody!"));
        }

        [TestMethod]
        public void ANonSeekableStreamBodyIsNotReplayed()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Ok);
            HttpConnection connection = StaleAfterOne(factory, false);
            connection.Request("POST", "/2", new BodyStream(TestBytes.Of("body!"), false, false));
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
            Assert.AreEqual(1, factory.Opened);
            connection.Request("GET", "/3");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
        }

        [TestMethod]
        public void NoAnswerOnAFreshConnectionIsNotReplayed()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "", Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
            Assert.AreEqual(1, factory.Opened);
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
        }

        [TestMethod]
        public void AReplayIsNeverReplayedAgain()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, "", Ok);
            HttpConnection connection = StaleAfterOne(factory, false);
            connection.Request("GET", "/2");
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
            Assert.AreEqual(2, factory.Opened);
            connection.Request("GET", "/3");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(3, factory.Opened);
        }

        [TestMethod]
        public void ReplayCanBeTurnedOff()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok, Ok);
            HttpConnection connection = StaleAfterOne(factory, false);
            connection.RetryOnStaleConnection = false;
            connection.Request("GET", "/2");
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
            Assert.AreEqual(1, factory.Opened);
        }

        [TestMethod]
        public void APartialAnswerIsNotReplayed()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok + "HTTP/1.1 2", Ok);
            factory.Transport(0).PieceSize = Ok.Length;
            HttpConnection connection = StaleAfterOne(factory, false);
            connection.Request("GET", "/2");
            Assert.ThrowsException(typeof(BadStatusLineException), () => connection.GetResponse());
            Assert.AreEqual(1, factory.Opened);
        }

        [TestMethod]
        public void BytesAfterACompleteResponseEndTheConnectionsReuse()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok + Yes, Ok);
            factory.Transport(0).ServesAhead = true;
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/1");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.IsTrue(factory.Transport(0).IsClosed);
            connection.Request("GET", "/2");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
        }
    }
}
