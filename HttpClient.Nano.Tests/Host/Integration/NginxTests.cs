using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// HttpConnection against Debian's nginx on loopback: static files, 204, an SSI response
    /// that nginx sends chunked, gzip, uploads. nginx's access log numbers its connections, so
    /// keep-alive reuse is proved by the server, not by the client's own account.
    /// </summary>
    public sealed class NginxTests : IClassFixture<NginxServer>
    {
        private readonly NginxServer _server;

        public NginxTests(NginxServer server)
        {
            _server = server;
        }

        [Fact]
        public void StaticFilesOverOneKeptAliveConnection()
        {
            string tag = NginxServer.NewTag();
            string[] paths = { "/100.bin", "/64k.bin", "/1m.bin" };
            const int Rounds = 4;
            using (HttpConnection connection = Connect())
            {
                for (int round = 0; round < Rounds; round++)
                {
                    foreach (string path in paths)
                    {
                        connection.Request("GET", path + tag);
                        HttpResponse response = connection.GetResponse();
                        Assert.Equal(200, response.Status);
                        Assert.False(response.WillClose);
                        Assert.Equal(NginxServer.Files[path], response.Length);
                        Assert.Equal("keep-alive", response.GetHeader("Connection"));
                        byte[] body = response.Read();
                        Assert.Equal(NginxServer.Files[path], body.Length);
                        Assert.True(BodyPattern.Matches(body));
                    }
                }
            }

            IReadOnlyList<NginxLogEntry> mine = _server.WaitForAccessLog(Rounds * paths.Length, tag);
            Assert.Equal(Rounds * paths.Length, mine.Count);
            Assert.Equal(1, NginxLogEntry.CountConnections(mine));
            Assert.Equal(Enumerable.Range(1, mine.Count), mine.Select(e => e.ConnectionRequests));
            Assert.All(mine, e => Assert.Equal(200, e.Status));
            Assert.Equal(paths.Select(p => (long)NginxServer.Files[p]), mine.Take(3).Select(e => e.BodyBytesSent));
        }

        [Fact]
        public void StaticFileReadIntoASmallBufferMatchesThePattern()
        {
            using HttpConnection connection = Connect();
            connection.Request("GET", "/1m.bin");
            HttpResponse response = connection.GetResponse();
            byte[] buffer = new byte[1000];
            long position = 0;
            int read;
            while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
            {
                Assert.Equal(-1, BodyPattern.FirstMismatch(buffer, 0, read, position));
                position += read;
            }

            Assert.Equal(1024 * 1024, position);
        }

        [Fact]
        public void HeadOfAStaticFileHasItsLengthAndNoBody()
        {
            using HttpConnection connection = Connect();
            connection.Request("HEAD", "/64k.bin");
            HttpResponse head = connection.GetResponse();
            Assert.Equal(200, head.Status);
            Assert.Equal("65536", head.GetHeader("Content-Length"));
            Assert.True(head.IsClosed);
            Assert.Empty(head.Read());
            connection.Request("GET", "/hello.txt");
            Assert.Equal("hello\n", Encoding.ASCII.GetString(connection.GetResponse().Read()));
        }

        [Fact]
        public void NoContentHasNoBodyAndTheConnectionIsReused()
        {
            string tag = NginxServer.NewTag();
            using (HttpConnection connection = Connect())
            {
                for (int i = 0; i < 3; i++)
                {
                    connection.Request("GET", "/nocontent" + tag);
                    HttpResponse response = connection.GetResponse();
                    Assert.Equal(204, response.Status);
                    Assert.True(response.IsClosed);
                    Assert.Empty(response.Read());
                    connection.Request("GET", "/hello.txt" + tag);
                    Assert.Equal("hello\n", Encoding.ASCII.GetString(connection.GetResponse().Read()));
                }
            }

            IReadOnlyList<NginxLogEntry> mine = _server.WaitForAccessLog(6, tag);
            Assert.Equal(1, NginxLogEntry.CountConnections(mine));
            Assert.Equal(new[] { 204, 200, 204, 200, 204, 200 }, mine.Select(e => e.Status));
        }

        [Fact]
        public void SsiResponseIsChunkedAndDecodedEveryWay()
        {
            using HttpConnection connection = Connect();
            connection.Request("GET", "/chunked.html");
            HttpResponse whole = connection.GetResponse();
            Assert.Equal("chunked", whole.GetHeader("Transfer-Encoding"));
            Assert.Equal(-1, whole.Length);
            Assert.Equal(NginxServer.ChunkedBody, whole.Read());

            connection.Request("GET", "/chunked.html");
            HttpResponse pieces = connection.GetResponse();
            MemoryStream collected = new MemoryStream();
            byte[] piece;
            while ((piece = pieces.Read(7)).Length > 0)
            {
                collected.Write(piece);
            }

            Assert.Equal(NginxServer.ChunkedBody, collected.ToArray());

            connection.Request("GET", "/chunked.html");
            HttpResponse into = connection.GetResponse();
            byte[] buffer = new byte[3];
            collected.SetLength(0);
            int read;
            while ((read = into.ReadInto(buffer, 0, buffer.Length)) > 0)
            {
                collected.Write(buffer, 0, read);
            }

            Assert.Equal(NginxServer.ChunkedBody, collected.ToArray());
        }

        [Fact]
        public void GzipIsChunkedWhenAskedForAndPlainOtherwise()
        {
            using HttpConnection connection = Connect();
            HttpHeaders gzip = new HttpHeaders();
            gzip.Add("Accept-Encoding", "gzip");
            connection.Request("GET", "/gzip/text.txt", gzip);
            HttpResponse compressed = connection.GetResponse();
            Assert.Equal("gzip", compressed.GetHeader("Content-Encoding"));
            Assert.Equal("chunked", compressed.GetHeader("Transfer-Encoding"));
            using (StreamReader text = new StreamReader(new GZipStream(new MemoryStream(compressed.Read()), CompressionMode.Decompress), Encoding.Latin1))
            {
                Assert.Equal(NginxServer.GzipText, text.ReadToEnd());
            }

            // Without the header the client asks for identity, and nginx sends the text as is.
            connection.Request("GET", "/gzip/text.txt");
            HttpResponse plain = connection.GetResponse();
            Assert.Null(plain.GetHeader("Content-Encoding"));
            Assert.Equal(NginxServer.GzipText.Length, plain.Length);
            Assert.Equal(NginxServer.GzipText, Encoding.Latin1.GetString(plain.Read()));
        }

        [Theory]
        [InlineData(0, false)]
        [InlineData(1, false)]
        [InlineData(100000, false)]
        [InlineData(100000, true)]
        public void UploadOfAStreamBody(int size, bool seekable)
        {
            string tag = NginxServer.NewTag();
            using (HttpConnection connection = Connect())
            {
                connection.BlockSize = 4096;
                connection.Request("POST", "/upload" + tag, new PatternStream(size, seekable, 1000));
                HttpResponse response = connection.GetResponse();
                Assert.Equal(200, response.Status);
                Assert.Equal("received " + size + "\n", Encoding.ASCII.GetString(response.Read()));

                // The connection is in sync after the upload: a second one on it works.
                connection.Request("PUT", "/upload" + tag, new PatternStream(10, seekable));
                Assert.Equal("received 10\n", Encoding.ASCII.GetString(connection.GetResponse().Read()));
            }

            IReadOnlyList<NginxLogEntry> mine = _server.WaitForAccessLog(2, tag);
            Assert.Equal(1, NginxLogEntry.CountConnections(mine));
            Assert.Equal(new[] { "POST", "PUT" }, mine.Select(e => e.Method));
            // Request length counts head and body as sent: chunked framing makes it larger.
            Assert.True(mine[0].RequestLength > size);
        }

        [Fact]
        public void UploadOfAByteArrayAndAString()
        {
            using HttpConnection connection = Connect();
            connection.Request("PUT", "/upload", BodyPattern.Make(70000));
            Assert.Equal("received 70000\n", Encoding.ASCII.GetString(connection.GetResponse().Read()));
            connection.Request("POST", "/upload", "gr\u00fc\u00dfe");
            Assert.Equal("received 7\n", Encoding.ASCII.GetString(connection.GetResponse().Read()));
        }

        // The host has the memory for whole-body reads of the large test files.
        private HttpConnection Connect() => new HttpConnection(_server.Host, _server.Port, 5000) { Limits = new HttpLimits { MaxReadBytes = 1 << 20 } };
    }
}
