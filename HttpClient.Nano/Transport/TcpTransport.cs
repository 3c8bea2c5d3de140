using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace HttpNano
{
    /// <summary>
    /// ITransport over a TCP socket, and the one owner of that socket: opening it (name
    /// resolution, the connect watchdog), send, receive, poll, the idle-close check, timeouts and
    /// the mapping of SocketException to the exceptions ITransport documents. Written once
    /// against the Socket members .NET and nanoFramework share (Send/Receive with offset, size
    /// and SocketFlags.None; Close, never Dispose, which the device implements explicitly), so
    /// the host tests exercise the code the device runs. <see cref="TlsTransport"/> derives from
    /// it: the socket-level parts stay here, the stream parts go through its SslStream.
    /// </summary>
    internal class TcpTransport : ITransport
    {
        internal const string ReceiveFailed = "receive failed";
        internal const string SendFailed = "send failed";
        internal const string ReceiveTimedOut = "receive timed out";
        internal const string SendTimedOut = "send timed out";
        internal const string ConnectFailed = "connect failed";
        internal const string ConnectTimedOut = "connect timed out";
        internal const string NameNotResolved = "name not resolved";

        private Socket _socket;

        // Armed only while connecting: closes the socket when the connect timeout runs out.
        private Timer _watchdog;

        /// <summary>Wraps a connected socket; the transport owns it from now on.</summary>
        internal TcpTransport(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>
        /// Resolves <paramref name="host"/> and connects within <paramref name="connectTimeout"/>
        /// (0 or less: as long as the platform waits); the socket has Nagle's algorithm off and
        /// <paramref name="timeout"/> (0 or less: none) as its send and receive timeout. On failure
        /// nothing stays open and the exceptions of ITransport are thrown.
        /// </summary>
        internal static TcpTransport Open(string host, int port, int connectTimeout, int timeout)
        {
            if (host == null)
            {
                throw new ArgumentNullException("host");
            }

            if (port < IPEndPoint.MinPort || port > IPEndPoint.MaxPort)
            {
                throw new ArgumentOutOfRangeException("port");
            }

            IPAddress address = Resolve(host);
            Socket socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (timeout > 0)
                {
                    socket.ReceiveTimeout = timeout;
                    socket.SendTimeout = timeout;
                }

                // The request head and body go out in separate sends: with Nagle's algorithm the
                // second would wait for the server's delayed ACK.
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
                TcpTransport transport = new TcpTransport(socket);
                transport.ConnectWithin(new IPEndPoint(address, port), connectTimeout);
                return transport;
            }
            catch (SocketException e)
            {
                socket.Close();
                throw Translate(e, ConnectFailed, ConnectTimedOut);
            }
            catch
            {
                socket.Close();
                throw;
            }
        }

        /// <summary>
        /// An IPv6 literal (has a colon) or a dotted IPv4 literal (digits and dots ending in a
        /// digit; names cannot end in a digit-only label, RFC 1123 section 2.1 as applied by URL
        /// parsers). Literals are parsed, never looked up: .NET's Dns.GetHostEntry would do a
        /// reverse lookup on them.
        /// </summary>
        internal static bool IsLiteral(string host)
        {
            if (host.IndexOf(':') >= 0)
            {
                return true;
            }

            int length = host.Length;
            if (length == 0)
            {
                return false;
            }

            char c = '.';
            for (int i = 0; i < length; i++)
            {
                c = host[i];
                if ((c < '0' || c > '9') && c != '.')
                {
                    return false;
                }
            }

            return c != '.';
        }

        /// <summary>Hands the socket over (to TLS); this transport is closed afterwards.</summary>
        internal Socket Detach()
        {
            Socket socket = OpenSocket();
            _socket = null;
            return socket;
        }

        /// <inheritdoc/>
        public bool Poll(int milliseconds)
        {
            try
            {
                return OpenSocket().Poll(milliseconds < 0 ? -1 : milliseconds * 1000, SelectMode.SelectRead);
            }
            catch (SocketException e)
            {
                throw Translate(e, ReceiveFailed, ReceiveTimedOut);
            }
        }

        /// <inheritdoc/>
        public bool PeerClosed()
        {
            Socket socket = _socket;
            if (socket == null)
            {
                return true;
            }

            try
            {
                // Plain TCP carries nothing unasked: any byte on an idle socket (a "408 Request
                // Timeout" before the server closes, garbage) makes it unusable, like a close.
                // TLS records can arrive unasked (TLS 1.3 session tickets): there only the close
                // counts, and a close_notify, being data, is seen on the next read.
                return socket.Poll(0, SelectMode.SelectRead) && (!(this is TlsTransport) || socket.Available == 0);
            }
            catch (SocketException)
            {
                return true;
            }
        }

        /// <inheritdoc/>
        public void SetReceiveTimeout(int milliseconds)
        {
            OpenSocket().ReceiveTimeout = milliseconds > 0 ? milliseconds : -1;
        }

        /// <inheritdoc/>
        public virtual int Receive(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count, 1);
            Socket socket = OpenSocket();
            try
            {
                return socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e)
            {
                throw Translate(e, ReceiveFailed, ReceiveTimedOut);
            }
        }

        /// <inheritdoc/>
        public virtual void Send(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count, 0);
            Socket socket = OpenSocket();
            try
            {
                while (count > 0)
                {
                    int sent = socket.Send(buffer, offset, count, SocketFlags.None);
                    if (sent <= 0)
                    {
                        throw new IOException(SendFailed);
                    }

                    offset += sent;
                    count -= sent;
                }
            }
            catch (SocketException e)
            {
                if (IsTimeout(e))
                {
                    SocketException broken = ProbeAfterSendTimeout(socket, buffer, offset);
                    if (broken != null)
                    {
                        throw new IOException(SendFailed, broken);
                    }
                }

                throw Translate(e, SendFailed, SendTimedOut);
            }
        }

        /// <inheritdoc/>
        public virtual void Close()
        {
            Socket socket = _socket;
            _socket = null;
            if (socket != null)
            {
                socket.Close();
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>The open socket; <see cref="ObjectDisposedException"/> once closed.</summary>
        internal Socket OpenSocket()
        {
            Socket socket = _socket;
            if (socket == null)
            {
                throw new ObjectDisposedException("transport");
            }

            return socket;
        }

        /// <summary>
        /// The check every Receive and Send make on byte[] + offset + count, with at least
        /// <paramref name="least"/> bytes: 1 for a receive, whose 0 would read as end of stream.
        /// </summary>
        internal static void CheckRange(byte[] buffer, int offset, int count, int least)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < least || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
        }

        /// <summary>Whether the socket operation failed because its timeout expired.</summary>
        internal static bool IsTimeout(SocketException e)
        {
#if NANOFRAMEWORK_1_0
            // The device has no SocketErrorCode; ErrorCode carries the SocketError value.
            return e.ErrorCode == (int)SocketError.TimedOut;
#else
            // On .NET, ErrorCode is the native code (errno on Linux); SocketErrorCode is portable.
            return e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock;
#endif
        }

        /// <summary>
        /// The exception to throw for a failed send, receive or connect, so callers never depend
        /// on socket error numbering (Winsock codes on the device, errno-based codes on Linux).
        /// </summary>
        internal static Exception Translate(SocketException e, string failedMessage, string timedOutMessage)
        {
            if (IsTimeout(e))
            {
                return new TimeoutException(timedOutMessage);
            }

            return new IOException(failedMessage, e);
        }

        // The address for host: the literal itself, or the first IPv4 address DNS returns (the
        // first address of any family when there is no IPv4 one). A literal that does not parse
        // fails like an unknown name: IPAddress.Parse throws FormatException on .NET and other
        // types on the device, so any failure counts.
        private static IPAddress Resolve(string host)
        {
            IPAddress[] addresses;
            try
            {
                if (IsLiteral(host))
                {
                    return IPAddress.Parse(host);
                }

                addresses = Dns.GetHostEntry(host).AddressList;
            }
            catch (SocketException e)
            {
                throw Translate(e, NameNotResolved, NameNotResolved);
            }
            catch (Exception e)
            {
                throw new IOException(NameNotResolved, e);
            }

            if (addresses == null || addresses.Length == 0)
            {
                throw new IOException(NameNotResolved);
            }

            for (int i = 0; i < addresses.Length; i++)
            {
                if (addresses[i].AddressFamily == AddressFamily.InterNetwork)
                {
                    return addresses[i];
                }
            }

            return addresses[0];
        }

        // Neither platform's blocking Connect takes a timeout: a one-shot timer closes the socket
        // when the time is up, which makes Connect fail, and the connect then throws a
        // TimeoutException instead of the socket error.
        private void ConnectWithin(IPEndPoint endPoint, int timeout)
        {
            if (timeout > 0)
            {
                _watchdog = new Timer(CloseOnTimeout, null, timeout, Timeout.Infinite);
            }

            try
            {
                _socket.Connect(endPoint);
            }
            catch (Exception)
            {
                if (Disarm())
                {
                    throw new TimeoutException(ConnectTimedOut);
                }

                throw;
            }

            if (Disarm())
            {
                throw new TimeoutException(ConnectTimedOut);
            }
        }

        // Stops the watchdog; true when it had already closed the socket. After this returns it
        // closes nothing: both run under the same lock.
        private bool Disarm()
        {
            lock (this)
            {
                if (_watchdog != null)
                {
                    _watchdog.Dispose();
                    _watchdog = null;
                }

                return _socket == null;
            }
        }

        private void CloseOnTimeout(object state)
        {
            Socket socket;
            lock (this)
            {
                if (_watchdog == null)
                {
                    // Disarmed: the connect finished first.
                    return;
                }

                _watchdog.Dispose();
                _watchdog = null;
                socket = _socket;
                _socket = null;
            }

            socket.Close();
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
    }
}
