using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// HttpConnection against Kestrel on loopback: body framings read every way the API offers,
    /// bodiless responses, request bodies of each kind with the framing Kestrel saw, the
    /// automatic request headers, and connection reuse counted by the server.
    /// </summary>
    public sealed class KestrelTests : IClassFixture<KestrelServer>
    {
        private readonly KestrelServer _server;

        public KestrelTests(KestrelServer server)
        {
            _server = server;
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(1000)]
        [InlineData(100000)]
        public void ContentLengthBodyReadWhole(int size)
        {
            using HttpConnection connection = Connect();
            connection.Request("GET", "/content-length?size=" + size);
            HttpResponse response = connection.GetResponse();
            Assert.Equal(200, response.Status);
            Assert.Equal(11, response.Version);
            Assert.Equal("OK", response.Reason);
            Assert.Equal(size, response.Length);
            Assert.False(response.WillClose);
            Assert.Equal(size.ToString(), response.GetHeader("content-length"));
            byte[] body = response.Read();
            Assert.Equal(size, body.Length);
            Assert.True(BodyPattern.Matches(body));
            Assert.True(response.IsClosed);
            Assert.Equal(0, response.Length);
            Assert.Empty(response.Read());
        }

        [Theory]
        [InlineData(0, 1000)]
        [InlineData(1, 1)]
        [InlineData(5000, 1000)]
        [InlineData(5000, 1)]
        [InlineData(300000, 65536)]
        public void ChunkedBodyReadWhole(int size, int chunk)
        {
            using HttpConnection connection = Connect();
            connection.Request("GET", "/chunked?size=" + size + "&chunk=" + chunk);
            HttpResponse response = connection.GetResponse();
            Assert.Equal(200, response.Status);
            Assert.Equal("chunked", response.GetHeader("Transfer-Encoding"));
            Assert.Null(response.GetHeader("Content-Length"));
            Assert.Equal(-1, response.Length);
            byte[] body = response.Read();
            Assert.Equal(size, body.Length);
            Assert.True(BodyPattern.Matches(body));
            Assert.True(response.IsClosed);
        }

        [Theory]
        [InlineData("/chunked?size=10000&chunk=1000", 333)]
        [InlineData("/chunked?size=10000&chunk=7", 1000)]
        [InlineData("/content-length?size=10000", 333)]
        [InlineData("/content-length?size=999", 1)]
        public void ReadOfNWaitsForNBytesUntilTheLastPiece(string path, int n)
        {
            int size = int.Parse(path.Substring(path.IndexOf("size=") + 5).Split('&')[0]);
            using HttpConnection connection = Connect();
            connection.Request("GET", path);
            HttpResponse response = connection.GetResponse();
            MemoryStream all = new MemoryStream();
            List<int> pieces = new List<int>();
            while (true)
            {
                byte[] piece = response.Read(n);
                if (piece.Length == 0)
                {
                    break;
                }

                pieces.Add(piece.Length);
                all.Write(piece);
            }

            Assert.Equal(size, all.Length);
            Assert.True(BodyPattern.Matches(all.ToArray()));
            for (int i = 0; i < pieces.Count - 1; i++)
            {
                Assert.Equal(n, pieces[i]);
            }

            Assert.Equal(size % n == 0 ? n : size % n, pieces[^1]);
            Assert.True(response.IsClosed);
        }

        [Theory]
        [InlineData("/chunked?size=20000&chunk=1000", 20000, 64)]
        [InlineData("/chunked?size=20000&chunk=3", 20000, 64)]
        [InlineData("/chunked?size=70000&chunk=65536", 70000, 100)]
        [InlineData("/content-length?size=70000", 70000, 100)]
        public void ReadIntoThroughASmallBufferKeepsTheRestOfTheBufferUntouched(string path, int size, int window)
        {
            using HttpConnection connection = Connect();
            connection.Request("GET", path);
            HttpResponse response = connection.GetResponse();
            byte[] buffer = new byte[window + 10];
            long position = 0;
            int calls = 0;
            while (true)
            {
                Array.Fill(buffer, (byte)0xEE);
                int read = response.ReadInto(buffer, 5, window);
                if (read == 0)
                {
                    break;
                }

                calls++;
                Assert.InRange(read, 1, window);
                Assert.Equal(-1, BodyPattern.FirstMismatch(buffer, 5, read, position));
                Assert.All(buffer[..5], b => Assert.Equal(0xEE, b));
                Assert.All(buffer[(5 + read)..], b => Assert.Equal(0xEE, b));
                position += read;
            }

            Assert.Equal(size, position);
            Assert.True(calls >= size / window);
            Assert.True(response.IsClosed);
            Assert.Equal(0, response.ReadInto(buffer, 0, 10));
        }

        [Fact]
        public void HeadGetsHeadersWithoutBodyAndTheConnectionStaysInSync()
        {
            using HttpConnection connection = Connect();
            int accepted = _server.AcceptedConnections;
            connection.Request("HEAD", "/head?size=5000");
            HttpResponse head = connection.GetResponse();
            Assert.Equal(200, head.Status);
            Assert.Equal("5000", head.GetHeader("Content-Length"));
            Assert.Equal("yes", head.GetHeader("X-Head"));
            Assert.Equal(0, head.Length);
            Assert.True(head.IsClosed);
            Assert.Empty(head.Read());

            connection.Request("HEAD", "/chunked?size=5000");
            HttpResponse chunkedHead = connection.GetResponse();
            Assert.Equal(200, chunkedHead.Status);
            Assert.True(chunkedHead.IsClosed);
            Assert.Empty(chunkedHead.Read());

            // Had the client waited for 5000 body bytes, this would hang or read garbage.
            connection.Request("GET", "/content-length?size=10");
            Assert.True(BodyPattern.Matches(connection.GetResponse().Read()));
            Assert.Equal(accepted + 1, _server.AcceptedConnections);
        }

        [Theory]
        [InlineData(204)]
        [InlineData(304)]
        public void NoContentAndNotModifiedHaveNoBodyAndKeepTheConnection(int status)
        {
            using HttpConnection connection = Connect();
            int accepted = _server.AcceptedConnections;
            for (int i = 0; i < 3; i++)
            {
                connection.Request("GET", "/status/" + status);
                HttpResponse response = connection.GetResponse();
                Assert.Equal(status, response.Status);
                Assert.Equal(status == 204 ? "No Content" : "Not Modified", response.Reason);
                Assert.True(response.IsClosed);
                Assert.False(response.WillClose);
                Assert.Equal(0, response.Length);
                Assert.Empty(response.Read());
                Assert.Equal(status == 304 ? "\"v1\"" : null, response.GetHeader("ETag"));
            }

            connection.Request("GET", "/status/404");
            HttpResponse notFound = connection.GetResponse();
            Assert.Equal(404, notFound.Status);
            Assert.Equal("status 404\n", Encoding.ASCII.GetString(notFound.Read()));
            Assert.Equal(accepted + 1, _server.AcceptedConnections);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(10)]
        [InlineData(1000)]
        [InlineData(200000)]
        public void ByteArrayBodyGoesWithContentLength(int size)
        {
            using HttpConnection connection = Connect();
            byte[] sent = BodyPattern.Make(size);
            connection.Request("POST", "/echo", sent);
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "POST", size.ToString(), "none", size);
            Assert.Equal(sent, response.Read());
        }

        [Fact]
        public void NullBodyOfAPutIsContentLengthZero()
        {
            using HttpConnection connection = Connect();
            connection.Request("PUT", "/echo", (byte[])null);
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "PUT", "0", "none", 0);
            Assert.Empty(response.Read());
            connection.Request("GET", "/echo");
            AssertFraming(connection.GetResponse(), "GET", "none", "none", 0);
        }

        [Theory]
        [InlineData("hello")]
        [InlineData("h\u00e9llo w\u00f6rld \u20ac \U0001D11E")]
        [InlineData("")]
        public void StringBodyIsUtf8WithItsEncodedLength(string text)
        {
            using HttpConnection connection = Connect();
            byte[] expected = Encoding.UTF8.GetBytes(text);
            connection.Request("POST", "/echo", text);
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "POST", expected.Length.ToString(), "none", expected.Length);
            Assert.Equal(expected, response.Read());
        }

        [Theory]
        [InlineData(16)]
        [InlineData(1024)]
        [InlineData(1025)]
        public void LongStringBodyCrossesBlocksWithoutSplittingCharacters(int blockSize)
        {
            // 1, 2, 3 and 4 byte sequences (a surrogate pair) in a run that does not line up
            // with any block size, so block ends fall inside every kind of character.
            StringBuilder builder = new StringBuilder();
            for (int i = 0; i < 997; i++)
            {
                builder.Append("a\u00e9\u20ac\U0001D11E");
            }

            string text = builder.ToString();
            byte[] expected = Encoding.UTF8.GetBytes(text);
            using HttpConnection connection = Connect();
            connection.BlockSize = blockSize;
            connection.Request("POST", "/echo", text);
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "POST", expected.Length.ToString(), "none", expected.Length);
            Assert.Equal(expected, response.Read());
        }

        [Fact]
        public void StringBodyWithChunkedHeaderAndEncodeChunkedGoesInChunks()
        {
            using HttpConnection connection = Connect();
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Transfer-Encoding", "chunked");
            string text = new string('x', 3000) + "\u20ac";
            connection.Request("POST", "/echo", text, headers, true);
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "POST", "none", "chunked", 3003);
            Assert.Equal(Encoding.UTF8.GetBytes(text), response.Read());
        }

        [Theory]
        [InlineData(0, 0)]
        [InlineData(100000, 0)]
        [InlineData(100000, 777)]
        public void SeekableStreamBodyGoesWithContentLengthOfWhatIsLeft(int size, int startAt)
        {
            using HttpConnection connection = Connect();
            MemoryStream stream = new MemoryStream(BodyPattern.Make(size));
            stream.Position = startAt;
            int expected = size - startAt;
            connection.Request("PUT", "/echo", stream);
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "PUT", expected.ToString(), "none", expected);
            byte[] body = response.Read();
            Assert.Equal(expected, body.Length);
            Assert.Equal(-1, BodyPattern.FirstMismatch(body, 0, body.Length, startAt));
        }

        [Theory]
        [InlineData(0, 1024)]
        [InlineData(1, 1024)]
        [InlineData(100000, 1024)]
        [InlineData(100000, 100)]
        public void NonSeekableStreamBodyGoesChunked(int size, int maxRead)
        {
            using HttpConnection connection = Connect();
            PatternStream stream = new PatternStream(size, false, maxRead);
            connection.Request("POST", "/echo", stream);
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "POST", "none", "chunked", size);
            byte[] body = response.Read();
            Assert.Equal(size, body.Length);
            Assert.True(BodyPattern.Matches(body));
            // Read in blocks of at most BlockSize until a read returns 0.
            Assert.True(stream.Reads >= size / Math.Min(maxRead, connection.BlockSize) + 1);
        }

        [Fact]
        public void AutomaticHeadersAndCustomHeadersReachTheServer()
        {
            using HttpConnection connection = Connect();
            HttpHeaders headers = new HttpHeaders();
            headers.Add("X-Custom", "one");
            headers.Add("X-Other", "two words");
            connection.Request("GET", "/headers", headers);
            string[] lines = Lines(connection.GetResponse());
            Assert.Contains("Host: 127.0.0.1:" + _server.Port, lines);
            Assert.Contains("Accept-Encoding: identity", lines);
            Assert.Contains("X-Custom: one", lines);
            Assert.Contains("X-Other: two words", lines);
            Assert.Equal(1, Count(lines, "Host:"));
            Assert.Equal(1, Count(lines, "Accept-Encoding:"));
        }

        [Fact]
        public void CallerHostAndAcceptEncodingReplaceTheAutomaticOnes()
        {
            using HttpConnection connection = Connect();
            HttpHeaders headers = new HttpHeaders();
            headers.Add("host", "example.test");
            headers.Add("ACCEPT-ENCODING", "gzip");
            connection.Request("GET", "/headers", headers);
            string[] lines = Lines(connection.GetResponse());
            Assert.Contains("Host: example.test", lines);
            Assert.Contains("Accept-Encoding: gzip", lines);
            Assert.Equal(1, Count(lines, "Host:"));
            Assert.Equal(1, Count(lines, "Accept-Encoding:"));
        }

        [Fact]
        public void PutRequestPutHeaderEndHeadersAndSendMakeARequest()
        {
            using HttpConnection connection = Connect();
            connection.PutRequest("POST", "/echo");
            connection.PutHeader("Content-Length", 11);
            connection.PutHeader("X-Number", 42);
            connection.EndHeaders(Encoding.ASCII.GetBytes("hello"));
            connection.Send(Encoding.ASCII.GetBytes(" world"));
            HttpResponse response = connection.GetResponse();
            AssertFraming(response, "POST", "11", "none", 11);
            Assert.Equal("hello world", Encoding.ASCII.GetString(response.Read()));
        }

        [Fact]
        public void ManyRequestsOfEveryKindShareOneConnection()
        {
            using HttpConnection connection = Connect();
            int accepted = _server.AcceptedConnections;
            int requests = _server.Requests;
            const int Rounds = 10;
            for (int i = 0; i < Rounds; i++)
            {
                connection.Request("GET", "/content-length?size=" + (i * 100));
                Assert.Equal(i * 100, connection.GetResponse().Read().Length);
                connection.Request("GET", "/chunked?size=" + (i * 333) + "&chunk=100");
                Assert.True(BodyPattern.Matches(connection.GetResponse().Read()));
                connection.Request("GET", "/status/204");
                Assert.Equal(204, connection.GetResponse().Status);
                connection.Request("HEAD", "/head?size=100");
                Assert.Empty(connection.GetResponse().Read());
                connection.Request("POST", "/echo", new PatternStream(i * 500, false));
                Assert.Equal(i * 500, connection.GetResponse().Read().Length);
            }

            Assert.Equal(requests + (Rounds * 5), _server.Requests);
            Assert.Equal(accepted + 1, _server.AcceptedConnections);
        }

        [Fact]
        public void ConnectionCloseResponseEndsTheSocketAndTheNextRequestReconnects()
        {
            using HttpConnection connection = Connect();
            int accepted = _server.AcceptedConnections;
            connection.Request("GET", "/close");
            HttpResponse closing = connection.GetResponse();
            Assert.True(closing.WillClose);
            Assert.Equal("closing\n", Encoding.ASCII.GetString(closing.Read()));
            Assert.True(closing.IsClosed);
            Assert.Equal(0, OpenSockets.To(_server.Port));

            connection.Request("GET", "/content-length?size=3");
            Assert.Equal(3, connection.GetResponse().Read().Length);
            Assert.Equal(accepted + 2, _server.AcceptedConnections);
        }

        [Fact]
        public void UnreadBodyClosedEarlyCostsTheConnection()
        {
            using HttpConnection connection = Connect();
            int accepted = _server.AcceptedConnections;
            connection.Request("GET", "/content-length?size=100000");
            HttpResponse response = connection.GetResponse();
            Assert.Equal(100, response.Read(100).Length);
            response.Close();
            Assert.True(response.IsClosed);
            connection.Request("GET", "/content-length?size=10");
            Assert.True(BodyPattern.Matches(connection.GetResponse().Read()));
            Assert.Equal(accepted + 2, _server.AcceptedConnections);
        }

        [Fact]
        public void NextRequestMayGoOutBeforeTheBodyIsReadButItsResponseWaits()
        {
            // As in CPython: the request is sent (pipelined), GetResponse refuses until the
            // previous body was read, and the two responses stay apart on the one connection.
            using HttpConnection connection = Connect();
            int accepted = _server.AcceptedConnections;
            connection.Request("GET", "/content-length?size=10");
            HttpResponse first = connection.GetResponse();
            connection.Request("GET", "/chunked?size=7&chunk=3");
            Assert.Throws<ResponseNotReadyException>(() => connection.GetResponse());
            Assert.Throws<CannotSendRequestException>(() => connection.Request("GET", "/content-length?size=1"));
            Assert.True(BodyPattern.Matches(first.Read()));
            Assert.True(first.IsClosed);
            HttpResponse second = connection.GetResponse();
            Assert.Equal("chunked", second.GetHeader("Transfer-Encoding"));
            byte[] body = second.Read();
            Assert.Equal(7, body.Length);
            Assert.True(BodyPattern.Matches(body));
            Assert.Equal(accepted + 1, _server.AcceptedConnections);
        }

        // The host has the memory for whole-body reads of the large test files.
        private HttpConnection Connect() => new HttpConnection(_server.Host, _server.Port, 5000) { Limits = new HttpLimits { MaxReadBytes = 1 << 20 } };

        private static void AssertFraming(HttpResponse response, string method, string contentLength, string transferEncoding, int bodyLength)
        {
            Assert.Equal(200, response.Status);
            Assert.Equal(method, response.GetHeader("X-Request-Method"));
            Assert.Equal(contentLength, response.GetHeader("X-Request-Content-Length"));
            Assert.Equal(transferEncoding, response.GetHeader("X-Request-Transfer-Encoding"));
            Assert.Equal(bodyLength.ToString(), response.GetHeader("X-Request-Body-Length"));
        }

        private static string[] Lines(HttpResponse response)
        {
            Assert.Equal(200, response.Status);
            return Encoding.UTF8.GetString(response.Read()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        private static int Count(string[] lines, string prefix)
        {
            int count = 0;
            foreach (string line in lines)
            {
                if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    count++;
                }
            }

            return count;
        }
    }
}
