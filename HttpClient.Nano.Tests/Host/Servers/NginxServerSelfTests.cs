using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>Proves <see cref="NginxServer"/> serves what it documents and counts connections.</summary>
    public sealed class NginxServerSelfTests : IClassFixture<NginxServer>
    {
        private readonly NginxServer _server;

        public NginxServerSelfTests(NginxServer server)
        {
            _server = server;
        }

        [Theory]
        [InlineData("/100.bin")]
        [InlineData("/64k.bin")]
        [InlineData("/1m.bin")]
        public void StaticFilesHaveContentLengthAndPatternBodies(string path)
        {
            int size = NginxServer.Files[path];
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
            Assert.Contains("\r\nContent-Length: " + size + "\r\n", head);
            Assert.Contains("\r\nConnection: keep-alive\r\n", head);
            Assert.True(BodyPattern.Matches(client.ReadExactly(size)));
        }

        [Fact]
        public void NoContentIs204WithoutBodyOnAKeptConnection()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET /nocontent HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.StartsWith("HTTP/1.1 204 No Content\r\n", head);
            Assert.DoesNotContain("Content-Length", head);
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", client.Send("GET /hello.txt HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead());
            Assert.Equal("hello\n", Encoding.Latin1.GetString(client.ReadExactly(6)));
        }

        [Fact]
        public void ChunkedHtmlIsSentInChunks()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET /chunked.html HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.Contains("\r\nTransfer-Encoding: chunked\r\n", head);
            List<int> sizes = new List<int>();
            Assert.Equal(NginxServer.ChunkedBody, client.ReadChunkedBody(sizes));
            Assert.Equal(new[] { 6, 100, 5 }, sizes);
        }

        [Fact]
        public void GzipTextIsChunkedWhenCompressionIsAccepted()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET /gzip/text.txt HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n").ReadHead();
            Assert.Contains("\r\nTransfer-Encoding: chunked\r\n", head);
            Assert.Contains("\r\nContent-Encoding: gzip\r\n", head);
            using GZipStream gzip = new GZipStream(new MemoryStream(client.ReadChunkedBody()), CompressionMode.Decompress);
            using StreamReader text = new StreamReader(gzip, Encoding.Latin1);
            Assert.Equal(NginxServer.GzipText, text.ReadToEnd());
        }

        [Theory]
        [InlineData("Content-Length: 5\r\n\r\nhello")]
        [InlineData("Transfer-Encoding: chunked\r\n\r\n2\r\nhe\r\n3\r\nllo\r\n0\r\n\r\n")]
        public void UploadReportsTheBodyLength(string framingAndBody)
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("POST /upload HTTP/1.1\r\nHost: t\r\n" + framingAndBody).ReadHead();
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
            Assert.Contains("\r\nContent-Length: 11\r\n", head);
            Assert.Equal("received 5\n", Encoding.Latin1.GetString(client.ReadExactly(11)));
        }

        [Fact]
        public void UploadAnswersExpectContinue()
        {
            using RawClient client = new RawClient(_server.Port);
            client.Send("PUT /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
            Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", client.ReadHead());
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", client.Send("ok").ReadHead());
        }

        [Fact]
        public void AccessLogShowsKeepAliveReuseAndSeparateConnections()
        {
            string tag = NginxServer.NewTag();
            using (RawClient client = new RawClient(_server.Port))
            {
                for (int i = 0; i < 3; i++)
                {
                    client.Send("GET /hello.txt" + tag + " HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
                    client.ReadExactly(6);
                }
            }

            for (int i = 0; i < 2; i++)
            {
                using RawClient client = new RawClient(_server.Port);
                client.Send("GET /hello.txt" + tag + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").ReadToEnd();
            }

            IReadOnlyList<NginxLogEntry> mine = _server.WaitForAccessLog(5, tag);
            Assert.Equal(3, NginxLogEntry.CountConnections(mine));
            Assert.Equal(new[] { 1, 2, 3, 1, 1 }, mine.Select(e => e.ConnectionRequests));
            Assert.All(mine, e => Assert.Equal("/hello.txt" + tag, e.Uri));
            Assert.Equal(mine[0].Connection, mine[2].Connection);
        }

        [Fact]
        public async Task HttpsAndExtraDirectivesWork()
        {
            var certificate = Tls.TestCertificates.Instance.Leaf;
            using NginxServer server = NginxServer.WithCertificate(certificate);
            using HttpClientHandler handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
            using HttpClient http = new HttpClient(handler);
            Assert.Equal("hello\n", await http.GetStringAsync(server.Url("/hello.txt")));
            using NginxServer custom = NginxServer.WithDirectives("location = /x { return 200 \"x\"; }");
            Assert.Equal("x", await http.GetStringAsync(custom.Url("/x")));
        }

        [Fact]
        public void DisposeStopsNginxAndDeletesItsPrefix()
        {
            NginxServer server = new NginxServer();
            int port = server.Port;
            string prefix = server.Prefix;
            server.Dispose();
            Assert.False(Directory.Exists(prefix));
            Assert.Throws<System.Net.Sockets.SocketException>(() => new RawClient(port).Dispose());
        }
    }
}
