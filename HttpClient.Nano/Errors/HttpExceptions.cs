using System;

// The http.client exception family (Python's http.client exceptions, in .NET naming) and the
// refused proxy tunnel, in one file: each type is one constructor. Where the type's name says it
// all, the message is the platform's default (a null message: "Exception of type ... was thrown"
// on .NET, "Exception was thrown: <type>" on the device), which costs no flash; where the failure
// has a detail (the bad line, the proxy's reason), the message carries it. Values the caller may read are public readonly fields: on the device a field costs a
// fraction of a property.
namespace HttpNano
{
    /// <summary>
    /// Base of every exception HttpClient.Nano raises for an HTTP-level problem
    /// (Python's <c>http.client.HTTPException</c>) and for a failed TLS handshake
    /// (<see cref="TlsHandshakeException"/>). Socket failures keep their own types.
    /// </summary>
    public class HttpException : Exception
    {
        /// <summary>Creates the exception with a message and, optionally, the exception that caused it.</summary>
        /// <param name="message">A short description of what went wrong, or null for the platform's default.</param>
        /// <param name="innerException">The underlying failure, or null.</param>
        public HttpException(string message = null, Exception innerException = null) : base(message, innerException) { }
    }

    /// <summary>The connection is not open and could not be opened automatically (Python's NotConnected).</summary>
    public class NotConnectedException : HttpException
    {
        /// <summary>Creates the exception.</summary>
        public NotConnectedException() { }
    }

    /// <summary>The host, port or URL is malformed, e.g. holds a control character or space (Python's InvalidURL).</summary>
    public class InvalidUrlException : HttpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">A short description of what is malformed, or null.</param>
        public InvalidUrlException(string message = null) : base(message) { }
    }

    /// <summary>The status line names an HTTP version other than 1.0 or 1.1 (Python's UnknownProtocol).</summary>
    public class UnknownProtocolException : HttpException
    {
        /// <summary>The version field as received, e.g. "HTTP/2.0".</summary>
        public readonly string Version;

        /// <summary>Creates the exception for the version text that was received.</summary>
        /// <param name="version">The version field of the status line.</param>
        public UnknownProtocolException(string version) : base(version)
        {
            Version = version;
        }
    }

    /// <summary>The response uses a transfer coding the client cannot decode (Python's UnknownTransferEncoding).</summary>
    public class UnknownTransferEncodingException : HttpException
    {
        /// <summary>Creates the exception.</summary>
        public UnknownTransferEncodingException() { }
    }

    /// <summary>A body source was opened in a mode the client cannot read (Python's UnimplementedFileMode).</summary>
    public class UnimplementedFileModeException : HttpException
    {
        /// <summary>Creates the exception.</summary>
        public UnimplementedFileModeException() { }
    }

    /// <summary>
    /// The body ended before the length the response announced (Python's IncompleteRead).
    /// Carries the bytes that did arrive and how many more were expected.
    /// </summary>
    public class IncompleteReadException : HttpException
    {
        /// <summary>The bytes read before the body ended early; never null.</summary>
        public readonly byte[] Partial;

        /// <summary>How many more bytes were expected, or -1 when unknown.</summary>
        public readonly long Expected;

        /// <summary>Creates the exception; its message reads e.g. "7 bytes read, 3 more expected".</summary>
        /// <param name="partial">The bytes read before the body ended early.</param>
        /// <param name="expected">How many more bytes were expected, or -1 when unknown.</param>
        public IncompleteReadException(byte[] partial, long expected)
            : base((partial == null ? 0 : partial.Length).ToString() + " bytes read" + (expected < 0 ? "" : ", " + expected.ToString() + " more expected"))
        {
            Partial = partial == null ? new byte[0] : partial;
            Expected = expected;
        }
    }

    /// <summary>
    /// <see cref="HttpResponse.Read()"/> refused a body larger than
    /// <see cref="HttpLimits.MaxReadBytes"/>: an announced Content-Length above it (nothing read),
    /// or a chunked or close-delimited body that grew past it. The connection is closed; read
    /// large bodies with <see cref="HttpResponse.ReadInto"/> instead.
    /// </summary>
    public class ResponseTooLargeException : HttpException
    {
        /// <summary>The bytes read before the limit was passed (empty for an announced length).</summary>
        public readonly byte[] Partial;

        /// <summary>The limit, <see cref="HttpLimits.MaxReadBytes"/>, that was passed.</summary>
        public readonly int Limit;

        /// <summary>Creates the exception.</summary>
        /// <param name="partial">The bytes read before the limit was passed; never null.</param>
        /// <param name="limit">The limit that was passed.</param>
        public ResponseTooLargeException(byte[] partial, int limit)
        {
            Partial = partial;
            Limit = limit;
        }
    }

    /// <summary>The call does not fit the connection's current state (Python's ImproperConnectionState).</summary>
    public class ImproperConnectionStateException : HttpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">A short description of what went wrong, or null.</param>
        public ImproperConnectionStateException(string message = null) : base(message) { }
    }

    /// <summary>PutRequest was called while a request is already under way (Python's CannotSendRequest).</summary>
    public class CannotSendRequestException : ImproperConnectionStateException
    {
        /// <summary>Creates the exception.</summary>
        public CannotSendRequestException() { }
    }

    /// <summary>PutHeader or EndHeaders was called outside a started request (Python's CannotSendHeader).</summary>
    public class CannotSendHeaderException : ImproperConnectionStateException
    {
        /// <summary>Creates the exception.</summary>
        public CannotSendHeaderException() { }
    }

    /// <summary>GetResponse was called before a request was sent or while the previous response is unread (Python's ResponseNotReady).</summary>
    public class ResponseNotReadyException : ImproperConnectionStateException
    {
        /// <summary>Creates the exception.</summary>
        public ResponseNotReadyException() { }
    }

    /// <summary>
    /// The server's first line is not a valid HTTP status line (Python's BadStatusLine).
    /// The connection is closed.
    /// </summary>
    public class BadStatusLineException : HttpException
    {
        /// <summary>The line as received (without its line end), possibly empty.</summary>
        public readonly string Line;

        /// <summary>Creates the exception for the line that was received.</summary>
        /// <param name="line">The received line, possibly empty.</param>
        /// <param name="message">The message, when not the line itself.</param>
        public BadStatusLineException(string line, string message = null) : base(message == null ? line : message)
        {
            Line = line;
        }
    }

    /// <summary>
    /// The server closed the connection before sending any part of a response
    /// (Python's RemoteDisconnected). On a kept-alive connection this usually means the server
    /// timed the connection out; the next request reconnects automatically.
    /// </summary>
    public class RemoteDisconnectedException : BadStatusLineException
    {
        // Also the message of a device TLS handshake the server closed (TcpTransport.MbedTlsError).
        internal const string ClosedWithoutResponse = "closed without response";

        /// <summary>Creates the exception.</summary>
        public RemoteDisconnectedException() : base("", ClosedWithoutResponse) { }
    }

    /// <summary>
    /// A status, header, chunk-size or trailer line is longer than the configured limit
    /// (Python's LineTooLong). See <see cref="HttpLimits.MaxLineLength"/>.
    /// </summary>
    public class LineTooLongException : HttpException
    {
        /// <summary>Status line.</summary>
        public const string StatusLine = "status line";

        /// <summary>Header line.</summary>
        public const string HeaderLine = "header line";

        /// <summary>Chunk-size line.</summary>
        public const string ChunkSizeLine = "chunk size";

        /// <summary>Trailer line.</summary>
        public const string TrailerLine = "trailer line";

        /// <summary>Which line was too long: one of the constants of this class.</summary>
        public readonly string LineType;

        /// <summary>Creates the exception for one kind of line.</summary>
        /// <param name="lineType">Which line was too long: one of the constants of this class.</param>
        public LineTooLongException(string lineType) : base(lineType + " too long")
        {
            LineType = lineType;
        }
    }

    /// <summary>
    /// The proxy refused to open the tunnel set with <see cref="HttpConnection.SetTunnel(string, int, HttpHeaders)"/>:
    /// it answered CONNECT with a status other than 200 (Python raises OSError "Tunnel connection
    /// failed"). The connection is closed.
    /// </summary>
    public class ProxyTunnelException : HttpException
    {
        /// <summary>The status the proxy answered, e.g. 407 (Proxy Authentication Required).</summary>
        public readonly int Status;

        /// <summary>The proxy's reason phrase.</summary>
        public readonly string Reason;

        /// <summary>Creates the exception for the proxy's answer.</summary>
        /// <param name="status">The status the proxy answered.</param>
        /// <param name="reason">Its reason phrase.</param>
        public ProxyTunnelException(int status, string reason) : base(reason)
        {
            Status = status;
            Reason = reason;
        }
    }
}
