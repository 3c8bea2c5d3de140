using System;
using System.IO;
using System.Text;
using System.Threading;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>Tests that read process-wide state (the fd table, Console.Out) run alone.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SerialCollection
    {
        public const string Name = "process-wide state";
    }

    /// <summary>
    /// The whole fd table of the process before and after a run of failures, with the server
    /// stopped, so its sockets are gone too; and the debug output on Console.Out.
    /// </summary>
    [Collection(SerialCollection.Name)]
    public sealed class SerialTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

        [Fact]
        public void FailuresLeaveNoSocketInTheProcess()
        {
            int before = StableSocketCount();
            using (ScriptedServer server = new ScriptedServer(
                c => c.ReadRequest().Close(),
                Scripts.ResetAfterRequest(),
                c => c.ReadRequest().Send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nabc").Sleep(100).Reset(),
                Scripts.Reply("garbage\r\n\r\n"),
                Scripts.Reply("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"),
                Scripts.Reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
                c => c.ReadHead().Send("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno").Sleep(50).Reset(),
                c => c.ReadRequest().Send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n").Sleep(1000),
                Scripts.Reply(Ok)))
            {
                using HttpConnection connection = new HttpConnection(server.Host, server.Port, 3000);
                Assert.Throws<RemoteDisconnectedException>(() => Get(connection));
                Assert.ThrowsAny<IOException>(() => Get(connection));
                Assert.ThrowsAny<IOException>(() => Get(connection));
                Assert.Throws<BadStatusLineException>(() => Get(connection));
                Assert.Throws<IncompleteReadException>(() => Get(connection));
                Assert.Throws<IncompleteReadException>(() => Get(connection));
                Assert.ThrowsAny<IOException>(() => connection.Request("PUT", "/", new PatternStream(256L << 20, true)));
                Assert.Equal("no", Encoding.ASCII.GetString(connection.GetResponse().Read()));
                connection.Timeout = 200;
                Assert.Throws<TimeoutException>(() => Get(connection));
                Assert.Equal("ok", Get(connection));
                Assert.Equal(9, server.ConnectionCount);
            }

            Assert.Equal(before, StableSocketCount());
        }

        [Fact]
        public void DebugLevelPrintsWhatGoesOverTheWire()
        {
            using ScriptedServer server = new ScriptedServer(Scripts.Reply("HTTP/1.1 200 OK\r\nX-A: 1\r\nContent-Length: 2\r\n\r\nok"));
            using HttpConnection connection = new HttpConnection(server.Host, server.Port, 5000);
            TextWriter original = Console.Out;
            StringWriter captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                connection.SetDebugLevel(1);
                Assert.Equal("ok", Get(connection));
            }
            finally
            {
                Console.SetOut(original);
            }

            string[] lines = captured.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(
                new[]
                {
                    "send: 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1:" + server.Port + "\\r\\nAccept-Encoding: identity\\r\\n\\r\\n'",
                    "reply: 'HTTP/1.1 200 OK'",
                    "header: X-A: 1",
                    "header: Content-Length: 2",
                },
                lines);
        }

        private static string Get(HttpConnection connection)
        {
            connection.Request("GET", "/");
            return Encoding.ASCII.GetString(connection.GetResponse().Read());
        }

        // The fd table once nothing has changed in it for 100 ms (sockets of earlier tests may
        // still be closing on other threads), at most 3 s.
        private static int StableSocketCount()
        {
            int last = OpenSockets.All();
            long deadline = Environment.TickCount64 + 3000;
            long stableSince = Environment.TickCount64;
            while (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(20);
                int now = OpenSockets.All();
                if (now != last)
                {
                    last = now;
                    stableSince = Environment.TickCount64;
                }
                else if (Environment.TickCount64 - stableSince >= 100)
                {
                    break;
                }
            }

            return last;
        }
    }
}
