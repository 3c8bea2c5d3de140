using System;
using System.Text;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// Persistence byte for byte: what the client sends on a reused connection, that it
    /// consumes exactly one message even when the next one arrived in the same segment, and
    /// which responses let the connection live (HTTP/1.0 keep-alive, 1.1 default).
    /// </summary>
    public sealed class KeepAliveTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

        [Theory]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\none\r\n0\r\n\r\n", "one")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none", "one")]
        [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n", "")]
        [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none", "one")]
        public void ANextResponseInTheSameSegmentEndsReuse(string first, string firstBody)
        {
            // Both answers leave in one send after the first request: the client stops exactly
            // at the end of the first message, and as the second came before anyone asked for
            // it, it closes the connection; the second request goes out on a new one.
            const string Second = "HTTP/1.1 201 Created\r\nContent-Length: 6\r\nX-Second: yes\r\n\r\nsecond";
            using ScriptedServer server = new ScriptedServer(
                c => c.ReadRequest().Send(first + Second).ReadToEnd(),
                c => c.ReadRequest().Send(Second).ReadToEnd());
            using (HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000))
            {
                connection.Request("GET", "/1");
                HttpResponse one = connection.GetResponse();
                Assert.Equal(firstBody, Encoding.ASCII.GetString(one.Read()));
                Assert.True(one.IsClosed);
                Assert.True(one.WillClose);
                connection.Request("GET", "/2");
                HttpResponse two = connection.GetResponse();
                Assert.Equal(201, two.Status);
                Assert.Equal("yes", two.GetHeader("X-Second"));
                Assert.Equal("second", Encoding.ASCII.GetString(two.Read(100)));
            }

            Assert.True(server.WaitForScripts(TimeSpan.FromSeconds(5)));
            Assert.Equal(2, server.ConnectionCount);
            ScriptedConnection first1 = server.Finished(0);
            Assert.True(first1.PeerClosed);
            Assert.Equal("GET /1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.Port + "\r\nAccept-Encoding: identity\r\n\r\n", first1.ReceivedText);
            Assert.Equal("GET /2 HTTP/1.1\r\nHost: 127.0.0.1:" + server.Port + "\r\nAccept-Encoding: identity\r\n\r\n", server.Finished(1).ReceivedText);
            server.ThrowIfScriptFailed();
        }

        [Fact]
        public void AResponseThatArrivesAfterItsRequestIsReadOnTheSameConnection()
        {
            const string Second = "HTTP/1.1 201 Created\r\nContent-Length: 6\r\nX-Second: yes\r\n\r\nsecond";
            using ScriptedServer server = new ScriptedServer(c => c.ReadRequest().Send(Ok).ReadRequest().Send(Second).ReadToEnd());
            using (HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000))
            {
                connection.Request("GET", "/1");
                Assert.Equal("ok", Encoding.ASCII.GetString(connection.GetResponse().Read()));
                connection.Request("GET", "/2");
                HttpResponse two = connection.GetResponse();
                Assert.Equal(201, two.Status);
                Assert.Equal("second", Encoding.ASCII.GetString(two.Read()));
            }

            Assert.Equal(1, server.ConnectionCount);
            server.ThrowIfScriptFailed();
        }

        [Theory]
        [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", 1)]
        [InlineData("HTTP/1.0 200 OK\r\nKeep-Alive: timeout=5\r\nContent-Length: 2\r\n\r\nok", 1)]
        [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 3)]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 1)]
        [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", 3)]
        public void ServerCountsConnectionsByThePersistenceRules(string response, int expectedConnections)
        {
            // A script that answers as many requests as come on its connection until the client closes.
            using ScriptedServer server = new ScriptedServer(c =>
            {
                while (c.DataArrivesWithin(2000))
                {
                    c.ReadRequest().Send(response);
                }
            });
            using (HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000))
            {
                for (int i = 0; i < 3; i++)
                {
                    connection.Request("GET", "/");
                    HttpResponse r = connection.GetResponse();
                    Assert.Equal(expectedConnections != 1, r.WillClose);
                    Assert.Equal("ok", Encoding.ASCII.GetString(r.Read()));
                }
            }

            Assert.True(server.WaitForScripts(TimeSpan.FromSeconds(5)));
            Assert.Equal(expectedConnections, server.ConnectionCount);
            Assert.Equal(0, OpenSockets.To(server.Port));
            server.ThrowIfScriptFailed();
        }

        [Fact]
        public void KestrelSeesOneConnectionForAHundredRequests()
        {
            using KestrelServer server = new KestrelServer();
            using (HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000))
            {
                for (int i = 0; i < 100; i++)
                {
                    connection.Request(i % 2 == 0 ? "GET" : "POST", i % 2 == 0 ? "/chunked?size=" + i + "&chunk=10" : "/echo", BodyPattern.Make(i));
                    HttpResponse response = connection.GetResponse();
                    byte[] body = response.Read();
                    Assert.Equal(i, body.Length);
                    Assert.True(BodyPattern.Matches(body));
                }

                Assert.Equal(100, server.Requests);
                Assert.Equal(1, server.AcceptedConnections);
                Assert.Equal(1, server.OpenConnections);
            }

            // Closing the HttpConnection closes the socket: Kestrel sees it go.
            Assert.True(server.WaitForNoOpenConnections(TimeSpan.FromSeconds(5)));
            Assert.Equal(0, OpenSockets.To(server.Port));
        }

        [Fact]
        public void ResponseObjectIsReusedOnceItsBodyEnded()
        {
            using ScriptedServer server = new ScriptedServer(Scripts.ReplyKeepAlive(Ok, Ok, Ok));
            using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/");
            HttpResponse first = connection.GetResponse();
            first.Read();
            connection.Request("GET", "/");
            HttpResponse second = connection.GetResponse();
            // The connection keeps one response object for a keep-alive loop.
            Assert.Same(first, second);
            Assert.Equal("ok", Encoding.ASCII.GetString(second.Read()));
        }
    }
}
