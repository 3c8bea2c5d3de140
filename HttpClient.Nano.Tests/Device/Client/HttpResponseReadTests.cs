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
        public void PartialReadsOfShortBodyReturnWhatArrivedThenRaise()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nText", 0);
            Assert.AreEqual("Te", TestBytes.Text(response.Read(2)));
            Assert.AreEqual("xt", TestBytes.Text(response.Read(2)));
            IncompleteReadException error = null;
            try
            {
                response.Read(2);
            }
            catch (IncompleteReadException e)
            {
                error = e;
            }

            Assert.IsNotNull(error);
            Assert.AreEqual(0, error.Partial.Length);
            Assert.AreEqual(6L, error.Expected);
            Assert.IsTrue(response.IsClosed);
            Assert.AreEqual(0, response.Read(2).Length);
        }

        [TestMethod]
        public void ReadIntoOfShortBodyReturnsWhatArrivedThenRaises()
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nText", 0);
            byte[] buffer = new byte[16];
            Assert.AreEqual(4, response.ReadInto(buffer, 0, 16));
            Assert.AreEqual("Text", TestBytes.Text(buffer, 0, 4));
            Assert.ThrowsException(typeof(IncompleteReadException), () => response.ReadInto(buffer, 0, 16));
            Assert.IsTrue(response.IsClosed);
            Assert.AreEqual(0, response.ReadInto(buffer, 0, 16));
        }

        [TestMethod]
        public void HugeContentLengthWithShortBodyDoesNotAllocateItsSize()
        {
            // Above MaxReadBytes: refused before anything is allocated or read.
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nabc", 0);
            Assert.AreEqual(9223372036854775807L, response.Length);
            try
            {
                response.Read();
                Assert.IsTrue(false, "expected ResponseTooLargeException");
            }
            catch (ResponseTooLargeException e)
            {
                Assert.AreEqual(0, e.Partial.Length);
                Assert.AreEqual(HttpLimits.DefaultMaxReadBytes, e.Limit);
            }

            Assert.IsTrue(response.IsClosed);

            // Streamed, the short body raises with what arrived.
            response = Get("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nabc", 0);
            try
            {
                response.Read(100);
                Assert.IsTrue(false, "expected IncompleteReadException");
            }
            catch (IncompleteReadException e)
            {
                Assert.AreEqual("abc", TestBytes.Text(e.Partial));
                Assert.AreEqual(9223372036854775804L, e.Expected);
            }

            Assert.IsTrue(response.IsClosed);
            Assert.AreEqual(9223372036854775804L, response.Length);
        }

        [DataRow(0)]
        [DataRow(1)]
        public void ShortKnownLengthBodyIsIncompleteReadWithThePartialBytes(int pieceSize)
        {
            HttpResponse response = Get("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", pieceSize);
            try
            {
                response.Read();
                Assert.IsTrue(false, "expected IncompleteReadException");
            }
            catch (IncompleteReadException e)
            {
                Assert.AreEqual("abc", TestBytes.Text(e.Partial));
                Assert.AreEqual(7L, e.Expected);
            }
        }

        [DataRow(0, 0)]
        [DataRow(0, 7)]
        [DataRow(1, 0)]
        [DataRow(1, 7)]
        public void AnnouncedLengthAboveMaxReadBytesIsRefusedAndCloses(int chunked, int pieceSize)
        {
            string head = chunked == 1
                ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n";
            string body = chunked == 1 ? "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n" : "hello world";
            string next = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(pieceSize, head + body + next, next);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Limits.MaxReadBytes = 8;
            connection.Request("GET", "/");
            HttpResponse response = connection.GetResponse();
            try
            {
                response.Read();
                Assert.IsTrue(false, "expected ResponseTooLargeException");
            }
            catch (ResponseTooLargeException e)
            {
                Assert.AreEqual(8, e.Limit);

                // Announced: nothing read; streamed: stopped one byte past the limit.
                Assert.AreEqual(chunked == 1 ? "hello wo" + "r" : "", TestBytes.Text(e.Partial));
            }

            Assert.IsTrue(response.IsClosed);
            Assert.IsTrue(response.WillClose);
            Assert.IsTrue(factory.Transport(0).IsClosed);

            // The connection is not reused: the next request opens a new socket.
            connection.Request("GET", "/");
            Assert.AreEqual("ok", TestBytes.Text(connection.GetResponse().Read()));
            Assert.AreEqual(2, factory.Opened);
        }

        [DataRow(0)]
        [DataRow(1)]
        public void BodyAtMaxReadBytesIsRead(int chunked)
        {
            string head = chunked == 1
                ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n";
            string body = chunked == 1 ? "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n" : "hello world";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, head + body);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Limits.MaxReadBytes = 11;
            connection.Request("GET", "/");
            Assert.AreEqual("hello world", TestBytes.Text(connection.GetResponse().Read()));
        }

        [TestMethod]
        public void CloseDelimitedBodyPastMaxReadBytesIsStopped()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(3, "HTTP/1.1 200 OK\r\n\r\n" + new string('x', 600));
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Limits.MaxReadBytes = 300;
            connection.Request("GET", "/");
            HttpResponse response = connection.GetResponse();
            ResponseTooLargeException error = null;
            try
            {
                response.Read();
            }
            catch (ResponseTooLargeException e)
            {
                error = e;
            }

            Assert.IsNotNull(error);
            Assert.AreEqual(301, error.Partial.Length);
            Assert.AreEqual(300, error.Limit);
            Assert.IsTrue(factory.Transport(0).IsClosed);
        }

        [TestMethod]
        public void LimitsChangedDuringAResponseApplyToTheNextOne()
        {
            string one = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, one, one);
            HttpConnection connection = ScriptedTransportFactory.Connection(factory);
            connection.Request("GET", "/");
            HttpResponse response = connection.GetResponse();
            connection.Limits.MaxReadBytes = 4;
            Assert.AreEqual("hello", TestBytes.Text(response.Read()));
            connection.Request("GET", "/");
            Assert.ThrowsException(typeof(ResponseTooLargeException), () => connection.GetResponse().Read());
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
