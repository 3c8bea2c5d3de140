using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// A connection firmware can trust, on real sockets: after any failure the next request simply
    /// reconnects (no Close() needed), and a request that a kept-alive socket's idle close killed
    /// before any of its response arrived is sent once more on a new connection.
    /// </summary>
    public sealed class RecoveryTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        private const string Yes = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes";
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

        // Answers the first request, then closes (or resets) as the second one arrives: the
        // server's keep-alive timeout running out just as the client reuses the socket.
        private static Action<ScriptedConnection> IdleCloseOnSecond(bool reset) =>
            c =>
            {
                c.ReadRequest().Send(Ok).ReadRequest();
                if (reset)
                {
                    c.Reset();
                }
                else
                {
                    c.Close();
                }
            };

        [Fact]
        public void FailedConnectLeavesTheConnectionReadyForTheNextRequest()
        {
            int port = ScriptedServer.UnusedPort();
            using HttpConnection connection = new HttpConnection("127.0.0.1", port, 5000);
            Assert.ThrowsAny<IOException>(() => connection.Request("GET", "/"));
            Assert.ThrowsAny<IOException>(() => connection.Request("GET", "/"));

            using ScriptedServer server = ScriptedServer.OnPort(port, Scripts.Reply(Ok));
            connection.Request("GET", "/");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            server.ThrowIfScriptFailed();
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void NoAnswerOnAFreshConnectionIsNotReplayedAndTheNextRequestReconnects(bool reset)
        {
            using ScriptedServer server = new ScriptedServer(reset ? Scripts.ResetAfterRequest() : Scripts.CloseAfterRequest(), Scripts.Reply(Ok));
            using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/");
            Exception error = Record.Exception(() => connection.GetResponse());
            Assert.True(error is RemoteDisconnectedException || error is IOException, "got " + error);
            Assert.Equal(1, server.ConnectionCount);

            connection.Request("GET", "/");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            Assert.Equal(2, server.ConnectionCount);
            server.ThrowIfScriptFailed();
        }

        [Theory]
        [InlineData(false, 200)]
        [InlineData(true, 50)]
        public void StaleKeepAliveCloseIsReplayedOnceOnANewConnection(bool reset, int runs)
        {
            Action<ScriptedConnection>[] scripts = new Action<ScriptedConnection>[runs * 2];
            for (int i = 0; i < runs; i++)
            {
                scripts[2 * i] = IdleCloseOnSecond(reset);
                scripts[2 * i + 1] = Scripts.Reply(Yes);
            }

            using ScriptedServer server = new ScriptedServer(scripts);
            for (int i = 0; i < runs; i++)
            {
                using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
                connection.Request("GET", "/1");
                Assert.Equal("ok", Text(connection.GetResponse().Read()));
                connection.Request("GET", "/2");
                HttpResponse second = connection.GetResponse();
                Assert.Equal("yes", Text(second.Read()));
            }

            Assert.True(server.WaitForScripts(Wait));
            Assert.Equal(runs * 2, server.ConnectionCount);
            for (int i = 0; i < runs; i++)
            {
                Assert.StartsWith("GET /2 HTTP/1.1\r\n", server.Finished(2 * i + 1).ReceivedText);
            }

            server.ThrowIfScriptFailed();
        }

        [Theory]
        [InlineData("bytes", "PUT", false)]
        [InlineData("text", "PUT", false)]
        [InlineData("seekable stream", "PUT", false)]
        [InlineData("bytes", "POST", true)]
        [InlineData("seekable stream", "DELETE", false)]
        public void AReplayedRequestCarriesItsWholeBodyAgain(string kind, string method, bool idempotencyKey)
        {
            // RFC 9110 section 9.2.2: an idempotent method, or any method with an Idempotency-Key.
            using ScriptedServer server = new ScriptedServer(IdleCloseOnSecond(false), c => c.ReadRequest().Send(Yes).Close());
            using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/1");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            SendWithBody(connection, method, kind, idempotencyKey);

            Assert.Equal("yes", Text(connection.GetResponse().Read()));
            Assert.True(server.WaitForScripts(Wait));
            string replayed = server.Finished(1).ReceivedText;
            Assert.StartsWith(method + " /2 HTTP/1.1\r\n", replayed);
            Assert.Contains("\r\nContent-Length: 5\r\n", replayed);
            Assert.EndsWith("\r\n\r\nbody!", replayed);
            server.ThrowIfScriptFailed();
        }

        [Theory]
        [InlineData("bytes")]
        [InlineData("text")]
        [InlineData("seekable stream")]
        public void APostKilledByAStaleCloseIsNeverSentTwice(string kind)
        {
            // The server read the POST and closed without answering: it may have acted on it.
            using ScriptedServer server = new ScriptedServer(
                c => c.ReadRequest().Send(Ok).ReadRequest().Close(),
                Scripts.Reply(Ok));
            using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/1");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            SendWithBody(connection, "POST", kind, false);
            Assert.Throws<RemoteDisconnectedException>(() => connection.GetResponse());
            Assert.Equal(1, server.ConnectionCount);

            // The same object's next request reconnects; the POST went out once in all.
            connection.Request("GET", "/3");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            Assert.True(server.WaitForScripts(Wait));
            Assert.StartsWith("GET /3 HTTP/1.1\r\n", server.Finished(1).ReceivedText);
            server.ThrowIfScriptFailed();
        }

        private static void SendWithBody(HttpConnection connection, string method, string kind, bool idempotencyKey)
        {
            HttpHeaders headers = null;
            if (idempotencyKey)
            {
                headers = new HttpHeaders();
                headers.Add("Idempotency-Key", "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
            }

            switch (kind)
            {
                case "bytes":
                    connection.Request(method, "/2", Encoding.ASCII.GetBytes("body!"), headers);
                    break;
                case "text":
                    connection.Request(method, "/2", "body!", headers);
                    break;
                default:
                    MemoryStream stream = new MemoryStream(Encoding.ASCII.GetBytes("xx-body!"));
                    stream.Position = 3;
                    connection.Request(method, "/2", stream, headers);
                    break;
            }
        }

        [Fact]
        public void AReplayIsNeverReplayedAgain()
        {
            using ScriptedServer server = new ScriptedServer(IdleCloseOnSecond(false), Scripts.CloseAfterRequest(), Scripts.Reply(Ok));
            using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/1");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            connection.Request("GET", "/2");
            Assert.Throws<RemoteDisconnectedException>(() => connection.GetResponse());
            Assert.Equal(2, server.ConnectionCount);

            connection.Request("GET", "/3");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            Assert.Equal(3, server.ConnectionCount);
            server.ThrowIfScriptFailed();
        }

        [Fact]
        public void BytesAfterACompleteResponseAreNeverReadAsTheNextAnswer()
        {
            // The stray answer arrives in the same segment as the real one: the connection is not
            // reused, so the second request goes out on a new socket and gets its own answer.
            using ScriptedServer server = new ScriptedServer(c => c.ReadRequest().Send(Ok + Yes).ReadToEnd(), Scripts.Reply(Ok));
            using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/1");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            connection.Request("GET", "/2");
            Assert.Equal("ok", Text(connection.GetResponse().Read()));
            Assert.Equal(2, server.ConnectionCount);
            Assert.True(server.Finished(0).PeerClosed);
            server.ThrowIfScriptFailed();
        }

        [Fact]
        public void NginxShortKeepAliveTimeoutNeverFailsARequest()
        {
            // Requests spaced around nginx's 200 ms keep-alive timeout: some find the socket
            // open, some find it closed while idle, some race the close.
            using NginxServer nginx = NginxServer.WithDirectives("keepalive_timeout 200ms;");
            using HttpConnection connection = new HttpConnection(nginx.Host, nginx.Port, 5000);
            const int Requests = 30;
            for (int i = 0; i < Requests; i++)
            {
                connection.Request("GET", "/100.bin");
                HttpResponse response = connection.GetResponse();
                Assert.Equal(200, response.Status);
                response.Read();
                Thread.Sleep(150 + (i * 37 % 110));
            }

            var log = nginx.WaitForAccessLog(Requests);
            Assert.Equal(Requests, log.Count(e => e.Uri == "/100.bin" && e.Status == 200));
            Assert.True(NginxLogEntry.CountConnections(log) > 1, "the idle timeout closed no connection");
        }

        [Fact]
        public void KestrelUploadThatFailsMidBodyLeavesTheConnectionReady()
        {
            using KestrelServer kestrel = new KestrelServer();
            using HttpConnection connection = new HttpConnection(kestrel.Host, kestrel.Port, 5000);
            connection.Request("GET", "/content-length?size=10");
            Assert.Equal(10, connection.GetResponse().Read().Length);

            Assert.Throws<IOException>(() => connection.Request("POST", "/echo", new BodyStream(new byte[5000], false, true)));
            connection.Request("POST", "/echo", "after");
            HttpResponse response = connection.GetResponse();
            Assert.Equal(200, response.Status);
            Assert.Equal("after", Text(response.Read()));
        }

        private static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);
    }
}
