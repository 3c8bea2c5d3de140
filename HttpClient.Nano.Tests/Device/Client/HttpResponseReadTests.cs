using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpResponseReadTests
    {
        private static HttpResponse Get(string script, int pieceSize)
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(pieceSize, script));
            connection.Request("GET", "/");
            return connection.GetResponse();
        }

        [DataRow(0)]
        [DataRow(1)]
        public void ReadReturnsTheWholeBodyAndClosesTheResponse(int pieceSize)
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", pieceSize);
            Assert.AreEqual(11, response.Version);
            Assert.AreEqual(200, response.Status);
            Assert.AreEqual("OK", response.Reason);
            Assert.AreEqual(5L, response.Length);
            Assert.IsFalse(response.IsClosed);
            Assert.AreEqual("hello", TestBytes.Text(response.Read()));
            Assert.IsTrue(response.IsClosed);
            Assert.AreEqual(0L, response.Length);
            Assert.AreEqual(0, response.Read().Length);
        }

        [DataRow(0)]
        [DataRow(1)]
        public void ReadAmountIsClippedAndReadZeroKeepsTheResponseOpen(int pieceSize)
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", pieceSize);
            Assert.AreEqual(0, response.Read(0).Length);
            Assert.IsFalse(response.IsClosed);
            Assert.AreEqual("hel", TestBytes.Text(response.Read(3)));
            Assert.AreEqual(2L, response.Length);
            Assert.AreEqual("lo", TestBytes.Text(response.Read(100)));
            Assert.IsTrue(response.IsClosed);
        }

        [TestMethod]
        public void FullReadOfShortBodyIsIncompleteReadWithPartialBytes()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nHello\r\n", 0);
            try
            {
                response.Read();
                Assert.IsTrue(false, "expected IncompleteReadException");
            }
            catch (IncompleteReadException e)
            {
                Assert.AreEqual("Hello\r\n", TestBytes.Text(e.Partial));
                Assert.AreEqual(3L, e.Expected);
                Assert.AreEqual("7 bytes read, 3 more expected", e.Message);
            }

            Assert.IsTrue(response.IsClosed);
        }

        [TestMethod]
        public void PartialReadsOfShortBodyReturnWhatArrivedThenNothing()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nText", 0);
            Assert.AreEqual("Te", TestBytes.Text(response.Read(2)));
            Assert.AreEqual("xt", TestBytes.Text(response.Read(2)));
            Assert.AreEqual(0, response.Read(2).Length);
            Assert.IsTrue(response.IsClosed);
        }

        [TestMethod]
        public void HugeContentLengthWithShortBodyDoesNotAllocateItsSize()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nabc", 0);
            Assert.AreEqual(9223372036854775807L, response.Length);
            try
            {
                response.Read();
                Assert.IsTrue(false, "expected IncompleteReadException");
            }
            catch (IncompleteReadException e)
            {
                Assert.AreEqual("abc", TestBytes.Text(e.Partial));
                Assert.AreEqual(9223372036854775804L, e.Expected);
            }
        }

        [DataRow(0)]
        [DataRow(1)]
        public void ChunkedBodyReadsThroughASmallBuffer(int pieceSize)
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n", pieceSize);
            Assert.AreEqual(-1L, response.Length);
            byte[] buffer = new byte[4];
            string body = "";
            int read;
            while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
            {
                body += TestBytes.Text(buffer, 0, read);
            }

            Assert.AreEqual("hello, world", body);
            Assert.IsTrue(response.IsClosed);
        }

        [TestMethod]
        public void InvalidChunkSizeIsIncompleteReadWithTheDataSoFar()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nxyz\r\n", 0);
            try
            {
                response.Read();
                Assert.IsTrue(false, "expected IncompleteReadException");
            }
            catch (IncompleteReadException e)
            {
                Assert.AreEqual("hello", TestBytes.Text(e.Partial));
            }

            Assert.IsTrue(response.IsClosed);
        }

        [TestMethod]
        public void ChunkedBodyCutShortIsIncompleteRead()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nhello", 0);
            Assert.ThrowsException(typeof(IncompleteReadException), () => response.Read());
        }

        [TestMethod]
        public void ResponseToHeadHasNoBodyEvenWithFramingHeaders()
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(0, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            connection.Request("HEAD", "/");
            HttpResponse response = connection.GetResponse();
            Assert.IsTrue(response.IsClosed);
            Assert.AreEqual(0, response.Read().Length);
        }

        [DataRow(204)]
        [DataRow(304)]
        public void NoContentStatusesHaveNoBody(int status)
        {
            HttpResponse response = Get("HTTP/1.1 " + status.ToString() + " X\r\nContent-Length: 5\r\n\r\n", 0);
            Assert.AreEqual(status, response.Status);
            Assert.IsTrue(response.IsClosed);
            Assert.AreEqual(0, response.Read().Length);
        }

        [TestMethod]
        public void CloseDelimitedBodyEndsAtEndOfStream()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\n\r\nuntil the end", 1);
            Assert.AreEqual(-1L, response.Length);
            Assert.IsTrue(response.WillClose);
            Assert.AreEqual("until the end", TestBytes.Text(response.Read()));
            Assert.IsTrue(response.IsClosed);
        }

        [TestMethod]
        public void HeadersAreLookedUpJoinedAndListedInOrder()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nContent-Length: 0\r\nset-cookie: b=2\r\n\r\n", 0);
            Assert.AreEqual("a=1, b=2", response.GetHeader("SET-COOKIE"));
            Assert.IsNull(response.GetHeader("X-Missing"));
            Assert.AreEqual("fallback", response.GetHeader("X-Missing", "fallback"));
            HttpHeader[] fields = response.GetHeaders();
            Assert.AreEqual(3, fields.Length);
            Assert.AreEqual("set-cookie", fields[2].Name);
            Assert.AreEqual("b=2", fields[2].Value);
            Assert.AreEqual("0", response.Headers["content-length"]);
        }

        [TestMethod]
        public void InterimContinueIsSkipped()
        {
            HttpResponse response = Get("HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 1);
            Assert.AreEqual(200, response.Status);
            Assert.IsNull(response.GetHeader("X-Interim"));
            Assert.AreEqual("ok", TestBytes.Text(response.Read()));
        }

        [TestMethod]
        public void BadStatusLineClosesTheSocket()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "garbage\r\n\r\n");
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            Assert.ThrowsException(typeof(BadStatusLineException), () => connection.GetResponse());
            Assert.IsTrue(factory.Transport(0).IsClosed);
        }

        [TestMethod]
        public void ReadIntoValidatesItsArguments()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 0);
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => response.ReadInto(null, 0, 1));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => response.ReadInto(new byte[2], 1, 2));
            Assert.AreEqual(0, response.ReadInto(new byte[2], 0, 0));
            Assert.IsFalse(response.IsClosed);
        }
    }
}
