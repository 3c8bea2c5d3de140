using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpConnectionExpectContinueTests
    {
        private const string Head = "POST /upload HTTP/1.1\r\nHost: example.com\r\nAccept-Encoding: identity\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n";

        private static HttpConnection Connection(ScriptedTransportFactory factory)
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.ExpectContinue = true;
            connection.ContinueTimeout = 50;
            return connection;
        }

        [TestMethod]
        public void BodyFollowsContinue()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0,
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
            HttpConnection connection = Connection(factory);
            connection.Request("POST", "/upload", TestBytes.Of("data"));
            HttpResponse response = connection.GetResponse();
            Assert.AreEqual(201, response.Status);
            Assert.AreEqual(Head + "data", factory.Transport(0).SentText);
            Assert.IsFalse(response.WillClose);
        }

        [TestMethod]
        public void FinalStatusFirstSkipsTheBodyAndClosesAfterwards()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0,
                "HTTP/1.1 401 Unauthorized\r\nContent-Length: 6\r\n\r\ndenied",
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            HttpConnection connection = Connection(factory);
            connection.Request("POST", "/upload", TestBytes.Of("data"));
            HttpResponse response = connection.GetResponse();
            Assert.AreEqual(401, response.Status);
            Assert.IsTrue(response.WillClose);
            Assert.AreEqual("denied", TestBytes.Text(response.Read()));
            Assert.AreEqual(Head, factory.Transport(0).SentText);
            Assert.IsTrue(factory.Transport(0).IsClosed);
            connection.Request("GET", "/");
            Assert.AreEqual(200, connection.GetResponse().Status);
            Assert.AreEqual(2, factory.Opened);
        }

        [TestMethod]
        public void SilenceSendsTheBodyAfterTheTimeout()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            factory.Transport(0).QuietUntilSent = Head.Length + 4;
            HttpConnection connection = Connection(factory);
            connection.Request("POST", "/upload", "data");
            Assert.AreEqual(Head + "data", factory.Transport(0).SentText);
            Assert.AreEqual(200, connection.GetResponse().Status);
            Assert.AreEqual(1, factory.Transport(0).PollCalls);
            Assert.AreEqual(50, factory.Transport(0).LastPollWait);
        }

        // 0 or less: only a check for an answer already there, then the body.
        [DataRow(0)]
        [DataRow(-1)]
        public void NoContinueTimeoutSendsTheBodyWithoutWaiting(int timeout)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            factory.Transport(0).QuietUntilSent = Head.Length + 4;
            HttpConnection connection = Connection(factory);
            connection.ContinueTimeout = timeout;
            connection.Request("POST", "/upload", "data");
            Assert.AreEqual(Head + "data", factory.Transport(0).SentText);
            Assert.AreEqual(1, factory.Transport(0).PollCalls);
            Assert.AreEqual(0, factory.Transport(0).LastPollWait);
            Assert.AreEqual(200, connection.GetResponse().Status);
        }

        [TestMethod]
        public void RequestsWithoutBodyOrWithOwnExpectAreUnchanged()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            HttpConnection connection = Connection(factory);
            connection.Request("GET", "/");
            connection.GetResponse();
            factory.Transport(0).Append(TestBytes.Of("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
            Assert.AreEqual(-1, factory.Transport(0).SentText.IndexOf("Expect"));
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Expect", "100-continue");
            connection.Request("POST", "/", TestBytes.Of("x"), headers);
            Assert.IsTrue(factory.Transport(0).SentText.EndsWith("Expect: 100-continue\r\n\r\nx"));
            Assert.AreEqual(0, factory.Transport(0).PollCalls);
        }
    }
}
