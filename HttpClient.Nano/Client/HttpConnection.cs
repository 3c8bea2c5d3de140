using System;
using System.IO;

namespace HttpNano
{
    /// <summary>
    /// One HTTP/1.1 connection to one server (Python's http.client.HTTPConnection). Send a
    /// request with <see cref="Request(string, string)"/> (or PutRequest, PutHeader,
    /// EndHeaders), then read the answer with <see cref="GetResponse"/>. The socket opens on first
    /// use, stays open between requests while the server allows it (keep-alive), and reopens by
    /// itself after the server closed it or after any failure. Not thread-safe: one request at a
    /// time.
    /// <code>
    ///   Idle --PutRequest--> RequestStarted --PutHeader*, EndHeaders--> RequestSent
    ///    ^                                                                  |
    ///    +----------------------------- GetResponse ------------------------+
    ///
    ///   PutRequest outside Idle               -> CannotSendRequestException
    ///   PutHeader/EndHeaders outside Started  -> CannotSendHeaderException
    ///   GetResponse outside Sent, or while the previous response is unread
    ///                                         -> ResponseNotReadyException
    ///   Close, or any failure after the request began to go out
    ///                                         -> Idle, socket closed (the next request reconnects)
    ///   an argument error (bad header, URL)   -> the state stays as it was
    /// </code>
    /// A request that fails on a socket which already carried a response, before a byte of its
    /// own response arrived (the server closed the idle socket just as the request went out), is
    /// sent once more on a new socket when RFC 9110 allows it and its body can be sent again
    /// (<see cref="RetryOnStaleConnection"/>). The socket and its receive buffer belong to the
    /// connection's response reader; the send engine is in HttpConnection.Sending.cs.
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

        private const string ExpectName = "Expect";
        private const string HostName = "Host";

        // Body bytes sit in the scratch buffer at this offset, so a chunk header can be written
        // just before them and header plus data leave in one send.
        private const int DataOffset = RequestWriter.MaxChunkHeaderLength;

        /// <summary>The host to connect to (brackets of an IPv6 literal removed).</summary>
        public readonly string Host;

        /// <summary>The port to connect to.</summary>
        public readonly int Port;

        /// <summary>Timeout in milliseconds for connecting and for each send or receive; -1 (or 0) for none.</summary>
        public int Timeout;

        /// <summary>
        /// Longest wait for the TCP connect, in milliseconds; -1 (the default) means
        /// <see cref="Timeout"/>. A timer closes the socket when it runs out, as neither
        /// platform's blocking connect takes a timeout.
        /// </summary>
        public int ConnectTimeout = InfiniteTimeout;

        /// <summary>
        /// Longest time, in milliseconds, from <see cref="GetResponse"/> until the response's
        /// body has been read to its end; -1 (the default) for none. Unlike <see cref="Timeout"/>,
        /// which bounds each receive, this bounds the whole response, so a server that sends one
        /// byte at a time cannot hold the request forever. Exceeding it raises a
        /// <see cref="TimeoutException"/> and closes the connection.
        /// </summary>
        public int ResponseTimeout = InfiniteTimeout;

        /// <summary>
        /// How long to wait for "100 Continue" before sending the body anyway, in milliseconds;
        /// 0 or less sends the body at once, after only checking whether an answer is already there.
        /// </summary>
        public int ContinueTimeout = DefaultContinueTimeout;

        /// <summary>
        /// When true, requests with a body send "Expect: 100-continue" and the head alone, then
        /// wait up to <see cref="ContinueTimeout"/> for the server: on "100 Continue" (or
        /// silence) the body follows; when a final status (say 401 or 413) comes first, the body
        /// is not sent, <see cref="GetResponse"/> returns that status and the connection closes
        /// after it. Saves sending a large body the server would refuse. Off by default.
        /// </summary>
        public bool ExpectContinue;

        /// <summary>
        /// When true (the default), a request that fails on a kept-alive socket before any of its
        /// response arrived (the server closed or reset the idle socket as the request went out)
        /// is sent once more on a new socket if RFC 9110 section 9.2.2 allows it (the method is
        /// GET, HEAD, OPTIONS, TRACE, PUT or DELETE, or the request has an Idempotency-Key
        /// header) and its body can be sent again: none, a byte array, a string, or a seekable
        /// stream (rewound to where it started). Never on a new socket, never twice, never once a
        /// 100-continue wait let the body go out. Otherwise the caller gets the error and nothing
        /// was sent twice. Read when each request starts.
        /// </summary>
        public bool RetryOnStaleConnection = true;

        /// <summary>
        /// Bytes read from a stream body (or encoded from a text body) at a time, at least 1
        /// (Python's blocksize, a plain attribute there too); a request with a body raises
        /// <see cref="ArgumentOutOfRangeException"/> when it is 0 or less.
        /// </summary>
        public int BlockSize = DefaultBlockSize;

        /// <summary>
        /// Limits applied to responses (line length, header count and size, interim responses,
        /// whole-body reads); not null. They size the receive buffer when a socket opens, so
        /// another <see cref="HttpLimits"/> object takes effect with the next socket; edits to
        /// the object apply from the next response on.
        /// </summary>
        public HttpLimits Limits = new HttpLimits();

        /// <summary>Debug output level: above 0 prints "send:", "reply:" and "header:" lines.</summary>
        public int DebugLevel;

        /// <summary>
        /// Opens the socket (CPython's <c>_create_connection</c>): null, the default, means
        /// <see cref="TcpTransport.Open"/>; tests put a scripted one here.
        /// </summary>
        internal ISocketOpener CreateConnection;

        private readonly RequestWriter _writer = new RequestWriter();

        // The socket's owner: its transport, receive buffer and the response in flight. A closing
        // response takes it along; the next request makes a new one.
        private ResponseReader _reader;
        private HttpResponse _spareResponse;
        private State _state;
        // The Host value of every request: the origin's, built once (allocates) when the origin is set.
        private string _hostHeader;
        private byte[] _scratch;

        // The request going out, kept until its response begins so that it can be sent again.
        private object _body;
        private long _bodyStart;
        private bool _chunked;
        private bool _expect;
        // Whether the request may still be sent again: RetryOnStaleConnection and an idempotent
        // method (or an Idempotency-Key) when it starts, cleared once it was replayed or its
        // body cannot be sent twice.
        private bool _replayable;

        // The server the requests are for: this connection's host, or the tunnel's target.
        private string _originHost;
        private RequestWriter _tunnel;
        private HttpHeaders _proxyHeaders;

        /// <summary>
        /// Creates a connection to <paramref name="host"/>, which may carry a port: "example.com",
        /// "example.com:8080", "[2001:db8::1]:8080". No socket is opened yet.
        /// </summary>
        /// <param name="host">Host name or address, optionally with ":port".</param>
        /// <param name="port">TCP port, 1-65535, or -1 to take it from <paramref name="host"/> or <see cref="DefaultPort"/>.</param>
        /// <exception cref="InvalidUrlException">The port is not a number, or the host holds a control character or space.</exception>
        public HttpConnection(string host, int port = RequestWriter.NoPort) : this(host, port, InfiniteTimeout)
        {
        }

        /// <summary>Creates a connection with a timeout for connecting and for each send or receive.</summary>
        /// <param name="host">Host name or address, optionally with ":port".</param>
        /// <param name="port">TCP port, 1-65535, or -1 to take it from <paramref name="host"/> or <see cref="DefaultPort"/>.</param>
        /// <param name="timeoutMilliseconds">Timeout in milliseconds, or -1 for none.</param>
        public HttpConnection(string host, int port, int timeoutMilliseconds)
        {
            _originHost = Host = RequestWriter.ParseHost(host, port, DefaultPort, out Port);
            _hostHeader = RequestWriter.HostValue(Host, Port, DefaultPort);
            Timeout = timeoutMilliseconds;
        }

        private enum State
        {
            Idle,
            RequestStarted,
            RequestSent
        }

        /// <summary>The port used when none is given: 80 here, 443 for HTTPS (Python's default_port).</summary>
        public virtual int DefaultPort
        {
            get { return HttpPort; }
        }



        /// <summary>Sets <see cref="DebugLevel"/> (Python's set_debuglevel).</summary>
        /// <param name="level">0 for silence, above 0 to print what goes over the wire.</param>
        public void SetDebugLevel(int level)
        {
            DebugLevel = level;
        }

        /// <summary>
        /// Sends requests through an HTTP proxy: this connection's host and port are the proxy's,
        /// and <paramref name="host"/> is the server reached through a CONNECT tunnel (Python's
        /// set_tunnel), sending <paramref name="headers"/> (e.g. Proxy-Authorization) with the
        /// CONNECT request; a Host header naming the target is added unless given. Must be called
        /// before the connection opens.
        /// </summary>
        /// <param name="host">The target host, optionally with ":port".</param>
        /// <param name="port">The target port, or -1 for ":port" in <paramref name="host"/> or <see cref="DefaultPort"/>.</param>
        /// <param name="headers">Headers for the proxy, or null.</param>
        /// <exception cref="InvalidOperationException">The connection is already open.</exception>
        /// <exception cref="InvalidUrlException">The host or port is malformed.</exception>
        /// <exception cref="ArgumentException">A header would break the CONNECT request.</exception>
        public void SetTunnel(string host, int port = RequestWriter.NoPort, HttpHeaders headers = null)
        {
            if (_reader != null && _reader.Transport != null)
            {
                throw new InvalidOperationException("connection already open");
            }

            // The CONNECT request is written (and its headers checked) once, here.
            int tunnelPort;
            string tunnelHost = RequestWriter.ParseHost(host, port, DefaultPort, out tunnelPort);
            string target = RequestWriter.HostValue(tunnelHost, tunnelPort, RequestWriter.NoPort);
            RequestWriter connect = new RequestWriter(128);
            connect.StartRequest("CONNECT", target);
            for (int i = 0; headers != null && i < headers.Count; i++)
            {
                connect.WriteHeader(headers.GetName(i), headers.GetValue(i));
            }

            if (headers == null || !headers.Contains(HostName))
            {
                connect.WriteHeader(HostName, target);
            }

            connect.EndHeaders();
            _originHost = tunnelHost;
            _hostHeader = RequestWriter.HostValue(tunnelHost, tunnelPort, DefaultPort);
            _tunnel = connect;
        }

        /// <summary>
        /// The proxy's answer to the last CONNECT (Python's get_proxy_response_headers), or null
        /// without a tunnel or before it opened.
        /// </summary>
        public HttpHeaders GetProxyResponseHeaders()
        {
            return _proxyHeaders;
        }

        /// <summary>
        /// Opens the socket now (requests open it on demand anyway): TCP, then the CONNECT of a
        /// tunnel if one is set, then <see cref="Secure"/> (TLS for HTTPS).
        /// </summary>
        public virtual void Connect()
        {
            // The receive buffer is allocated once and follows the connection across reconnects,
            // unless a closing response took it along or Limits is another object now.
            ResponseReader reader = _reader;
            if (reader != null && reader.Transport != null)
            {
                return;
            }

            if (reader == null || reader.Limits != Limits)
            {
                _reader = reader = new ResponseReader(Limits, ResponseReader.DefaultReadWindow);
            }

            int connectTimeout = ConnectTimeout < 0 ? Timeout : ConnectTimeout;
            TcpTransport transport = CreateConnection == null
                ? TcpTransport.Open(Host, Port, connectTimeout, Timeout)
                : CreateConnection.Open(Host, Port, connectTimeout, Timeout);
            reader.Attach(transport);
            try
            {
                if (_tunnel != null)
                {
                    // The CONNECT request SetTunnel wrote, in one send, then the proxy's answer,
                    // read as the answer to a HEAD (it has no body). No byte may follow that
                    // answer before this side speaks.
                    SendRaw(_tunnel.Buffer, 0, _tunnel.Length);
                    reader.Start(Timeout, ResponseTimeout);
                    ResponseHead head = reader.ReadHead(true);
                    PrintReply(head);
                    _proxyHeaders = HttpResponse.HeadersOf(head);
                    if (head.Status != HttpStatus.OK)
                    {
                        throw new ProxyTunnelException(head.Status, head.Reason);
                    }

                    if (reader.Buffered != 0)
                    {
                        throw new HttpException("bytes after CONNECT answer");
                    }
                }

                Secure(transport, _originHost);
            }
            catch
            {
                reader.Finish(false);
                throw;
            }
        }

        /// <summary>
        /// Closes the socket and forgets any request under way; a response that owns the socket
        /// (one that said "Connection: close") stays readable. The connection can be used again.
        /// </summary>
        public void Close()
        {
            _state = State.Idle;
            if (_reader != null)
            {
                _reader.Finish(false);
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>Sends a request without a body, with extra headers.</summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="headers">Headers to send, or null; Host, Accept-Encoding and the body framing headers are added unless present.</param>
        public void Request(string method, string url, HttpHeaders headers)
        {
            SendRequest(method, url, null, RequestWriter.NoBody, headers, false);
        }

        /// <summary>Sends a request without a body (Python's request(method, url)).</summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">The path and query, e.g. "/index.html", or an absolute URL for a proxy; "" means "/".</param>
        public void Request(string method, string url)
        {
            SendRequest(method, url, null, RequestWriter.NoBody, null, false);
        }

        /// <summary>Sends a request with a byte body (null for none); Content-Length is added.</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        /// <param name="encodeChunked">Chunk-encode the body when the headers already say "Transfer-Encoding: chunked".</param>
        public void Request(string method, string url, byte[] body, HttpHeaders headers = null, bool encodeChunked = false)
        {
            SendRequest(method, url, body, body == null ? RequestWriter.NoBody : body.Length, headers, encodeChunked);
        }

        /// <summary>Sends a request with a text body encoded as UTF-8 (CPython uses Latin-1).</summary>
        /// <param name="method">The method, e.g. "POST".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        /// <param name="encodeChunked">Chunk-encode the body when the headers already say "Transfer-Encoding: chunked".</param>
        public void Request(string method, string url, string body, HttpHeaders headers = null, bool encodeChunked = false)
        {
            int counted = 0;
            SendRequest(method, url, body, body == null ? RequestWriter.NoBody : EncodeUtf8(body, ref counted, null, 0, 0), headers, encodeChunked);
        }

        /// <summary>
        /// Sends a request whose body is read from <paramref name="body"/> in blocks of
        /// <see cref="BlockSize"/>: with Content-Length when the stream can seek (its remaining
        /// length), chunked otherwise. A read returning 0 ends the body.
        /// </summary>
        /// <param name="method">The method, e.g. "PUT".</param>
        /// <param name="url">The path and query.</param>
        /// <param name="body">The body stream, or null.</param>
        /// <param name="headers">Headers to send, or null.</param>
        /// <param name="encodeChunked">Chunk-encode the body when the headers already say "Transfer-Encoding: chunked".</param>
        public void Request(string method, string url, Stream body, HttpHeaders headers = null, bool encodeChunked = false)
        {
            long length = body == null ? RequestWriter.NoBody : body.CanSeek ? body.Length - body.Position : RequestWriter.UnknownLength;
            if (length < 0 && body != null && body.CanSeek)
            {
                // Positioned past its end: one or two bytes past would read as NoBody or UnknownLength.
                throw new ArgumentOutOfRangeException("body");
            }

            SendRequest(method, url, body, length, headers, encodeChunked);
        }

        /// <summary>Starts a request: the request line, Host and Accept-Encoding (Python's putrequest).</summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">The path and query; "" means "/".</param>
        /// <param name="skipHost">Do not add Host (the caller sends its own).</param>
        /// <param name="skipAcceptEncoding">Do not add "Accept-Encoding: identity".</param>
        /// <exception cref="CannotSendRequestException">A request is already under way.</exception>
        public void PutRequest(string method, string url, bool skipHost = false, bool skipAcceptEncoding = false)
        {
            ResponseReader reader = _reader;
            if (_state == State.Idle && reader != null && reader.LastAnswer)
            {
                // The last request failed as it went out and its early answer was not read.
                Close();
            }

            if (_state != State.Idle)
            {
                throw new CannotSendRequestException();
            }

            _writer.PutRequest(method, url, skipHost ? null : _hostHeader, skipAcceptEncoding);
            _state = State.RequestStarted;
            _expect = false; // the body and its framing are set by whatever sends the head
            _replayable = RetryOnStaleConnection && _writer.MethodIsIdempotent;

            // A kept-alive socket that the server closed while it was idle (its keep-alive
            // timeout), or that received bytes nobody asked for, is replaced before the request.
            // While the previous response is still being read, its socket is busy, not idle: the
            // answer to this request may then follow it.
            if (reader != null && reader.Served && reader.State == ResponseReader.Phase.Done
                && reader.Transport != null && reader.Transport.PeerClosed())
            {
                reader.Finish(false);
            }
        }

        /// <summary>Adds a header to the request being started (Python's putheader).</summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The field value.</param>
        /// <exception cref="CannotSendHeaderException">No request has been started.</exception>
        /// <exception cref="ArgumentException">The name or value would break the message (CR, LF, colon...).</exception>
        public void PutHeader(string name, string value)
        {
            StartHeader(name);
            _writer.WriteHeader(name, value);
        }

        /// <summary>Adds a header with a number value.</summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The value, written in decimal.</param>
        public void PutHeader(string name, int value)
        {
            StartHeader(name);
            _writer.WriteHeader(name, (long)value);
        }

        /// <summary>Adds a header with several values, continued on folded lines as CPython does.</summary>
        /// <param name="name">The field name.</param>
        /// <param name="values">The values.</param>
        public void PutHeader(string name, params string[] values)
        {
            StartHeader(name);
            _writer.WriteHeader(name, values);
        }

        /// <summary>Ends the head and sends it, with <paramref name="body"/> if given (Python's endheaders).</summary>
        /// <param name="body">The body, or null.</param>
        /// <param name="encodeChunked">Send the body as one chunk and the last chunk.</param>
        /// <exception cref="CannotSendHeaderException">No request has been started.</exception>
        public void EndHeaders(byte[] body = null, bool encodeChunked = false)
        {
            StartHeader(null);
            _body = body;
            _chunked = encodeChunked;
            _writer.EndHeaders();
            SendHead();
        }

        /// <summary>
        /// Sends raw bytes on the connection, opening it if needed (Python's send); a request that
        /// used it is not sent again after a stale close.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte to send.</param>
        /// <param name="count">How many bytes; -1 for all from <paramref name="offset"/> on.</param>
        public void Send(byte[] data, int offset = 0, int count = -1)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (count == -1)
            {
                count = data.Length - offset;
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            _replayable = false;
            try
            {
                SendRaw(data, offset, count);
            }
            catch
            {
                EndFailedSend();
                throw;
            }
        }

        /// <summary>
        /// Reads the response to the request just sent (Python's getresponse). Interim 1xx
        /// responses are skipped. When the response says the connection will close, it takes
        /// the socket with it and the next request opens a new one.
        /// </summary>
        /// <exception cref="ResponseNotReadyException">No request was sent, or the previous response has not been read to its end.</exception>
        /// <exception cref="RemoteDisconnectedException">The server closed the connection without answering; the next request reconnects.</exception>
        public HttpResponse GetResponse()
        {
            // The answer to a request that went out, or the early answer of one that failed on
            // the way out, once the previous response was read to its end.
            ResponseReader reader = _reader;
            if (reader == null || reader.Transport == null || reader.State != ResponseReader.Phase.Done
                || (_state != State.RequestSent && !(_state == State.Idle && reader.LastAnswer)))
            {
                throw new ResponseNotReadyException();
            }

            HttpResponse response = _spareResponse;
            if (response == null || !response.IsClosed)
            {
                // One response object per connection, reused once its body is over, so a
                // kept-alive request loop allocates nothing.
                response = new HttpResponse();
                _spareResponse = response;
            }

            while (true)
            {
                reader = _reader;
                bool reused = reader.Served;
                reader.Start(Timeout, ResponseTimeout);
                try
                {
                    response.Begin(reader, _writer.MethodIsHead);
                    break;
                }
                catch (Exception e)
                {
                    // A response that could not be read leaves the stream out of sync: never reuse
                    // it. Nothing of it arrived on a socket that served before: a stale close.
                    bool again = reused && _replayable && reader.ReceivedNothing
                        && (e is RemoteDisconnectedException || e is IOException);
                    Close();
                    if (!again)
                    {
                        throw;
                    }

                    Replay();
                }
            }

            _state = State.Idle;
            reader.Served = true;
            PrintReply(response.Head);
            if (response.WillClose)
            {
                // Like CPython, the closing response keeps the socket (its reader closes it at the
                // body's end); the next request opens a new one.
                _reader = null;
            }

            return response;
        }

        /// <summary>
        /// The last step of <see cref="Connect"/>, over the open socket (or tunnel) to
        /// <paramref name="host"/>, the origin: nothing more for HTTP; HTTPS overrides it with TLS.
        /// </summary>
        internal virtual void Secure(TcpTransport transport, string host)
        {
        }

        // A header (or the end of the head) may be added only while a request is started; an
        // Idempotency-Key makes any method's request replayable after a stale close.
        private void StartHeader(string name)
        {
            if (_state != State.RequestStarted)
            {
                throw new CannotSendHeaderException();
            }

            if (name != null && Ascii.EqualsIgnoreCase(name, IdempotencyKeyName))
            {
                _replayable = RetryOnStaleConnection;
            }
        }

        // Python's debug output of an answer: "reply:" and a "header:" line per field.
        private void PrintReply(ResponseHead head)
        {
            if (DebugLevel > 0)
            {
                TcpTransport.Debug("reply: 'HTTP/1." + (head.Version - 10).ToString() + " " + head.Status.ToString() + " " + head.Reason + "'");
                for (int i = 0; i < head.Count; i++)
                {
                    TcpTransport.Debug("header: " + head.GetName(i) + ": " + head.GetValue(i));
                }
            }
        }
    }
}
