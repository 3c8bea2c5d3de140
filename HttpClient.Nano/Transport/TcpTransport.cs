// nanoFramework's Debug.WriteLine is [Conditional("DEBUG")]: without this the Release build, the
// one that ships, would drop the SetDebugLevel lines (Debug below) at compile time. Only this
// file is affected.
#if NANOFRAMEWORK_1_0
#define DEBUG
#endif
using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
#if NANOFRAMEWORK_1_0
using System.Security.Cryptography.X509Certificates;
#else
using System.Security.Authentication;
#endif

namespace HttpNano
{
    /// <summary>
    /// One open byte stream to one server over a TCP socket, with or without TLS, and the one
    /// owner of that socket: opening it (name resolution, the connect watchdog), the TLS
    /// handshake, send, receive, poll, the idle-close check, timeouts and the mapping of
    /// SocketException to the exceptions below. It is also the seam between the connection and
    /// the network: the tests' scripted transports derive from it and override its virtual
    /// members (a separate interface would cost the device a type and six methods). Written once against the Socket members .NET and nanoFramework share
    /// (Send/Receive with offset, size and SocketFlags.None; Close, never Dispose, which the device
    /// implements explicitly), so the host tests exercise the code the device runs.
    /// </summary>
    /// <remarks>
    /// TLS: after <see cref="Handshake"/> the transport's bytes go through an authenticated
    /// SslStream: .NET's over a NetworkStream on the host, nanoFramework's
    /// SslStream(Socket) over mbedTLS on the device. Poll, the idle-close check and timeouts stay
    /// on the socket; Read and Write take byte[] + offset + count (the device does not implement
    /// Read(SpanByte)). The device's handshake is below, the host's in Host/TcpTransport.Host.cs.
    /// </remarks>
    /// <remarks>
    /// How failures surface, the same on the host and on the device:
    /// - a send or receive timeout: <see cref="TimeoutException"/> (the stream is then unusable:
    ///   close it);
    /// - a reset, abort or any other socket failure while connected:
    ///   <see cref="System.IO.IOException"/> with the SocketException as InnerException;
    /// - opening fails (name not resolved, refused, unreachable, timed out):
    ///   <see cref="ConnectException"/> (an IOException) whose Reason says which, with the
    ///   platform's exception inside. Nothing stays open after a failed open.
    /// - using a closed transport: <see cref="ObjectDisposedException"/>.
    /// </remarks>
    internal partial class TcpTransport
    {
        internal const string ReceiveFailed = "receive failed";
        internal const string SendFailed = "send failed";
        internal const string ReceiveTimedOut = "receive timed out";
        internal const string SendTimedOut = "send timed out";
        internal const string ConnectFailed = "connect failed";
        internal const string ConnectTimedOut = "connect timed out";
        internal const string NameNotResolved = "name not resolved";

        // mbedTLS codes a failed device handshake leaves in SocketException.ErrorCode
        // (nf-interpreter's SslNative SecureConnect returns mbedtls_ssl_handshake's result).
        private const int CertVerifyFailed = -0x2700;   // MBEDTLS_ERR_X509_CERT_VERIFY_FAILED: chain, name or validity
        private const int BadCertificate = -0x7A00;     // MBEDTLS_ERR_SSL_BAD_CERTIFICATE (mbedTLS 3)
        private const int CaChainRequired = -0x7680;    // MBEDTLS_ERR_SSL_CA_CHAIN_REQUIRED: no CA to verify with
        private const int InvalidRecord = -0x7200;      // MBEDTLS_ERR_SSL_INVALID_RECORD: not TLS (plain HTTP?)
        private const int FatalAlert = -0x7780;         // MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE: e.g. client certificate required
        private const int AllocFailed = -0x7F00;        // MBEDTLS_ERR_SSL_ALLOC_FAILED: native heap exhausted
        private const int ConnectionEof = -0x7280;      // MBEDTLS_ERR_SSL_CONN_EOF: the server closed

        private Socket _socket;

        // The TLS stream over _socket; null for plain TCP (and once closed).
        private SslStream _ssl;

        // The connect watchdog, armed only while connecting: closes the socket when the connect
        // timeout runs out.
        private Timer _timer;

        /// <summary>Wraps a connected socket; the transport owns it from now on.</summary>
        internal TcpTransport(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>
        /// Resolves <paramref name="host"/> and connects within <paramref name="connectTimeout"/>
        /// (0 or less: as long as the platform waits); the socket has Nagle's algorithm off and
        /// <paramref name="timeout"/> (0 or less: none) as its send and receive timeout. On failure
        /// nothing stays open and the exceptions above are thrown. Host and port come
        /// checked from <see cref="RequestWriter.ParseHost"/>.
        /// </summary>
        internal static TcpTransport Open(string host, int port, int connectTimeout, int timeout)
        {
            // The address: the literal itself, or the first IPv4 address DNS returns (the first
            // address of any family when there is no IPv4 one). A literal that does not parse
            // fails like an unknown name: IPAddress.Parse throws FormatException on .NET and other
            // types on the device, so any failure counts.
            IPAddress address;
            try
            {
                if (IsLiteral(host))
                {
                    address = IPAddress.Parse(host);
                }
                else
                {
                    // An empty or missing list fails on its first element, as a name not resolved.
                    IPAddress[] addresses = Dns.GetHostEntry(host).AddressList;
                    address = addresses[0];
                    for (int i = 0; i < addresses.Length; i++)
                    {
                        if (addresses[i].AddressFamily == AddressFamily.InterNetwork)
                        {
                            address = addresses[i];
                            break;
                        }
                    }
                }
            }
            catch (Exception e)
            {
                throw new ConnectException(NameNotResolved, ConnectException.NameNotResolved, e);
            }

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

                // Neither platform's blocking Connect takes a timeout: a one-shot timer closes the
                // socket when the time is up, which makes Connect fail, and the connect then throws
                // a TimeoutException instead of the socket error.
                TcpTransport transport = new TcpTransport(socket);
                if (connectTimeout > 0)
                {
                    transport._timer = new Timer(transport.Expire, null, connectTimeout, Timeout.Infinite);
                }

                try
                {
                    socket.Connect(new IPEndPoint(address, port));
                }
                finally
                {
                    // Disarm: after this the watchdog closes nothing (both run under the same
                    // lock). A socket it closed is a timeout, whatever Connect did.
                    lock (transport)
                    {
                        if (transport._timer != null)
                        {
                            transport._timer.Dispose();
                            transport._timer = null;
                        }

                        if (transport._socket == null)
                        {
                            throw new TimeoutException(ConnectTimedOut);
                        }
                    }
                }

                return transport;
            }
            catch (Exception e)
            {
                socket.Close();
                int error = SocketErrorOf(e);
                if (e is TimeoutException || error == (int)SocketError.TimedOut)
                {
                    throw new ConnectException(ConnectTimedOut, ConnectException.TimedOut, e);
                }

                throw new ConnectException(ConnectFailed,
                    error == (int)SocketError.ConnectionRefused ? ConnectException.Refused
                    : error == (int)SocketError.HostUnreachable || error == (int)SocketError.NetworkUnreachable || error == (int)SocketError.NetworkDown ? ConnectException.Unreachable
                    : ConnectException.Failed, e);
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

            char c = '.';
            for (int i = 0; i < host.Length; i++)
            {
                c = host[i];
                if ((c < '0' || c > '9') && c != '.')
                {
                    return false;
                }
            }

            // Also false for "": c is still the dot.
            return c != '.';
        }

        /// <summary>
        /// Waits up to <paramref name="milliseconds"/> (-1: no limit) for something to receive
        /// and says whether there is: data, or the end of the stream. Used to wait for
        /// "100 Continue" without committing to a receive.
        /// </summary>
        public virtual bool Poll(int milliseconds)
        {
            try
            {
                return OpenSocket().Poll(milliseconds < 0 ? -1 : milliseconds * 1000, SelectMode.SelectRead);
            }
            catch (SocketException e)
            {
                throw MapSocketError(e, ReceiveFailed, ReceiveTimedOut);
            }
        }

        /// <summary>
        /// Whether an idle stream can no longer carry a request: the peer closed it (a kept-alive
        /// connection the server timed out) or, where the protocol allows no unasked bytes, sent
        /// some. The connection then replaces it before the next request.
        /// </summary>
        public virtual bool PeerClosed()
        {
            try
            {
                // A closed transport (ObjectDisposedException) or a failed poll: closed too.
                Socket socket = OpenSocket();

                // Plain TCP carries nothing unasked: any byte on an idle socket (a "408 Request
                // Timeout" before the server closes, garbage) makes it unusable, like a close.
                // TLS records can arrive unasked (TLS 1.3 session tickets): there only the close
                // counts, and a close_notify, being data, is seen on the next read.
                return socket.Poll(0, SelectMode.SelectRead) && (_ssl == null || socket.Available == 0);
            }
            catch (Exception)
            {
                return true;
            }
        }

        /// <summary>Sets the timeout of each later receive, in milliseconds (0 or less: none).</summary>
        public virtual void SetReceiveTimeout(int milliseconds)
        {
            OpenSocket().ReceiveTimeout = milliseconds > 0 ? milliseconds : -1;
        }

        /// <summary>
        /// Receives up to <paramref name="count"/> (at least 1) bytes, blocking until at least one
        /// arrives. Returns 0 only when the peer has closed the stream, never for "no data yet".
        /// </summary>
        public virtual int Receive(byte[] buffer, int offset, int count)
        {
            // At least one byte: a receive of 0 would read as the end of the stream. The buffer
            // and its bounds are checked by the socket and the TLS stream themselves (natively on
            // the device). (Send's arguments come checked from HttpConnection.Send or the
            // connection's own buffers.)
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            Socket socket = OpenSocket();
            SslStream ssl = _ssl;
            try
            {
                return ssl == null ? socket.Receive(buffer, offset, count, SocketFlags.None) : ssl.Read(buffer, offset, count);
            }
            catch (Exception e)
            {
                // A SocketException (from the socket or the device's SslStream, which lets it
                // through) or .NET's SslStream's IOException around it: mapped; others as they are.
                throw MapSocketError(e, ReceiveFailed, ReceiveTimedOut);
            }
        }

        /// <summary>Sends all <paramref name="count"/> bytes or throws.</summary>
        public virtual void Send(byte[] buffer, int offset, int count)
        {
            Socket socket = OpenSocket();
            SslStream ssl = _ssl;
            try
            {
                if (ssl != null)
                {
                    ssl.Write(buffer, offset, count);
                    return;
                }

                while (count > 0)
                {
                    int sent = socket.Send(buffer, offset, count, SocketFlags.None);
                    if (sent <= 0)
                    {
                        throw new IOException(SendFailed, null); // the constructor MapSocketError uses: one reference
                    }

                    offset += sent;
                    count -= sent;
                }
            }
            catch (Exception e)
            {
                // As in Receive: socket and SslStream failures mapped, others as they are.
                Exception error = MapSocketError(e, SendFailed, SendTimedOut);
#if !NANOFRAMEWORK_1_0
                // .NET on Linux reports a send that moved some bytes and then met a reset as timed
                // out (SocketError.TimedOut, even on a socket without a timeout). A zero-byte send
                // tells the two apart: it returns at once on a live socket, however full its
                // buffer, and fails on a reset one.
                if (error is TimeoutException && e is SocketException)
                {
                    try
                    {
                        socket.Send(buffer, offset, 0, SocketFlags.None);
                    }
                    catch (SocketException broken)
                    {
                        error = new IOException(SendFailed, broken);
                    }
                }
#endif
                throw error;
            }
        }

        /// <summary>Closes the stream; safe to call more than once (the library closes, it never disposes).</summary>
        public virtual void Close()
        {
            SslStream ssl = _ssl;
            Socket socket = _socket;
            _ssl = null;
            _socket = null;
            try
            {
                if (ssl != null)
                {
                    // On the device this frees the native TLS context (about 2 x 16 KB of record buffers).
                    ssl.Close();
                }

                if (socket != null)
                {
                    socket.Close();
                }
            }
            catch (Exception)
            {
                // Closing after a failure, or a socket the stream already closed: nothing more to do.
            }
        }

        /// <summary>
        /// The library's exception for a device handshake that failed with the mbedTLS
        /// <paramref name="code"/>, or null when the code is not an mbedTLS one (a socket error,
        /// which the caller rethrows as it is). Pure mapping, so the host tests check it too.
        /// </summary>
        internal static TlsHandshakeException MbedTlsError(int code, Exception inner)
        {
            string message = null;
            switch (code)
            {
                case CertVerifyFailed:
                case BadCertificate:
                    return new CertificateVerificationException(null, CertificateVerificationException.Unknown, code, inner);
                case CaChainRequired:
                    return new CertificateVerificationException(TlsOptions.NoCaCertificate, CertificateVerificationException.Untrusted, code, inner);
                case InvalidRecord:
                    return new TlsPlainHttpException(code, inner);
                case FatalAlert:
                    message = "fatal alert";
                    break;
                case AllocFailed:
                    message = "out of native memory";
                    break;
                case ConnectionEof:
                    message = RemoteDisconnectedException.ClosedWithoutResponse;
                    break;
            }

            return code < 0 ? new TlsHandshakeException(message, code, inner) : null;
        }

        /// <summary>Where the debug lines of <see cref="HttpConnection.SetDebugLevel"/> go: standard output on a desktop (as in CPython), the debugger output on the device.</summary>
        internal static void Debug(string line)
        {
#if NANOFRAMEWORK_1_0
            System.Diagnostics.Debug.WriteLine(line);
#else
            Console.WriteLine(line);
#endif
        }

        /// <summary>Bytes as CPython's repr would show them: printable ASCII as is, CR/LF/TAB escaped, others as \xNN (debug lines only).</summary>
        internal static string Escape(byte[] buffer, int offset, int count)
        {
            // The four bytes escaped by a letter, those letters, then the hex digits.
            const string Table = "\r\n\t\\rnt\\0123456789abcdef";
            char[] chars = new char[count * 4];
            int at = 0;
            for (int i = offset; i < offset + count; i++)
            {
                int b = buffer[i];
                int k = Table.IndexOf((char)b, 0, 4);
                if (k < 0 && b >= 32 && b < 127)
                {
                    chars[at++] = (char)b;
                    continue;
                }

                chars[at++] = '\\';
                if (k >= 0)
                {
                    chars[at++] = Table[k + 4];
                }
                else
                {
                    chars[at++] = 'x';
                    chars[at++] = Table[8 + (b >> 4)];
                    chars[at++] = Table[8 + (b & 15)];
                }
            }

            return new string(chars, 0, at);
        }

        // The open socket; ObjectDisposedException once closed.
        private Socket OpenSocket()
        {
            Socket socket = _socket;
            if (socket == null)
            {
                throw new ObjectDisposedException(null);
            }

            return socket;
        }

        // The exception to throw for a failed send or receive, so callers never depend on socket
        // error numbering (Winsock codes on the device, errno-based codes on Linux): a timeout
        // becomes a TimeoutException, any other SocketException an IOException with it inside;
        // other exceptions stay as they are.
        private static Exception MapSocketError(Exception e, string failedMessage, string timedOutMessage)
        {
            int error = SocketErrorOf(e);
            if (error == (int)SocketError.TimedOut || error == (int)SocketError.WouldBlock)
            {
                return new TimeoutException(timedOutMessage, e);
            }

            return e is SocketException ? new IOException(failedMessage, e) : e;
        }

        // The SocketError value of a failure: of the SocketException itself or, from .NET's
        // SslStream, of the one inside an IOException; 0 when there is none.
        private static int SocketErrorOf(Exception e)
        {
            SocketException socketError = (e as SocketException) ?? (e.InnerException as SocketException);
            if (socketError == null)
            {
                return 0;
            }

#if NANOFRAMEWORK_1_0
            // The device has no SocketErrorCode; ErrorCode carries the SocketError value.
            return socketError.ErrorCode;
#else
            // On .NET, ErrorCode is the native code (errno on Linux); SocketErrorCode is portable.
            return (int)socketError.SocketErrorCode;
#endif
        }

        // The connect watchdog's timer callback: closes the socket unless the connect finished first.
        // (Open disposes the timer when it disarms it, fired or not.)
        private void Expire(object state)
        {
            lock (this)
            {
                // Null: disarmed, the connect finished first.
                if (_timer != null)
                {
                    Close();
                }
            }
        }

#if NANOFRAMEWORK_1_0
        // The device: SslStream(Socket) and AuthenticateAsClient(host, client certificate, CA,
        // protocols). Verification uses SslVerification.CertificateRequired, the only value the
        // native side enforces; NoVerification only with DangerousAcceptAnyServerCertificate.
        // Without a CA of the caller's, the CA argument is null and mbedTLS verifies against the
        // bundle stored on the device (CertificateManager.AddCaCertificateBundle); with none
        // stored, the handshake fails closed as a CertificateVerificationException.
        internal void Handshake(string host, TlsOptions options)
        {
            if (options.Pins != null)
            {
                // The message names the option: the field's name, stored once for both.
                throw new NotSupportedException(nameof(TlsOptions.Pins));
            }

            X509Certificate ca = options.CaPem == null ? null : new X509Certificate(options.CaPem);
            X509Certificate client = options.ClientCertificate;
            if (client == null && options.CertPem != null)
            {
                // The password must not be null: the native side reads it as a string.
                client = new X509Certificate2(options.CertPem, options.KeyPem, "");
            }

            // TlsVersion's values are the platforms' SslProtocols flags. None would mean TLS 1.3
            // only on current firmware: default to 1.2, which all support.
            SslStream ssl = new SslStream(OpenSocket());
            _ssl = ssl;
            ssl.SslVerification = options.DangerousAcceptAnyServerCertificate
                ? SslVerification.NoVerification
                : SslVerification.CertificateRequired;
            ssl.UseStoredDeviceCertificate = options.UseStoredDeviceClientCertificate;
            try
            {
                // An empty target host skips mbedtls_ssl_set_hostname: no SNI and no name check.
                ssl.AuthenticateAsClient(options.CheckHostName ? host : "", client, ca, options.Versions == TlsVersion.Default ? SslProtocols.Tls12 : (SslProtocols)options.Versions);
            }
            catch (SocketException e)
            {
                TlsHandshakeException mapped = MbedTlsError(e.ErrorCode, e);
                if (mapped != null)
                {
                    throw mapped;
                }

                throw;
            }
        }
#endif
    }
}
