using System;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// ITransport over a plain TCP socket. Written once against the Socket members .NET and
    /// nanoFramework share (Send/Receive with offset, size and SocketFlags.None; Close, never
    /// Dispose, which the device implements explicitly), so the host tests exercise the code the
    /// device runs. The TLS transports open their socket with <see cref="OpenSocket(string, int, int, int)"/>.
    /// </summary>
    internal sealed class TcpTransport : ITransport
    {
        private Socket _socket;
#if !NANOFRAMEWORK_1_0
        private HostSplitReceive _split;
#endif

        /// <summary>Wraps a connected socket; the transport owns it from now on.</summary>
        internal TcpTransport(Socket socket)
        {
            if (socket == null)
            {
                throw new ArgumentNullException("socket");
            }

            _socket = socket;
        }

        /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> (see <see cref="OpenSocket(string, int, int, int)"/>).</summary>
        internal static TcpTransport Connect(string host, int port, int timeoutMilliseconds)
        {
            return new TcpTransport(OpenSocket(host, port, timeoutMilliseconds, timeoutMilliseconds));
        }

        /// <summary>
        /// Connects within <paramref name="connectTimeoutMilliseconds"/>, then uses
        /// <paramref name="timeoutMilliseconds"/> for each send and receive (0 or less: none).
        /// </summary>
        internal static TcpTransport Connect(string host, int port, int connectTimeoutMilliseconds, int timeoutMilliseconds)
        {
            return new TcpTransport(OpenSocket(host, port, connectTimeoutMilliseconds, timeoutMilliseconds));
        }

        /// <summary>
        /// Resolves <paramref name="host"/> and returns a connected TCP socket with Nagle's
        /// algorithm off and <paramref name="timeoutMilliseconds"/> (0 or less: none) as its send
        /// and receive timeout. The connect itself waits as long as the platform does: neither
        /// platform's blocking Connect takes a timeout. On failure nothing stays open and the
        /// exceptions of ITransport are thrown.
        /// </summary>
        internal static Socket OpenSocket(string host, int port, int timeoutMilliseconds)
        {
            return OpenSocket(host, port, timeoutMilliseconds, timeoutMilliseconds);
        }

        /// <summary>
        /// As <see cref="OpenSocket(string, int, int)"/>, with a separate bound on the connect:
        /// a watchdog closes the socket when <paramref name="connectTimeoutMilliseconds"/> (0 or
        /// less: none) runs out, and the connect then fails with a <see cref="TimeoutException"/>.
        /// </summary>
        internal static Socket OpenSocket(string host, int port, int connectTimeoutMilliseconds, int timeoutMilliseconds)
        {
            if (host == null)
            {
                throw new ArgumentNullException("host");
            }

            if (port < IPEndPoint.MinPort || port > IPEndPoint.MaxPort)
            {
                throw new ArgumentOutOfRangeException("port");
            }

            IPAddress address;
            try
            {
                address = HostAddress.Resolve(host);
            }
            catch (SocketException e)
            {
                throw TransportErrors.Translate(e, TransportErrors.NameNotResolved, TransportErrors.NameNotResolved);
            }

            if (address == null)
            {
                throw new IOException(TransportErrors.NameNotResolved);
            }

            Socket socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (timeoutMilliseconds > 0)
                {
                    socket.ReceiveTimeout = timeoutMilliseconds;
                    socket.SendTimeout = timeoutMilliseconds;
                }

                // The request head and body go out in separate sends: with Nagle's algorithm the
                // second would wait for the server's delayed ACK.
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
                ConnectWithin(socket, new IPEndPoint(address, port), connectTimeoutMilliseconds);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Close();
                throw TransportErrors.Translate(e, TransportErrors.ConnectFailed, TransportErrors.ConnectTimedOut);
            }
            catch
            {
                socket.Close();
                throw;
            }
        }

        private static void ConnectWithin(Socket socket, IPEndPoint endPoint, int timeoutMilliseconds)
        {
            ConnectWatchdog watchdog = new ConnectWatchdog(socket, timeoutMilliseconds);
            try
            {
                socket.Connect(endPoint);
            }
            catch (Exception)
            {
                watchdog.Dispose();
                if (watchdog.Fired)
                {
                    throw new TimeoutException(TransportErrors.ConnectTimedOut);
                }

                throw;
            }

            watchdog.Dispose();
            if (watchdog.Fired)
            {
                throw new TimeoutException(TransportErrors.ConnectTimedOut);
            }
        }

        /// <summary>Hands the socket over (to a TLS layer); this transport is closed afterwards.</summary>
        internal Socket Detach()
        {
            Socket socket = OpenOrThrow();
            _socket = null;
            return socket;
        }

        /// <inheritdoc/>
        public bool Poll(int milliseconds)
        {
            return SocketControl.Poll(OpenOrThrow(), milliseconds);
        }

        /// <inheritdoc/>
        public bool PeerClosed()
        {
            // Plain TCP carries nothing unasked: any byte on an idle socket (a "408 Request
            // Timeout" before the server closes, garbage) makes it unusable, like a close.
            Socket socket = _socket;
            return socket == null || SocketControl.Readable(socket);
        }

        /// <inheritdoc/>
        public void SetReceiveTimeout(int milliseconds)
        {
            SocketControl.SetReceiveTimeout(OpenOrThrow(), milliseconds);
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            if (count == 0)
            {
                // Socket.Receive would return 0, which callers must be able to read as end of stream.
                throw new ArgumentOutOfRangeException("count");
            }

            Socket socket = OpenOrThrow();
            try
            {
                return socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e)
            {
                throw TransportErrors.Translate(e, TransportErrors.ReceiveFailed, TransportErrors.ReceiveTimedOut);
            }
        }

        /// <inheritdoc/>
        public int ReceiveSplit(byte[] buffer, int offset, int count, byte[] extra, int extraOffset, int extraCount)
        {
#if NANOFRAMEWORK_1_0
            // The device's sockets have no scatter receive.
            return Receive(buffer, offset, count);
#else
            BufferRange.Check(extra, extraOffset, extraCount);
            if (extraCount == 0)
            {
                return Receive(buffer, offset, count);
            }

            BufferRange.Check(buffer, offset, count);
            if (count == 0)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            Socket socket = OpenOrThrow();
            if (_split == null)
            {
                _split = new HostSplitReceive();
            }

            try
            {
                return _split.Receive(socket, buffer, offset, count, extra, extraOffset, extraCount);
            }
            catch (SocketException e)
            {
                throw TransportErrors.Translate(e, TransportErrors.ReceiveFailed, TransportErrors.ReceiveTimedOut);
            }
#endif
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            Socket socket = OpenOrThrow();
            try
            {
                while (count > 0)
                {
                    int sent = socket.Send(buffer, offset, count, SocketFlags.None);
                    if (sent <= 0)
                    {
                        throw new IOException(TransportErrors.SendFailed);
                    }

                    offset += sent;
                    count -= sent;
                }
            }
            catch (SocketException e)
            {
                if (TransportErrors.IsTimeout(e))
                {
                    SocketException broken = ProbeAfterSendTimeout(socket, buffer, offset);
                    if (broken != null)
                    {
                        throw new IOException(TransportErrors.SendFailed, broken);
                    }
                }

                throw TransportErrors.Translate(e, TransportErrors.SendFailed, TransportErrors.SendTimedOut);
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            Socket socket = _socket;
            if (socket == null)
            {
                return;
            }

            _socket = null;
            socket.Close();
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        // .NET on Linux reports a send that moved some bytes and then met a reset as timed out
        // (SocketError.TimedOut, even on a socket without a timeout). A zero-byte send tells the
        // two apart: it returns at once on a live socket, however full its buffer, and fails on
        // a reset one. Returns that failure, or null when the timeout was real.
        private static SocketException ProbeAfterSendTimeout(Socket socket, byte[] buffer, int offset)
        {
#if NANOFRAMEWORK_1_0
            return null;
#else
            try
            {
                socket.Send(buffer, offset, 0, SocketFlags.None);
                return null;
            }
            catch (SocketException e)
            {
                return e;
            }
#endif
        }

        private Socket OpenOrThrow()
        {
            Socket socket = _socket;
            if (socket == null)
            {
                throw new ObjectDisposedException("TcpTransport");
            }

            return socket;
        }
    }
}
