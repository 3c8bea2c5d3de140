using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>TcpTransport against a real listener on 127.0.0.1 (never any other address).</summary>
    public sealed class TcpTransportTests : IDisposable
    {
        private const int TestTimeout = 5000;
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);

        public TcpTransportTests()
        {
            _listener.Start();
        }

        private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _listener.Stop();
        }

        [Fact]
        public async Task SendsAndReceivesBytes()
        {
            Task<byte[]> server = Task.Run(() =>
            {
                using Socket peer = _listener.AcceptSocket();
                byte[] received = ReadExactly(peer, 5);
                peer.Send(TestBytes.Of("world"));
                return received;
            });

            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, TestTimeout, TestTimeout);
            byte[] hello = TestBytes.Of("xxhelloxx");
            transport.Send(hello, 2, 5);
            byte[] buffer = new byte[16];
            int n = ReceiveAtLeast(transport, buffer, 5);

            Assert.Equal("hello", TestBytes.Text(await server));
            Assert.Equal("world", TestBytes.Text(buffer, 0, n));
        }

        [Fact]
        public async Task ReceiveWritesAtTheOffset()
        {
            Task server = Task.Run(() =>
            {
                using Socket peer = _listener.AcceptSocket();
                peer.Send(TestBytes.Of("ab"));
                peer.Shutdown(SocketShutdown.Send);
                ReadToEnd(peer);
            });

            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, TestTimeout, TestTimeout);
            byte[] buffer = TestBytes.Of("--------");
            int n = ReceiveAtLeast(transport, buffer, 2, offset: 3);

            Assert.Equal(2, n);
            Assert.Equal("---ab---", TestBytes.Text(buffer));
            transport.Close();
            await server.WaitAsync(TimeSpan.FromMilliseconds(TestTimeout));
        }

        [Fact]
        public async Task PeerCloseReadsAsZero()
        {
            Task server = Task.Run(() =>
            {
                using Socket peer = _listener.AcceptSocket();
                peer.Send(TestBytes.Of("last"));
                peer.Shutdown(SocketShutdown.Both);
            });

            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, TestTimeout, TestTimeout);
            byte[] buffer = new byte[16];
            int n = ReceiveAtLeast(transport, buffer, 4);
            await server.WaitAsync(TimeSpan.FromMilliseconds(TestTimeout));

            Assert.Equal("last", TestBytes.Text(buffer, 0, n));
            Assert.Equal(0, transport.Receive(buffer, 0, buffer.Length));
            Assert.Equal(0, transport.Receive(buffer, 0, buffer.Length));
        }

        [Fact]
        public async Task SilentPeerTimesOut()
        {
            Task<Socket> accepted = _listener.AcceptSocketAsync();
            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, 200, 200);
            using Socket peer = await accepted;
            DateTime started = DateTime.UtcNow;

            TimeoutException e = Assert.Throws<TimeoutException>(() => transport.Receive(new byte[4], 0, 4));

            Assert.Equal(TcpTransport.ReceiveTimedOut, e.Message);
            Assert.InRange((DateTime.UtcNow - started).TotalMilliseconds, 150, 4000);
        }

        [Fact]
        public async Task ResetSurfacesAsIOExceptionWithTheSocketError()
        {
            Task server = Task.Run(() =>
            {
                Socket peer = _listener.AcceptSocket();
                // Linger 0: close sends RST instead of FIN.
                peer.LingerState = new LingerOption(true, 0);
                peer.Close();
            });

            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, TestTimeout, TestTimeout);
            await server.WaitAsync(TimeSpan.FromMilliseconds(TestTimeout));

            IOException e = Assert.Throws<IOException>(() => transport.Receive(new byte[4], 0, 4));

            Assert.Equal(TcpTransport.ReceiveFailed, e.Message);
            SocketException inner = Assert.IsType<SocketException>(e.InnerException);
            Assert.Equal(SocketError.ConnectionReset, inner.SocketErrorCode);
        }

        [Fact]
        public void RefusedConnectIsIOExceptionAndLeavesNothingOpen()
        {
            int port = Port;
            _listener.Stop();

            ConnectException e = Assert.Throws<ConnectException>(() => TcpTransport.Open("127.0.0.1", port, TestTimeout, TestTimeout));

            Assert.IsAssignableFrom<IOException>(e);
            Assert.Equal(ConnectException.Refused, e.Reason);
            Assert.Equal(TcpTransport.ConnectFailed, e.Message);
            Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(e.InnerException).SocketErrorCode);
        }

        [Theory]
        [InlineData("256.256.256.256")]
        [InlineData("1.2.3.4.5")]
        public void AnUnresolvableHostIsAConnectExceptionSayingSo(string host)
        {
            ConnectException e = Assert.Throws<ConnectException>(() => TcpTransport.Open(host, 80, TestTimeout, TestTimeout));
            Assert.Equal(ConnectException.NameNotResolved, e.Reason);
            Assert.Equal(TcpTransport.NameNotResolved, e.Message);
            Assert.NotNull(e.InnerException);
        }

        [Fact]
        public async Task SendsLargeBuffersWhole()
        {
            byte[] payload = new byte[1 << 20];
            new Random(7).NextBytes(payload);
            Task<byte[]> server = Task.Run(() =>
            {
                using Socket peer = _listener.AcceptSocket();
                return ReadExactly(peer, payload.Length);
            });

            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, TestTimeout, TestTimeout);
            transport.Send(payload, 0, payload.Length);

            Assert.Equal(payload, await server);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(TestTimeout)]
        public async Task ResetDuringABlockedSendIsIOExceptionNotTimeout(int timeout)
        {
            // The peer reads nothing, so the send blocks with part of the buffer gone; then the
            // peer resets. .NET on Linux calls such a partial send "timed out" even without a
            // timeout; the transport must report the reset.
            byte[] payload = new byte[64 << 20];
            Task<Socket> accepted = _listener.AcceptSocketAsync();
            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, timeout, timeout);
            Socket peer = await accepted;
            Task reset = Task.Run(async () =>
            {
                await Task.Delay(100);
                peer.LingerState = new LingerOption(true, 0);
                peer.Close();
            });

            DateTime started = DateTime.UtcNow;
            IOException e = Assert.Throws<IOException>(() => transport.Send(payload, 0, payload.Length));
            await reset;

            Assert.Equal(TcpTransport.SendFailed, e.Message);
            Assert.IsType<SocketException>(e.InnerException);
            Assert.InRange((DateTime.UtcNow - started).TotalMilliseconds, 0, TestTimeout - 1000);
        }

        [Fact]
        public async Task SendToAPeerThatReadsNothingTimesOut()
        {
            byte[] payload = new byte[64 << 20];
            Task<Socket> accepted = _listener.AcceptSocketAsync();
            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, 200, 200);
            using Socket peer = await accepted;

            TimeoutException e = Assert.Throws<TimeoutException>(() => transport.Send(payload, 0, payload.Length));

            Assert.Equal(TcpTransport.SendTimedOut, e.Message);
        }

        [Fact]
        public async Task CloseIsIdempotentAndLaterUseThrows()
        {
            Task<Socket> accepted = _listener.AcceptSocketAsync();
            TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, TestTimeout, TestTimeout);
            using Socket peer = await accepted;

            transport.Close();
            transport.Close();
            transport.Dispose();

            Assert.Throws<ObjectDisposedException>(() => transport.Receive(new byte[1], 0, 1));
            Assert.Throws<ObjectDisposedException>(() => transport.Send(new byte[1], 0, 1));
            Assert.Equal(0, peer.Receive(new byte[1]));
        }

        [Fact]
        public async Task RejectsEmptyOrOutOfRangeReads()
        {
            Task<Socket> accepted = _listener.AcceptSocketAsync();
            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, TestTimeout, TestTimeout);
            using Socket peer = await accepted;

            Assert.Throws<ArgumentOutOfRangeException>(() => transport.Receive(new byte[4], 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => transport.Receive(new byte[4], 2, 3));

            // Send's arguments are checked where callers pass them, HttpConnection.Send
            // (HttpConnectionRequestTests.SendRejectsBadArgumentsBeforeOpening).
        }

        [Fact]
        public async Task SetsNoDelayAndTimeoutsOnTheSocket()
        {
            Task<Socket> accepted = _listener.AcceptSocketAsync();
            using TcpTransport transport = TcpTransport.Open("127.0.0.1", Port, 1234, 1234);
            using Socket peer = await accepted;
            Socket socket = transport.Socket;

            Assert.True(socket.NoDelay);
            Assert.Equal(1234, socket.ReceiveTimeout);
            Assert.Equal(1234, socket.SendTimeout);
        }

        private static byte[] ReadExactly(Socket socket, int count)
        {
            byte[] data = new byte[count];
            int total = 0;
            while (total < count)
            {
                int n = socket.Receive(data, total, count - total, SocketFlags.None);
                if (n == 0)
                {
                    throw new EndOfStreamException();
                }

                total += n;
            }

            return data;
        }

        private static void ReadToEnd(Socket socket)
        {
            byte[] sink = new byte[256];
            while (socket.Receive(sink) > 0)
            {
            }
        }

        private static int ReceiveAtLeast(TcpTransport transport, byte[] buffer, int count, int offset = 0)
        {
            int total = 0;
            while (total < count)
            {
                int n = transport.Receive(buffer, offset + total, buffer.Length - offset - total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
    }
}
