using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Client
{
    /// <summary>Connect, per-receive and whole-response time bounds against real loopback sockets.</summary>
    public sealed class DeadlineTests
    {
        private const string Head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";

        [Fact]
        public void DrippingBodyIsCutByTheResponseDeadlineNotByTheReadTimeout()
        {
            using var server = new ScriptedServer(
                c => c.ReadHead().Send(Head).SendSlowly(new string('x', 100), 30),
                c => c.ReadHead().Send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
            using var connection = new HttpConnection(server.Host, server.Port, 1000) { ResponseTimeout = 300 };
            var clock = Stopwatch.StartNew();
            connection.Request("GET", "/drip");
            HttpResponse response = connection.GetResponse();
            var error = Assert.Throws<TimeoutException>(() => response.Read());
            Assert.Equal("response deadline passed", error.Message);
            Assert.InRange(clock.ElapsedMilliseconds, 250, 2500);
            Assert.True(response.IsClosed);

            connection.Request("GET", "/again");
            Assert.Equal("ok", System.Text.Encoding.ASCII.GetString(connection.GetResponse().Read()));
            Assert.Equal(2, server.ConnectionCount);
        }

        [Fact]
        public void DrippingBodyWithinTheDeadlineIsReadWhole()
        {
            using var server = new ScriptedServer(c => c.ReadHead().Send(Head).SendSlowly(new string('y', 100), 1));
            using var connection = new HttpConnection(server.Host, server.Port, 1000) { ResponseTimeout = 10000 };
            connection.Request("GET", "/");
            Assert.Equal(100, connection.GetResponse().Read().Length);
        }

        [Fact]
        public void SilentServerIsCutByTheReadTimeout()
        {
            using var server = new ScriptedServer(c => c.ReadHead().Sleep(1500));
            using var connection = new HttpConnection(server.Host, server.Port, 200);
            connection.Request("GET", "/");
            var clock = Stopwatch.StartNew();
            Assert.Throws<TimeoutException>(() => connection.GetResponse());
            Assert.InRange(clock.ElapsedMilliseconds, 150, 1400);
        }

        [Fact]
        public void ConnectThatNeverCompletesIsCutByTheConnectTimeout()
        {
            // A listener whose accept queue is full: the kernel drops further SYNs, so a connect
            // to it hangs, on 127.0.0.1 only.
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(0);
            int port = ((IPEndPoint)listener.LocalEndPoint).Port;
            var fillers = new Socket[4];
            try
            {
                for (int i = 0; i < fillers.Length; i++)
                {
                    fillers[i] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                    try
                    {
                        fillers[i].Connect(new IPEndPoint(IPAddress.Loopback, port));
                    }
                    catch (SocketException)
                    {
                        // In progress or refused: either way the queue fills.
                    }
                }

                System.Threading.Thread.Sleep(100);
                using var connection = new HttpConnection("127.0.0.1", port, 5000) { ConnectTimeout = 300 };
                var clock = Stopwatch.StartNew();
                var error = Assert.Throws<ConnectException>(() => connection.Connect());
                Assert.Equal("connect timed out", error.Message);
                Assert.Equal(ConnectException.TimedOut, error.Reason);
                Assert.IsType<TimeoutException>(error.InnerException);
                Assert.InRange(clock.ElapsedMilliseconds, 250, 3000);
            }
            finally
            {
                foreach (Socket filler in fillers)
                {
                    filler?.Close();
                }

                listener.Close();
            }
        }
    }
}
