using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>Proves each <see cref="ScriptedConnection"/> step does what it says on the wire.</summary>
    public sealed class ScriptedServerSelfTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

        [Fact]
        public async Task ReplyAnswersAndRecordsTheRequest()
        {
            using ScriptedServer server = new ScriptedServer(Scripts.Reply(Ok));
            using HttpClient http = new HttpClient();
            Assert.Equal("ok", await http.GetStringAsync(server.BaseUri + "path?q=1"));
            ScriptedConnection connection = server.Finished(0);
            Assert.StartsWith("GET /path?q=1 HTTP/1.1\r\n", connection.ReceivedText);
            Assert.EndsWith("\r\n\r\n", connection.ReceivedText);
            Assert.Equal(1, server.ConnectionCount);
            server.ThrowIfScriptFailed();
        }

        [Theory]
        [InlineData("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")]
        [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n")]
        public void ReadRequestReadsHeadAndFramedBody(string request)
        {
            string seen = null;
            using ScriptedServer server = new ScriptedServer(c => seen = c.ReadRequest().Send(Ok).LastReadText);
            using RawClient client = new RawClient(server.Port);
            // Trailing bytes of a next request must stay unread.
            client.Send(request + "GET");
            Assert.StartsWith("HTTP/1.1 200 OK", client.ReadHead());
            server.Finished(0);
            Assert.Equal(request, seen);
            Assert.Equal(request + "GET", server.Connections[0].ReceivedText);
        }

        [Fact]
        public void ReplyKeepAliveAnswersSeveralRequestsOnOneConnection()
        {
            using ScriptedServer server = new ScriptedServer(Scripts.ReplyKeepAlive(Ok, Ok));
            using (RawClient client = new RawClient(server.Port))
            {
                for (int i = 0; i < 2; i++)
                {
                    client.Send("GET / HTTP/1.1\r\n\r\n").ReadHead();
                    Assert.Equal("ok", Encoding.Latin1.GetString(client.ReadExactly(2)));
                }
            }

            Assert.Null(server.Finished(0).Error);
            Assert.Equal(1, server.ConnectionCount);
        }

        [Fact]
        public void SendSlowlySendsOneByteAtATime()
        {
            using ScriptedServer server = new ScriptedServer(c => c.ReadHead().Send("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n").SendSlowly("abc", 60));
            using RawClient client = new RawClient(server.Port);
            client.Send("GET / HTTP/1.1\r\n\r\n").ReadHead();
            Stopwatch watch = Stopwatch.StartNew();
            byte[] buffer = new byte[16];
            Assert.Equal(1, client.Socket.Receive(buffer));
            Assert.Equal(1, client.Socket.Receive(buffer));
            Assert.True(watch.ElapsedMilliseconds >= 40, watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void CloseSendsFinAfterTheBytes()
        {
            using ScriptedServer server = new ScriptedServer(c => c.ReadHead().Send("HTTP/1.0 200 OK\r\n\r\nbody").Close());
            using RawClient client = new RawClient(server.Port);
            client.Send("GET / HTTP/1.1\r\n\r\n");
            Assert.Equal("HTTP/1.0 200 OK\r\n\r\nbody", Encoding.Latin1.GetString(client.ReadToEnd()));
        }

        [Fact]
        public void ResetIsSeenAsConnectionReset()
        {
            using ScriptedServer server = new ScriptedServer(Scripts.ResetAfterRequest());
            using RawClient client = new RawClient(server.Port);
            client.Send("GET / HTTP/1.1\r\n\r\n");
            SocketException error = Assert.Throws<SocketException>(() => client.ReadToEnd());
            Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
        }

        [Fact]
        public void HalfCloseKeepsReadingWhatTheClientSends()
        {
            string after = null;
            using ScriptedServer server = new ScriptedServer(c => after = c.ReadHead().Send("done").HalfClose().ReadToEnd().LastReadText);
            using RawClient client = new RawClient(server.Port);
            client.Send("GET / HTTP/1.1\r\n\r\n");
            Assert.Equal("done", Encoding.Latin1.GetString(client.ReadToEnd()));
            client.Send("bye").Socket.Shutdown(SocketShutdown.Send);
            server.Finished(0);
            Assert.Equal("bye", after);
        }

        [Fact]
        public void EachConnectionRunsItsOwnScriptAndTheLastOneRepeats()
        {
            using ScriptedServer server = new ScriptedServer(Scripts.ResetAfterRequest(), Scripts.Reply(Ok));
            for (int i = 0; i < 3; i++)
            {
                using RawClient client = new RawClient(server.Port);
                client.Send("GET / HTTP/1.1\r\n\r\n");
                if (i == 0)
                {
                    Assert.Throws<SocketException>(() => client.ReadToEnd());
                }
                else
                {
                    Assert.EndsWith("ok", Encoding.Latin1.GetString(client.ReadToEnd()));
                }
            }

            Assert.True(server.WaitForScripts(TimeSpan.FromSeconds(5)));
            Assert.Equal(3, server.ConnectionCount);
            Assert.Equal(2, server.Connections[2].Index);
        }

        [Fact]
        public void ReadStepTimesOutAndIsReported()
        {
            using ScriptedServer server = new ScriptedServer(200, c => c.ReadHead());
            using RawClient client = new RawClient(server.Port);
            client.Send("GET / HTTP/1.1\r\n");
            Assert.IsType<TimeoutException>(server.Finished(0).Error);
            Assert.Throws<AggregateException>(() => server.ThrowIfScriptFailed());
        }

        [Fact]
        public void DataArrivesWithinShowsWhetherTheClientWaited()
        {
            bool early = true;
            using ScriptedServer server = new ScriptedServer(c =>
            {
                c.ReadHead();
                early = c.DataArrivesWithin(150);
                c.Send("HTTP/1.1 100 Continue\r\n\r\n").ReadBytes(5).Send(Ok);
            });
            using RawClient client = new RawClient(server.Port);
            client.Send("POST / HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            Assert.Equal("HTTP/1.1 100 Continue\r\n\r\n", client.ReadHead());
            Assert.StartsWith("HTTP/1.1 200 OK", client.Send("hello").ReadHead());
            server.Finished(0);
            Assert.False(early);
            Assert.EndsWith("\r\n\r\nhello", server.Connections[0].ReceivedText);
        }

        [Fact]
        public void DisposeStopsASleepingScriptQuickly()
        {
            ScriptedServer server = new ScriptedServer(c => c.Sleep(30000));
            using RawClient client = new RawClient(server.Port);
            Assert.True(server.WaitForConnections(1, TimeSpan.FromSeconds(5)));
            Stopwatch watch = Stopwatch.StartNew();
            server.Dispose();
            Assert.True(watch.ElapsedMilliseconds < 3000, watch.ElapsedMilliseconds + " ms");
            Assert.IsType<OperationCanceledException>(server.Connections[0].Error);
        }
    }
}
