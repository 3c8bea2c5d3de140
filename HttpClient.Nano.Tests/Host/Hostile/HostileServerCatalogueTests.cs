using System;
using System.Diagnostics;
using System.Text;
using HttpNano.Tests.Host.Integration;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Hostile
{
    /// <summary>
    /// The hostile-server catalogue (docs/hostile-servers.md), on real loopback sockets. Each case:
    /// the expected exception, a bound on time and on bytes allocated by the client, the socket
    /// closed afterwards, and the same HttpConnection reconnecting cleanly for the next request.
    /// </summary>
    public sealed class HostileServerCatalogueTests
    {
        private const int TimeBoundMs = 3000;
        private const long AllocationBound = 256 * 1024;
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        private const string ChunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

        private static string Repeat(string text, int count)
        {
            var builder = new StringBuilder(text.Length * count);
            for (int i = 0; i < count; i++)
            {
                builder.Append(text);
            }

            return builder.ToString();
        }

        public static TheoryData<string, string, Type> Cases() => new TheoryData<string, string, Type>
        {
            { "endless header line", "HTTP/1.1 200 OK\r\nX-Long: " + new string('a', 1 << 20), typeof(LineTooLongException) },
            { "endless header list", "HTTP/1.1 200 OK\r\n" + Repeat("X-Many: v\r\n", 100_000), typeof(HttpException) },
            { "endless interim responses", Repeat("HTTP/1.1 100 Continue\r\n\r\n", 10_000), typeof(HttpException) },
            { "endless status line", "HTTP/1.1 200 " + new string('O', 1 << 20), typeof(LineTooLongException) },
            // Above HttpLimits.MaxReadBytes: Read() refuses it before allocating (streamed reads end early instead).
            { "content-length 2^63-1 with a short body", "HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nshort", typeof(ResponseTooLargeException) },
            { "endless close-delimited body", "HTTP/1.1 200 OK\r\n\r\n" + new string('x', 200_000), typeof(ResponseTooLargeException) },
            { "endless chunked body", ChunkedHead + Repeat("1000\r\n" + new string('c', 4096) + "\r\n", 50), typeof(ResponseTooLargeException) },
            { "content-length over 64 bits", "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nshort", typeof(HttpException) },
            { "chunk size over 64 bits", ChunkedHead + "1ffffffffffffffff\r\nabc", typeof(IncompleteReadException) },
            { "endless chunk extension", ChunkedHead + "5;ext=" + new string('e', 1 << 20), typeof(LineTooLongException) },
            { "endless trailers", ChunkedHead + "2\r\nok\r\n0\r\n" + Repeat("X-Trailer: v\r\n", 100_000), typeof(HttpException) },
            { "close in the middle of the head", "HTTP/1.1 200 OK\r\nContent-Le", typeof(HttpException) },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void HostileResponseFailsBoundedAndTheConnectionRecovers(string name, string response, Type expected)
        {
            using var server = new ScriptedServer(
                c => c.ReadHead().Send(response).Close(),
                c => c.ReadHead().Send(Ok));
            using var connection = new HttpConnection(server.Host, server.Port, 5000);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            Exception error = Record.Exception(() =>
            {
                connection.Request("GET", "/hostile");
                connection.GetResponse().Read();
            });
            long elapsed = clock.ElapsedMilliseconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            Assert.True(error != null, name + ": no exception");
            Assert.True(expected == error.GetType(), name + ": " + error.GetType().Name + ": " + error.Message);
            Assert.True(elapsed < TimeBoundMs, name + ": took " + elapsed + " ms");
            Assert.True(allocated < AllocationBound, name + ": allocated " + allocated + " bytes");
            Assert.True(server.WaitForConnections(1, TimeSpan.FromSeconds(2)));
            Assert.True(SettlesToZero(server.Port), name + ": a socket stayed open");

            connection.Request("GET", "/after");
            Assert.Equal("ok", Encoding.ASCII.GetString(connection.GetResponse().Read()));
            Assert.Equal(2, server.ConnectionCount);
        }

        [Fact]
        public void OneBytePerIntervalIsCutByTheResponseDeadline()
        {
            using var server = new ScriptedServer(
                c => c.ReadHead().SendSlowly("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + new string('x', 100), 20),
                c => c.ReadHead().Send(Ok));
            using var connection = new HttpConnection(server.Host, server.Port, 1000) { ResponseTimeout = 400 };
            var clock = Stopwatch.StartNew();
            Assert.Throws<TimeoutException>(() =>
            {
                connection.Request("GET", "/drip");
                connection.GetResponse().Read();
            });
            Assert.InRange(clock.ElapsedMilliseconds, 300, TimeBoundMs);
            connection.Request("GET", "/after");
            Assert.Equal("ok", Encoding.ASCII.GetString(connection.GetResponse().Read()));
        }

        [Fact]
        public void ResetInTheMiddleOfTheBodyIsAnIOErrorAndTheConnectionRecovers()
        {
            using var server = new ScriptedServer(
                c => c.ReadHead().Send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf").Sleep(50).Reset(),
                c => c.ReadHead().Send(Ok));
            using var connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/reset");
            HttpResponse response = connection.GetResponse();
            Assert.ThrowsAny<System.IO.IOException>(() => { while (response.Read(10).Length > 0) { } });
            connection.Request("GET", "/after");
            Assert.Equal("ok", Encoding.ASCII.GetString(connection.GetResponse().Read()));
        }

        [Fact]
        public void TlsHandshakeThatNeverCompletesIsCutByTheTimeout()
        {
            using var server = new ScriptedServer(c => c.ReadBytes(5).Sleep(3000));
            var tls = new TlsOptions { DangerousAcceptAnyServerCertificate = true };
            using var connection = new HttpsConnection(server.Host, server.Port, 300, tls);
            var clock = Stopwatch.StartNew();
            Exception error = Record.Exception(() => connection.Request("GET", "/"));
            Assert.NotNull(error);
            Assert.True(error is TimeoutException || error is TlsHandshakeException, error.GetType().Name + ": " + error.Message);
            Assert.InRange(clock.ElapsedMilliseconds, 200, TimeBoundMs);
            Assert.True(SettlesToZero(server.Port), "a socket stayed open");
        }

        [Fact]
        public void GarbageAfterACompleteResponseIsNotPartOfItsBody()
        {
            using var server = new ScriptedServer(
                c => c.ReadHead().Send(Ok + "GARBAGE\r\n\r\n").ReadToEnd(),
                c => c.ReadHead().Send(Ok));
            using var connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/1");
            Assert.Equal("ok", Encoding.ASCII.GetString(connection.GetResponse().Read()));

            // The bytes came with the response before anyone asked for them: the connection is
            // closed and the next request goes out on a new one; they are never read as an answer.
            connection.Request("GET", "/2");
            Assert.Equal("ok", Encoding.ASCII.GetString(connection.GetResponse().Read()));
            Assert.Equal(2, server.ConnectionCount);
        }

        [Fact]
        public void UnsolicitedAnswerOnAnIdleConnectionIsNotTakenForTheNextResponse()
        {
            using var server = new ScriptedServer(
                c => c.ReadHead().Send(Ok).Sleep(50).Send("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").Close(),
                c => c.ReadHead().Send("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond"));
            using var connection = new HttpConnection(server.Host, server.Port, 5000);
            connection.Request("GET", "/1");
            Assert.Equal("ok", Encoding.ASCII.GetString(connection.GetResponse().Read()));
            System.Threading.Thread.Sleep(300);
            connection.Request("GET", "/2");
            HttpResponse second = connection.GetResponse();
            Assert.Equal(200, second.Status);
            Assert.Equal("second", Encoding.ASCII.GetString(second.Read()));
            Assert.Equal(2, server.ConnectionCount);
        }

        private static bool SettlesToZero(int port)
        {
            for (int i = 0; i < 100; i++)
            {
                if (OpenSockets.To(port) == 0)
                {
                    return true;
                }

                System.Threading.Thread.Sleep(20);
            }

            return false;
        }
    }
}
