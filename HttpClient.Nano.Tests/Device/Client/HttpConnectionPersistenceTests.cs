using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpConnectionPersistenceTests
    {
        // Each answer arrives after its request: a kept socket gets the next response appended.
        private static int RoundTrips(ScriptedTransportFactory factory, int requests, string answer)
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            for (int i = 0; i < requests; i++)
            {
                if (i > 0 && !factory.Transport(factory.Opened - 1).IsClosed)
                {
                    factory.Transport(factory.Opened - 1).Append(TestBytes.Of(answer));
                }

                connection.Request("GET", "/");
                HttpResponse response = connection.GetResponse();
                Assert.AreEqual("ok", TestBytes.Text(response.Read()));
            }

            return factory.Opened;
        }

        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 1)]
        [DataRow("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", 2)]
        [DataRow("HTTP/1.1 200 OK\r\nConnection: CLOSE\r\nContent-Length: 2\r\n\r\nok", 2)]
        [DataRow("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 2)]
        [DataRow("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", 1)]
        [DataRow("HTTP/1.0 200 OK\r\nKeep-Alive: timeout=5\r\nContent-Length: 2\r\n\r\nok", 1)]
        [DataRow("HTTP/1.0 200 OK\r\nProxy-Connection: keep-alive\r\nContent-Length: 2\r\n\r\nok", 1)]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", 1)]
        public void ReuseFollowsTheVersionAndConnectionRules(string response, int expectedConnections)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, response, response);
            Assert.AreEqual(expectedConnections, RoundTrips(factory, 2, response));
        }

        [TestMethod]
        public void CloseDelimitedBodyForcesANewConnection()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "HTTP/1.1 200 OK\r\n\r\nok", "HTTP/1.1 200 OK\r\n\r\nok");
            Assert.AreEqual(2, RoundTrips(factory, 2, null));
            Assert.IsTrue(factory.Transport(0).IsClosed);
        }

        [TestMethod]
        public void SocketClosedByTheServerWhileIdleIsReplacedBeforeTheNextRequest()
        {
            string ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, ok, ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            connection.GetResponse().Read();
            connection.Request("GET", "/second");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
            Assert.IsTrue(factory.Transport(0).IsClosed);
            Assert.AreEqual(-1, factory.Transport(0).SentText.IndexOf("/second"));
            Assert.IsTrue(factory.Transport(1).SentText.StartsWith("GET /second "));
        }

        [TestMethod]
        public void CloseNotSeenBeforeSendingIsRemoteDisconnectedThenReconnects()
        {
            string ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, ok, ok);
            factory.Transport(0).HidesClose = true;
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.RetryOnStaleConnection = false;
            connection.Request("GET", "/");
            connection.GetResponse().Read();
            connection.Request("GET", "/");
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
            Assert.IsTrue(factory.Transport(0).IsClosed);
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
        }

        [TestMethod]
        public void EndOfStreamAfterContinueIsRemoteDisconnectedThenReconnects()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0,
                "HTTP/1.1 100 Continue\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => connection.GetResponse());
            connection.Request("GET", "/");
            Assert.AreEqual(200, connection.GetResponse().Status);
            Assert.AreEqual(2, factory.Opened);
        }

        [TestMethod]
        public void ResetIsAnIOErrorThenReconnects()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0,
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            factory.Transport(0).ResetAt = 10;
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            Assert.ThrowsException(typeof(System.IO.IOException), () => connection.GetResponse());
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
        }

        [TestMethod]
        public void ClosingAnUnreadResponseClosesTheSocket()
        {
            string ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, ok + ok, ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            HttpResponse response = connection.GetResponse();
            response.Close();
            Assert.IsTrue(factory.Transport(0).IsClosed);
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
        }

        [TestMethod]
        public void KeptAliveResponsesStayInSync()
        {
            string[] responses = new string[]
            {
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n",
                "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nthree"
            };
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, responses[0]);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            string[] expected = new string[] { "one", "two", "three" };
            for (int i = 0; i < expected.Length; i++)
            {
                if (i > 0)
                {
                    factory.Transport(0).Append(TestBytes.Of(responses[i]));
                }

                connection.Request("GET", "/");
                Assert.AreEqual(expected[i], TestBytes.Text(connection.GetResponse().Read()));
            }

            Assert.AreEqual(1, factory.Opened);
            Assert.IsFalse(factory.Transport(0).IsClosed);
        }

        [TestMethod]
        public void PipelinedBytesAfterAResponseEndReuse()
        {
            // Answers nobody asked for yet, in the same segment as the first: the socket is
            // closed and the next request goes out on a new one, never reading them as its answer.
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0,
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none" +
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n" +
                "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nthree",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh");
            factory.Transport(0).ServesAhead = true;
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            HttpResponse response = connection.GetResponse();
            Assert.IsFalse(response.WillClose);
            Assert.AreEqual("one", TestBytes.Text(response.Read()));
            Assert.IsTrue(response.WillClose);
            Assert.IsTrue(factory.Transport(0).IsClosed);
            connection.Request("GET", "/second");
            Assert.AreEqual("fresh", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
            Assert.AreEqual(-1, factory.Transport(0).SentText.IndexOf("/second"));
        }

        // A request refused before its head went out asks for nothing: the bytes after the
        // unread response are still unasked, so the socket is retired and a stray response
        // sent behind it is never taken for a later request's answer.
        [DataRow("header")]
        [DataRow("url")]
        [DataRow("method")]
        [DataRow("state")]
        public void ARefusedRequestLeavesStrayBytesUnasked(string refusal)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0,
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstray",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh");
            factory.Transport(0).ServesAhead = true;
            factory.Transport(0).HidesClose = true; // the server keeps the socket open
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/1");
            HttpResponse response = connection.GetResponse();
            if (refusal == "header")
            {
                HttpHeaders headers = new HttpHeaders();
                headers.Add("X-Split", "a\r\nb");
                Assert.ThrowsException(typeof(System.ArgumentException), () => connection.Request("GET", "/2", headers));
            }
            else if (refusal == "url")
            {
                Assert.ThrowsException(typeof(InvalidUrlException), () => connection.Request("GET", "/a b"));
            }
            else if (refusal == "method")
            {
                Assert.ThrowsException(typeof(System.ArgumentException), () => connection.Request("GE T", "/2"));
            }
            else
            {
                connection.PutRequest("GET", "/2");
                Assert.ThrowsException(typeof(CannotSendRequestException), () => connection.PutRequest("GET", "/2"));
                connection.Close();
                Assert.IsTrue(response.IsClosed);
                response = null;
            }

            if (response != null)
            {
                Assert.AreEqual("ok", TestBytes.Text(response.Read()));
            }

            connection.Request("GET", "/3");
            Assert.AreEqual("fresh", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
            Assert.AreEqual(-1, factory.Transport(0).SentText.IndexOf("/3"));
        }

        [TestMethod]
        public void ClosingTheConnectionKeepsAClosingResponseReadable()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nbody");
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            HttpResponse response = connection.GetResponse();
            Assert.IsTrue(response.WillClose);
            connection.Close();
            Assert.AreEqual("body", TestBytes.Text(response.Read()));
            Assert.IsTrue(factory.Transport(0).IsClosed);
        }
    }
}
