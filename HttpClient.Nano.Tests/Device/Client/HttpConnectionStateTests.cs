using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpConnectionStateTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

        [TestMethod]
        public void PutRequestTwiceIsCannotSendRequest()
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, Ok));
            connection.PutRequest("GET", "/");
            Assert.ThrowsException(typeof(CannotSendRequestException), () => connection.PutRequest("GET", "/"));
        }

        [TestMethod]
        public void PutHeaderBeforePutRequestIsCannotSendHeader()
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, Ok));
            Assert.ThrowsException(typeof(CannotSendHeaderException), () => connection.PutHeader("A", "b"));
            Assert.ThrowsException(typeof(CannotSendHeaderException), () => connection.EndHeaders());
        }

        [TestMethod]
        public void PutHeaderAfterEndHeadersIsCannotSendHeader()
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, Ok));
            connection.PutRequest("GET", "/");
            connection.EndHeaders();
            Assert.ThrowsException(typeof(CannotSendHeaderException), () => connection.PutHeader("A", "b"));
        }

        [TestMethod]
        public void GetResponseWithoutRequestIsResponseNotReady()
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, Ok));
            Assert.ThrowsException(typeof(ResponseNotReadyException), () => connection.GetResponse());
            connection.PutRequest("GET", "/");
            Assert.ThrowsException(typeof(ResponseNotReadyException), () => connection.GetResponse());
        }

        [TestMethod]
        public void GetResponseWhilePreviousIsUnreadIsResponseNotReady()
        {
            // The second request goes out while the first body is unread: its answer, behind
            // the first response, was asked for and is read once the first is done.
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok + Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            HttpResponse first = connection.GetResponse();
            connection.Request("GET", "/");
            Assert.ThrowsException(typeof(ResponseNotReadyException), () => connection.GetResponse());
            Assert.AreEqual("ok", TestBytes.Text(first.Read()));
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(1, factory.Opened);
        }

        [TestMethod]
        public void FullCycleReturnsToIdle()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            for (int i = 0; i < 2; i++)
            {
                if (i > 0)
                {
                    factory.Transport(0).Append(TestBytes.Of(Ok));
                }

                connection.PutRequest("GET", "/");
                connection.PutHeader("X-Round", i);
                connection.EndHeaders();
                HttpResponse response = connection.GetResponse();
                Assert.AreEqual(200, response.Status);
                Assert.AreEqual("ok", TestBytes.Text(response.Read()));
            }

            string second = "GET / HTTP/1.1\r\nHost: example.com\r\nAccept-Encoding: identity\r\nX-Round: 1\r\n\r\n";
            Assert.IsTrue(factory.Transport(0).SentText.EndsWith(second));
            Assert.AreEqual(second.Length * 2, factory.Transport(0).SentCount);
        }

        [TestMethod]
        public void InvalidMethodLeavesConnectionIdle()
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, Ok));
            Assert.ThrowsException(typeof(ArgumentException), () => connection.PutRequest("GET\r\n", "/"));
            Assert.ThrowsException(typeof(InvalidUrlException), () => connection.Request("GET", "/a b"));
            connection.Request("GET", "/");
            Assert.AreEqual(200, connection.GetResponse().Status);
        }

        [TestMethod]
        public void RejectedHeaderInRequestLeavesConnectionIdle()
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, Ok));
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Bad", "a\r\nInjected: yes");
            Assert.ThrowsException(typeof(ArgumentException), () => connection.Request("GET", "/", headers));
            connection.Request("GET", "/");
            Assert.AreEqual(200, connection.GetResponse().Status);
        }

        [TestMethod]
        public void StreamPositionedPastItsEndLeavesConnectionIdle()
        {
            // One and two bytes past the end too: their lengths, -1 and -2, are not taken for
            // "no body" or "unknown length".
            int[] positions = new int[] { 4, 5, 8 };
            for (int i = 0; i < positions.Length; i++)
            {
                HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, Ok));
                BodyStream body = new BodyStream(TestBytes.Of("abc"), true, false);
                body.Position = positions[i];
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => connection.Request("PUT", "/", body));
                connection.Request("GET", "/");
                Assert.AreEqual(200, connection.GetResponse().Status);
            }
        }
    }
}
