using System;

namespace HttpNano
{
    /// <summary>
    /// One HTTP/1.1 connection to one server (Python's http.client.HTTPConnection). Send a
    /// request with <see cref="Request(string, string)"/> (or PutRequest, PutHeader, EndHeaders),
    /// then read the answer with <see cref="GetResponse"/>. The socket opens on first use, stays
    /// open between requests while the server allows it (keep-alive), and reopens by itself after
    /// the server closed it. Not thread-safe: one request at a time. See
    /// <see cref="ConnectionState"/> for the order of calls.
    /// </summary>
    public partial class HttpConnection : IDisposable
    {
        /// <summary>The default port of HTTP, 80 (Python's HTTP_PORT).</summary>
        public const int HttpPort = 80;

        /// <summary>No timeout: block until the operation completes.</summary>
        public const int InfiniteTimeout = -1;

        /// <summary>Default <see cref="BlockSize"/>: 1024 bytes per read of a stream body (CPython: 8192).</summary>
        public const int DefaultBlockSize = 1024;

        /// <summary>Default <see cref="ContinueTimeout"/>: 1000 ms.</summary>
        public const int DefaultContinueTimeout = 1000;

        private readonly string _host;
        private readonly int _port;
        private readonly RequestWriter _writer;
        private int _timeout;
        private int _connectTimeout = InfiniteTimeout;
        private int _responseTimeout = InfiniteTimeout;
        private int _continueTimeout = DefaultContinueTimeout;
        private bool _expectContinue;
        private bool _reused;
        private int _blockSize = DefaultBlockSize;
        private HttpLimits _limits = new HttpLimits();
        private ITransport _transport;
        private ResponseReader _reader;
        private HttpResponse _response;
        private HttpResponse _spareResponse;
        private ConnectionState _state;
        private string _hostHeader;
        private byte[] _scratch;
        private int _debugLevel;

        /// <summary>
        /// Creates a connection to <paramref name="host"/>, which may carry a port: "example.com",
        /// "example.com:8080", "[2001:db8::1]:8080". No socket is opened yet.
        /// </summary>
        /// <param name="host">Host name or address, optionally with ":port".</param>
        /// <exception cref="InvalidUrlException">The port is not a number, or the host holds a control character or space.</exception>
        public HttpConnection(string host) : this(host, RequestWriter.NoPort, InfiniteTimeout) { }

        /// <summary>Creates a connection to <paramref name="host"/> on <paramref name="port"/>.</summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port, 1-65535.</param>
        public HttpConnection(string host, int port) : this(host, port, InfiniteTimeout) { }

        /// <summary>
        /// Creates a connection with a timeout, in milliseconds, for connecting and for each
        /// send or receive (<see cref="InfiniteTimeout"/> for none).
        /// </summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port, 1-65535, or -1 to take it from <paramref name="host"/> or <see cref="DefaultPort"/>.</param>
        /// <param name="timeoutMilliseconds">Timeout in milliseconds, or -1 for none.</param>
        public HttpConnection(string host, int port, int timeoutMilliseconds)
        {
            int resolvedPort;
            _host = RequestWriter.ParseHost(host, port, DefaultPort, out resolvedPort);
            _port = resolvedPort;
            Timeout = timeoutMilliseconds;
            _writer = new RequestWriter();
        }

        /// <summary>The host to connect to (brackets of an IPv6 literal removed).</summary>
        public string Host
        {
            get { return _host; }
        }

        /// <summary>The port to connect to.</summary>
        public int Port
        {
            get { return _port; }
        }

        /// <summary>The port used when none is given: 80 here, 443 for HTTPS (Python's default_port).</summary>
        public virtual int DefaultPort
        {
            get { return HttpPort; }
        }

        /// <summary>Timeout in milliseconds for connecting and for each send or receive; -1 for none.</summary>
        public int Timeout
        {
            get { return _timeout; }
            set { _timeout = CheckTimeout(value); }
        }

        /// <summary>
        /// Longest wait for the TCP connect, in milliseconds; -1 (the default) means
        /// <see cref="Timeout"/>. A timer closes the socket when it runs out, as neither
        /// platform's blocking connect takes a timeout.
        /// </summary>
        public int ConnectTimeout
        {
            get { return _connectTimeout; }
            set { _connectTimeout = CheckTimeout(value); }
        }

        /// <summary>
        /// Longest time, in milliseconds, from <see cref="GetResponse"/> until the response's
        /// body has been read to its end; -1 (the default) for none. Unlike <see cref="Timeout"/>,
        /// which bounds each receive, this bounds the whole response, so a server that sends one
        /// byte at a time cannot hold the request forever. Exceeding it raises a
        /// <see cref="TimeoutException"/> and closes the connection.
        /// </summary>
        public int ResponseTimeout
        {
            get { return _responseTimeout; }
            set { _responseTimeout = CheckTimeout(value); }
        }

        /// <summary>
        /// When true, requests with a body send "Expect: 100-continue" and the head alone, then
        /// wait up to <see cref="ContinueTimeout"/> for the server: on "100 Continue" (or
        /// silence) the body follows; when a final status (say 401 or 413) comes first, the body
        /// is not sent, <see cref="GetResponse"/> returns that status and the connection closes
        /// after it. Saves sending a large body the server would refuse. Off by default.
        /// </summary>
        public bool ExpectContinue
        {
            get { return _expectContinue; }
            set { _expectContinue = value; }
        }

        /// <summary>How long to wait for "100 Continue" before sending the body anyway, in milliseconds.</summary>
        public int ContinueTimeout
        {
            get { return _continueTimeout; }
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _continueTimeout = value;
            }
        }

        /// <summary>Bytes read from a stream body at a time (Python's blocksize).</summary>
        public int BlockSize
        {
            get { return _blockSize; }
            set
            {
                if (value <= 0)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _blockSize = value;
                _scratch = null;
            }
        }

        /// <summary>Limits applied to responses (line length, header count and size, interim responses).</summary>
        public HttpLimits Limits
        {
            get { return _limits; }
            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException("value");
                }

                _limits = value;
                _reader = null;
            }
        }

        /// <summary>Debug output level: above 0 prints "send:", "reply:" and "header:" lines.</summary>
        public int DebugLevel
        {
            get { return _debugLevel; }
            set { _debugLevel = value; }
        }

        /// <summary>Sets <see cref="DebugLevel"/> (Python's set_debuglevel).</summary>
        /// <param name="level">0 for silence, above 0 to print what goes over the wire.</param>
        public void SetDebugLevel(int level)
        {
            _debugLevel = level;
        }

        /// <summary>
        /// Opens the socket now (requests open it on demand anyway): TCP, then the CONNECT of a
        /// tunnel if one is set, then <see cref="Secure"/> (TLS for HTTPS).
        /// </summary>
        public virtual void Connect()
        {
            if (_transport != null)
            {
                return;
            }

            int connectTimeout = _connectTimeout == InfiniteTimeout ? _timeout : _connectTimeout;
            ITransport plain = CreateConnection == null
                ? TcpTransport.Open(_host, _port, connectTimeout, _timeout)
                : CreateConnection(_host, _port, connectTimeout, _timeout);
            ITransport transport = plain;
            try
            {
                bool unread = _tunnelHost != null && OpenTunnel(plain);
                transport = Secure(plain, OriginHost);
                if (unread && transport != plain)
                {
                    // TLS starts with the client's hello: bytes before it can only be the proxy's.
                    throw new HttpException("unexpected bytes after CONNECT answer");
                }
            }
            catch
            {
                transport.Close();
                throw;
            }

            _transport = transport;
            _reused = false;
        }

        /// <summary>
        /// Closes the socket and forgets any request under way; a response that owns the socket
        /// (one that said "Connection: close") stays readable. The connection can be used again.
        /// </summary>
        public void Close()
        {
            _state = ConnectionState.Idle;
            _response = null;
            ITransport transport = _transport;
            _transport = null;
            if (transport != null)
            {
                transport.Close();
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>
        /// Opens the socket (CPython's <c>_create_connection</c>): null, the default, means
        /// <see cref="TcpTransport.Open"/>; tests put a scripted one here.
        /// </summary>
        internal SocketOpener CreateConnection;

        /// <summary>
        /// What runs over the open socket (or tunnel) to <paramref name="host"/>, the origin:
        /// nothing more for HTTP; HTTPS overrides it with TLS.
        /// </summary>
        internal virtual ITransport Secure(ITransport plain, string host)
        {
            return plain;
        }

        /// <summary>The Host header value for this connection, computed once.</summary>
        private string HostHeaderValue
        {
            get
            {
                if (_hostHeader == null)
                {
                    _hostHeader = RequestWriter.HostValue(OriginHost, OriginPort, DefaultPort);
                }

                return _hostHeader;
            }
        }

        /// <summary>A block-sized buffer for stream and string bodies, allocated on first use.</summary>
        private byte[] Scratch
        {
            get
            {
                if (_scratch == null)
                {
                    _scratch = new byte[RequestWriter.MaxChunkHeaderLength + _blockSize + RequestWriter.MaxLastChunkLength];
                }

                return _scratch;
            }
        }

        private ITransport EnsureConnected()
        {
            if (_transport == null)
            {
                Connect();
            }

            return _transport;
        }

        // Before a request goes out on a kept-alive socket: if the server has closed it while it
        // was idle (its keep-alive timeout), replace it now instead of failing the request.
        private void ReplaceIfClosedByPeer()
        {
            // Bytes already buffered (a scripted or pipelined answer) mean the stream is still in use.
            ITransport transport = _transport;
            if (transport != null && _reused && (_reader == null || _reader.Buffered == 0) && transport.PeerClosed())
            {
                _transport = null;
                transport.Close();
            }
        }

        private static int CheckTimeout(int value)
        {
            if (value < InfiniteTimeout)
            {
                throw new ArgumentOutOfRangeException("value");
            }

            return value;
        }
    }
}
