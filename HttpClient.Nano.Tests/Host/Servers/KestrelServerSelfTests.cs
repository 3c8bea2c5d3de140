using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>Proves every <see cref="KestrelServer"/> endpoint behaves as documented.</summary>
    public sealed class KestrelServerSelfTests : IClassFixture<KestrelServer>
    {
        private readonly KestrelServer _server;

        public KestrelServerSelfTests(KestrelServer server)
        {
            _server = server;
        }

        [Fact]
        public void ContentLengthSendsExactlyThatManyPatternBytes()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET /content-length?size=1000 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
            Assert.Contains("\r\nContent-Length: 1000\r\n", head);
            Assert.DoesNotContain("Transfer-Encoding", head);
            Assert.True(BodyPattern.Matches(client.ReadExactly(1000)));
        }

        [Fact]
        public void ChunkedSendsOneChunkPerFlush()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET /chunked?size=2500&chunk=1000 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.Contains("\r\nTransfer-Encoding: chunked\r\n", head);
            Assert.DoesNotContain("Content-Length", head);
            List<int> sizes = new List<int>();
            byte[] body = client.ReadChunkedBody(sizes);
            Assert.Equal(new[] { 1000, 1000, 500 }, sizes);
            Assert.Equal(2500, body.Length);
            Assert.True(BodyPattern.Matches(body));
        }

        [Fact]
        public void ChunkedWithSizeZeroSendsOnlyTheLastChunk()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET /chunked?size=0 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.Contains("\r\nTransfer-Encoding: chunked\r\n", head);
            Assert.Equal("0", client.ReadLine());
            Assert.Equal("", client.ReadLine());
        }

        [Fact]
        public void HeadAnswersWithHeadersOnlyAndKeepsTheConnection()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("HEAD /head?size=100 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.Contains("\r\nContent-Length: 100\r\n", head);
            Assert.Contains("\r\nX-Head: yes\r\n", head);
            // The next bytes on the connection are the next response, so HEAD sent no body.
            string second = client.Send("GET /status/404 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", second);
        }

        [Theory]
        [InlineData(204, "")]
        [InlineData(304, "")]
        [InlineData(404, "status 404\n")]
        [InlineData(500, "status 500\n")]
        public async Task StatusAnswersWithThatCode(int code, string body)
        {
            using HttpClient http = new HttpClient();
            using HttpResponseMessage response = await http.GetAsync(_server.Url("/status/" + code));
            Assert.Equal(code, (int)response.StatusCode);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task EchoReportsContentLengthFraming()
        {
            using HttpClient http = new HttpClient();
            using HttpResponseMessage response = await http.PostAsync(_server.Url("/echo"), new ByteArrayContent(Encoding.ASCII.GetBytes("hello")));
            Assert.Equal("5", Header(response, "X-Request-Content-Length"));
            Assert.Equal("none", Header(response, "X-Request-Transfer-Encoding"));
            Assert.Equal("POST", Header(response, "X-Request-Method"));
            Assert.Equal("hello", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public void EchoReportsChunkedFraming()
        {
            using RawClient client = new RawClient(_server.Port);
            client.Send("PUT /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
            string head = client.ReadHead();
            Assert.Contains("\r\nX-Request-Transfer-Encoding: chunked\r\n", head);
            Assert.Contains("\r\nX-Request-Content-Length: none\r\n", head);
            Assert.Contains("\r\nContent-Length: 5\r\n", head);
            Assert.Equal("abcde", Encoding.Latin1.GetString(client.ReadExactly(5)));
        }

        [Fact]
        public async Task HeadersListsTheRequestHeaders()
        {
            using HttpClient http = new HttpClient();
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, _server.Url("/headers"));
            request.Headers.Add("X-Custom", "abc def");
            using HttpResponseMessage response = await http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            Assert.Contains("X-Custom: abc def\n", text);
            Assert.Contains("Host: 127.0.0.1:" + _server.Port + "\n", text);
        }

        [Fact]
        public void ExpectSendsContinueBeforeReadingTheBody()
        {
            using RawClient client = new RawClient(_server.Port);
            client.Send("POST /expect HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", client.ReadHead());
            string head = client.Send("hello").ReadHead();
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
            Assert.Contains("\r\nX-Request-Expect: 100-continue\r\n", head);
            Assert.Equal("hello", Encoding.Latin1.GetString(client.ReadExactly(5)));
        }

        [Theory]
        [InlineData("/expect?reject=417", "HTTP/1.1 417 Expectation Failed\r\n")]
        [InlineData("/expect/auth", "HTTP/1.1 401 Unauthorized\r\n")]
        public void ExpectRejectsWithoutAskingForTheBody(string target, string statusLine)
        {
            using RawClient client = new RawClient(_server.Port);
            client.Send("POST " + target + " HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            string head = client.ReadHead();
            Assert.StartsWith(statusLine, head);
            Assert.Contains("\r\nX-Request-Body-Length: 0\r\n", head);
            Assert.Contains("\r\nConnection: close\r\n", head);
        }

        [Fact]
        public void ExpectRejectWithKeepWaitsForTheAnnouncedBody()
        {
            using RawClient client = new RawClient(_server.Port);
            client.Send("POST /expect?reject=417&keep=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            string head = client.ReadHead();
            Assert.StartsWith("HTTP/1.1 417 ", head);
            Assert.DoesNotContain("Connection: close", head);
            client.ReadExactly("rejected 417\n".Length);
            // The client sends the body anyway; Kestrel discards it and the connection goes on.
            Assert.StartsWith("HTTP/1.1 404 ", client.Send("hello").Send("GET /status/404 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead());
        }

        [Fact]
        public void ExpectAuthReadsTheBodyWhenAuthorized()
        {
            using RawClient client = new RawClient(_server.Port);
            client.Send("POST /expect/auth HTTP/1.1\r\nHost: t\r\nAuthorization: Basic eDp5\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 100 Continue\r\n", client.ReadHead());
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", client.Send("ok").ReadHead());
        }

        [Fact]
        public async Task LargeStreamsTheWholePattern()
        {
            const int Size = 20 * 1024 * 1024;
            using HttpClient http = new HttpClient();
            using HttpResponseMessage response = await http.GetAsync(_server.Url("/large?size=" + Size), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(Size, response.Content.Headers.ContentLength);
            using Stream body = await response.Content.ReadAsStreamAsync();
            byte[] buffer = new byte[81920];
            long position = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                Assert.Equal(-1, BodyPattern.FirstMismatch(buffer, 0, read, position));
                position += read;
            }

            Assert.Equal(Size, position);
        }

        [Fact]
        public async Task SlowWaitsBeforeAnswering()
        {
            using HttpClient http = new HttpClient();
            Stopwatch watch = Stopwatch.StartNew();
            Assert.Equal("slow\n", await http.GetStringAsync(_server.Url("/slow?delayMs=300")));
            Assert.True(watch.ElapsedMilliseconds >= 280, watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void SlowBodySendsThePiecesApart()
        {
            using RawClient client = new RawClient(_server.Port);
            Stopwatch watch = Stopwatch.StartNew();
            Assert.Contains("\r\nContent-Length: 5\r\n", client.Send("GET /slow-body?size=5&chunk=1&delayMs=60 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead());
            Assert.True(BodyPattern.Matches(client.ReadExactly(5)));
            Assert.True(watch.ElapsedMilliseconds >= 220, watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void CloseEndsTheConnectionAfterTheResponse()
        {
            using RawClient client = new RawClient(_server.Port);
            string head = client.Send("GET /close HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
            Assert.Contains("\r\nConnection: close\r\n", head);
            Assert.Equal("closing\n", Encoding.Latin1.GetString(client.ReadToEnd()));
        }

        [Fact]
        public void CountsOneConnectionForKeepAliveAndOneEachWithout()
        {
            int before = _server.AcceptedConnections;
            using (RawClient client = new RawClient(_server.Port))
            {
                for (int i = 0; i < 3; i++)
                {
                    client.Send("GET /content-length?size=3 HTTP/1.1\r\nHost: t\r\n\r\n").ReadHead();
                    client.ReadExactly(3);
                }
            }

            Assert.Equal(before + 1, _server.AcceptedConnections);
            for (int i = 0; i < 2; i++)
            {
                using RawClient client = new RawClient(_server.Port);
                client.Send("GET /content-length?size=3 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").ReadToEnd();
            }

            Assert.Equal(before + 3, _server.AcceptedConnections);
        }

        [Fact]
        public async Task HttpsServesTheSameEndpoints()
        {
            var certificate = Tls.TestCertificates.Instance.Leaf;
            using KestrelServer server = KestrelServer.WithCertificate(certificate);
            using HttpClientHandler handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
            using HttpClient http = new HttpClient(handler);
            Assert.Equal("https", server.BaseUri.Scheme);
            byte[] body = await http.GetByteArrayAsync(server.Url("/content-length?size=100"));
            Assert.True(BodyPattern.Matches(body));
            Assert.Equal(100, body.Length);
            Assert.Equal(1, server.AcceptedConnections);
        }

        private static string Header(HttpResponseMessage response, string name)
        {
            return response.Headers.TryGetValues(name, out IEnumerable<string> values) ? string.Join(",", values) : null;
        }
    }
}
