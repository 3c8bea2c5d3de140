using System;

namespace HttpNano
{
    /// <summary>
    /// Writes a request head into one byte buffer owned by the connection, so that the request
    /// line and every header go out in a single send. The calls mirror CPython's putrequest /
    /// putheader / endheaders:
    /// <code>
    ///   StartRequest            "GET /x HTTP/1.1\r\n"
    ///   PutRequest adds         "Host: example.com\r\n"          (unless skipHost)
    ///                           "Accept-Encoding: identity\r\n"  (unless skipAcceptEncoding)
    ///   WriteHeader*            "Name: value\r\n"
    ///   EndHeaders              "\r\n"        then send Buffer[0..Length)
    /// </code>
    /// Which call may follow which is the connection's state machine; the writer only formats.
    /// Caller strings are validated in the same pass that copies them (one byte per char, the
    /// length read once) and committed only when valid, so a rejected header leaves the head as
    /// it was. The fixed texts are bytes copied with Array.Copy: the Host line is encoded once
    /// per Host value (once per connection), the rest once per process. Numbers are formatted in
    /// place, so a request whose strings already exist allocates nothing. The buffer is
    /// allocated once; when a head does not fit it grows (to at least twice its size) and the
    /// larger buffer is kept.
    /// <para>
    /// The request side's rules live here too, as static members: the host argument and the Host
    /// value (<see cref="ParseHost"/>, <see cref="HostValue"/>), CPython's choice of body framing
    /// (<see cref="Decide"/>) and the chunked coding of a request body (<see cref="ChunkHeader"/>,
    /// <see cref="LastChunk"/>). The checks on caller strings are the copies that write them.
    /// </para>
    /// </summary>
    /// <remarks>
    /// Caller strings are checked so that none can inject a line break, a second request or a
    /// malformed field (CVE-2019-9740 and relatives). Stricter than CPython in two places, on
    /// purpose: a method and a header name must be RFC 9110 tokens (CPython lets spaces and
    /// non-ASCII bytes through in names), and a line break in a value is accepted only as a
    /// complete obs-fold, CRLF followed by SP or HTAB.
    /// </remarks>
    internal sealed class RequestWriter
    {
        /// <summary>Pass as the port argument when the port is not given separately.</summary>
        public const int NoPort = -1;

        /// <summary>Body length meaning "no body at all" (Python's body=None).</summary>
        public const long NoBody = -1;

        /// <summary>Body length meaning "a stream whose length is not known in advance".</summary>
        public const long UnknownLength = -2;

        // The framing of a request body, as Decide returns it.
        /// <summary>Add no framing header; send the body, if any, exactly as given.</summary>
        public const int AsGiven = 0;

        /// <summary>Add "Content-Length: n" (n from the decision); send the body as given.</summary>
        public const int AddContentLength = 1;

        /// <summary>Add "Transfer-Encoding: chunked" and chunk-encode the body.</summary>
        public const int AddChunked = 2;

        /// <summary>Keep the caller's Transfer-Encoding header, add nothing, and chunk-encode the body.</summary>
        public const int ChunkEncodeOnly = 3;

        /// <summary>The header name written with <see cref="AddContentLength"/>.</summary>
        public const string ContentLengthHeader = "Content-Length";

        /// <summary>The header <see cref="AddChunked"/> adds, with <see cref="ChunkedValue"/>.</summary>
        public const string TransferEncodingHeader = "Transfer-Encoding";

        /// <summary>The header value written with <see cref="AddChunked"/> (under Transfer-Encoding).</summary>
        public const string ChunkedValue = "chunked";

        /// <summary>Longest chunk header: CRLF of the previous chunk, 8 hex digits, CRLF.</summary>
        public const int MaxChunkHeaderLength = 12;

        /// <summary>Longest end of a chunked body: CRLF of the previous chunk, then "0\r\n\r\n".</summary>
        public const int MaxLastChunkLength = 7;

        private const int MaxPort = 65535;
        private const int Delete = 0x7f;
        private const string InvalidHeaderName = "invalid header name";

        /// <summary>Initial buffer size: room for a typical small request head.</summary>
        public const int DefaultCapacity = 512;

        // Lengths of the fixed texts in Ascii.Text: " HTTP/1.1\r\n", "Accept-Encoding: identity\r\n", "Host: ".
        private const int VersionLength = 11;
        private const int AcceptEncodingLength = 27;
        private const int HostNameLength = 6;

        // "head", "post", "put" and "patch", one byte per char (case folded), first char highest.
        private const long HeadMethod = 0x68656164;
        private const long PostMethod = 0x706F7374;
        private const long PutMethod = 0x707574;
        private const long PatchMethod = 0x7061746368;
        private const long GetMethod = 0x676574;
        private const long DeleteMethod = 0x64656C657465;
        private const long OptionsMethod = 0x6F7074696F6E73;
        private const long TraceMethod = 0x7472616365;

        /// <summary>The head written so far is <c>Buffer[0..Length)</c>.</summary>
        public byte[] Buffer;

        /// <summary>Number of bytes of the head written so far.</summary>
        public int Length;

        /// <summary>Whether the method of the head is HEAD (any case): its response has no body.</summary>
        public bool MethodIsHead;

        /// <summary>
        /// Whether the method is POST, PUT or PATCH (any case): servers may answer 411 Length
        /// Required when these come without a length, even with no body.
        /// </summary>
        public bool MethodExpectsBody;

        /// <summary>
        /// Whether the method is idempotent by RFC 9110 section 9.2.2 (GET, HEAD, OPTIONS, TRACE,
        /// PUT, DELETE; any case): only such a request may be sent again on its own.
        /// </summary>
        public bool MethodIsIdempotent;

        private int _urlStart;

        // The method and URL strings of the request line at the start of Buffer.
        private string _method;
        private string _url;

        // The last Host value and its whole line as bytes.
        private string _hostHeader;
        private byte[] _hostLine;

        // The end of what the last PutRequest wrote when it was the usual request line, Host and
        // Accept-Encoding, with the Host value _hostHeader; 0 when it was anything else. A
        // request with the very same strings (strings are immutable: a device polling one URL)
        // reuses those bytes as they stand instead of checking and copying every char again.
        private int _prefixLength;

        /// <summary>Creates a writer with a buffer of <paramref name="capacity"/> bytes.</summary>
        public RequestWriter(int capacity = DefaultCapacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            Buffer = new byte[capacity];
        }


        /// <summary>
        /// Python's putrequest: the request line, then Host (unless <paramref name="hostValue"/>
        /// is null, which stands for skipHost) and Accept-Encoding: identity (unless skipped;
        /// this client decodes no content coding). An absolute-form URL supplies its own Host
        /// value; otherwise <paramref name="hostValue"/> is the connection's cached
        /// <see cref="HostValue"/>.
        /// </summary>
        public void PutRequest(string method, string url, string hostValue, bool skipAcceptEncoding)
        {
            // The very same request as the last one: its request line, Host and
            // Accept-Encoding still start the buffer.
            if (_prefixLength > 0 && (object)method == (object)_method && (object)url == (object)_url
                && (object)hostValue == (object)_hostHeader && hostValue != null && !skipAcceptEncoding)
            {
                Length = _prefixLength;
                return;
            }

            StartRequest(method, url);
            if (hostValue != null)
            {
                // An absolute-form target ("http://authority/x", the scheme being "http" then
                // letters, digits, '+', '-' or '.') names its own Host: the bytes after "//" up
                // to the first '/', '?' or '#', if there are any. They are copied from the
                // request line just written, where they passed the URL check; the SP after the
                // URL stops every scan below at its end.
                byte[] b = Buffer;
                int start = _urlStart;
                int end = 0;
                if (b[start] == 'h' && b[start + 1] == 't' && b[start + 2] == 't' && b[start + 3] == 'p')
                {
                    int c;
                    start += 4;
                    while ((uint)(((c = b[start]) | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '+' || c == '-' || c == '.')
                    {
                        start++;
                    }

                    if (c == ':' && b[start + 1] == '/' && b[start + 2] == '/')
                    {
                        end = start += 3;
                        while ((c = b[end]) != Ascii.Space && c != '/' && c != '?' && c != '#')
                        {
                            end++;
                        }
                    }
                }

                if (end > start)
                {
                    int at = Reserve(Length, HostNameLength + end - start + 2);
                    Array.Copy(Ascii.Text, Ascii.HostText, Buffer, at, HostNameLength);
                    Array.Copy(Buffer, start, Buffer, at + HostNameLength, end - start);
                    Length = CrLf(Buffer, at + HostNameLength + end - start);
                }
                else
                {
                    if ((object)hostValue != (object)_hostHeader)
                    {
                        // "Host: value\r\n" as bytes, the value validated as any header value.
                        int valueLength = hostValue.Length;
                        byte[] line = new byte[HostNameLength + valueLength + 2];
                        Array.Copy(Ascii.Text, Ascii.HostText, line, 0, HostNameLength);
                        CrLf(line, CopyValue(hostValue, valueLength, line, HostNameLength));
                        _hostLine = line;
                        _hostHeader = hostValue;
                    }

                    Append(_hostLine, 0, _hostLine.Length);
                }
            }

            if (!skipAcceptEncoding)
            {
                Append(Ascii.Text, Ascii.AcceptEncodingText, AcceptEncodingLength);
            }

            _prefixLength = hostValue == null || skipAcceptEncoding ? 0 : Length;
        }

        /// <summary>
        /// Starts a new head with "METHOD url HTTP/1.1"; an empty or null URL means "/".
        /// Discards anything written before.
        /// </summary>
        /// <exception cref="ArgumentException">The method is not a token, or the URL is not ASCII.</exception>
        /// <exception cref="InvalidUrlException">The URL holds a control character or space.</exception>
        public void StartRequest(string method, string url)
        {
            _prefixLength = 0;
            string target = url;
            int methodLength = method == null ? 0 : method.Length;
            int urlLength = url == null ? 0 : url.Length;
            if (urlLength == 0)
            {
                target = "/";
                urlLength = 1;
            }

            Reserve(0, methodLength + 1 + urlLength + VersionLength);
            byte[] b = Buffer;

            int at = CopyToken(method, methodLength, b, 0, "invalid method");
            b[at++] = Ascii.Space;
            _urlStart = at;
            at = CopyUrl(target, urlLength, b, at);
            Array.Copy(Ascii.Text, Ascii.VersionText, b, at, VersionLength);
            Length = at + VersionLength;
            _url = url;
            _method = method;

            // The method's kind, from the bytes just written (tokens: | 0x20 folds only letters).
            long folded = 0;
            if (methodLength <= 7)
            {
                for (int i = 0; i < methodLength; i++)
                {
                    folded = folded << 8 | (uint)(b[i] | 0x20);
                }
            }

            MethodIsHead = folded == HeadMethod;
            MethodExpectsBody = folded == PostMethod || folded == PutMethod || folded == PatchMethod;
            MethodIsIdempotent = folded == GetMethod || MethodIsHead || folded == PutMethod || folded == DeleteMethod
                || folded == OptionsMethod || folded == TraceMethod;
        }

        /// <summary>Writes "name: value". Python's putheader with one string value.</summary>
        /// <exception cref="ArgumentException">The name is not a token, or the value holds a bare CR/LF or a char above 0xFF.</exception>
        public void WriteHeader(string name, string value)
        {
            int valueLength = value == null ? 0 : value.Length;
            int at = WriteName(name, valueLength + 2);
            Length = CrLf(Buffer, CopyValue(value, valueLength, Buffer, at));
        }

        /// <summary>Writes "name: value" with the number in decimal, formatted without allocating.</summary>
        /// <exception cref="ArgumentException">The name is not a token.</exception>
        public void WriteHeader(string name, long value)
        {
            int at = WriteName(name, 22);
            byte[] b = Buffer;
            if (value < 0)
            {
                b[at++] = (byte)'-';
            }

            // The digits from the last, each made non-negative on its own, so that long.MinValue
            // needs no negation that would overflow.
            int length = 1;
            for (long rest = value / 10; rest != 0; rest /= 10)
            {
                length++;
            }

            for (int i = at + length - 1; i >= at; i--)
            {
                int digit = (int)(value % 10);
                b[i] = (byte)('0' + (digit < 0 ? -digit : digit));
                value /= 10;
            }

            Length = CrLf(b, at + length);
        }

        /// <summary>
        /// Writes one field with several values, joined as Python's putheader joins them: each
        /// later value on a continuation line ("\r\n\t"). No values gives an empty field value.
        /// </summary>
        /// <exception cref="ArgumentException">The name is not a token, or a value is invalid.</exception>
        public void WriteHeader(string name, string[] values)
        {
            if (values == null)
            {
                throw new ArgumentNullException("values");
            }

            int at = WriteName(name, 2);
            for (int i = 0; i < values.Length; i++)
            {
                string value = values[i];
                int valueLength = value == null ? 0 : value.Length;
                at = Reserve(at, valueLength + 5);
                if (i > 0)
                {
                    at = CrLf(Buffer, at);
                    Buffer[at++] = Ascii.Tab;
                }

                at = CopyValue(value, valueLength, Buffer, at);
            }

            Length = CrLf(Buffer, at);
        }

        /// <summary>Ends the head with the empty line; <c>Buffer[0..Length)</c> is then ready to send.</summary>
        public void EndHeaders()
        {
            Length = CrLf(Buffer, Reserve(Length, 2));
        }

        /// <summary>
        /// Splits the host argument of a connection (or of a tunnel) into host and port, the way
        /// CPython's HTTPConnection does: "host:port", "[v6]:port" and "[v6]" (brackets stripped),
        /// "host:" meaning the default port. An explicit <paramref name="port"/> wins over a
        /// ":port" suffix, which is then not looked for. Returns the host to connect to; the port
        /// comes out in <paramref name="resolvedPort"/>. Runs once per connection, so it may
        /// allocate the host substring.
        /// </summary>
        /// <remarks>
        /// Deliberate differences from CPython: a bracketed host loses its brackets also when the
        /// port is given separately; an unbracketed host with more than one colon ("fe80::1") is
        /// taken as a bare IPv6 address instead of being split at its last colon; a port must be
        /// decimal digits only, 1-65535; an empty host is refused; the host follows the rule of a
        /// request target (no control character, space or DEL; ASCII only).
        /// </remarks>
        /// <exception cref="ArgumentNullException">The host is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The explicit port is outside 1-65535.</exception>
        /// <exception cref="InvalidUrlException">
        /// A non-numeric or out-of-range port suffix ("host:abc", "user:pw@host"), an empty host,
        /// a malformed bracket, or a control character or space in the host.
        /// </exception>
        /// <exception cref="ArgumentException">The host holds a non-ASCII character.</exception>
        public static string ParseHost(string host, int port, int defaultPort, out int resolvedPort)
        {
            if (host == null)
            {
                throw new ArgumentNullException("host");
            }

            if (port != NoPort && (port < 1 || port > MaxPort))
            {
                throw new ArgumentOutOfRangeException("port");
            }

            int hostLength = host.Length;
            resolvedPort = port;
            if (port == NoPort)
            {
                // A ":port" suffix: after the last colon, unless that colon is inside brackets
                // or the host is a bare IPv6 address (more than one colon, no brackets).
                resolvedPort = defaultPort;
                int colon = host.LastIndexOf(':');
                int bracket = host.LastIndexOf(']');
                if (colon > bracket && (bracket >= 0 || host.IndexOf(':') == colon))
                {
                    hostLength = colon;
                    if (colon < host.Length - 1)
                    {
                        int value = 0;
                        for (int i = colon + 1; i < host.Length; i++)
                        {
                            int digit = host[i] - '0';
                            if (digit < 0 || digit > 9)
                            {
                                throw new InvalidUrlException("invalid port");
                            }

                            if (value <= MaxPort)
                            {
                                value = value * 10 + digit; // stops growing once out of range: no overflow
                            }
                        }

                        if (value < 1 || value > MaxPort)
                        {
                            throw new InvalidUrlException("invalid port");
                        }

                        resolvedPort = value;
                    }
                }
            }

            // The first hostLength chars, without the brackets of an IPv6 literal.
            bool opens = hostLength > 0 && host[0] == '[';
            bool closes = hostLength > 0 && host[hostLength - 1] == ']';
            if (opens != closes || host.IndexOf(']') >= 0 && !closes)
            {
                throw new InvalidUrlException("bad IPv6 literal");
            }

            string name = opens ? host.Substring(1, hostLength - 2) : host.Substring(0, hostLength);
            if (name.Length == 0)
            {
                throw new InvalidUrlException("empty host");
            }

            CopyUrl(name, name.Length, new byte[name.Length], 0);
            return name;
        }

        /// <summary>
        /// The value of the Host header (RFC 9110 section 7.2) for a connection to
        /// <paramref name="host"/> (as returned by <see cref="ParseHost"/>, brackets already
        /// stripped) on <paramref name="port"/>, as CPython's putrequest builds it: the host, in
        /// brackets when it is an IPv6 address (its zone id removed, since a zone only means
        /// something on the client), and ":port" only when the port is not
        /// <paramref name="defaultPort"/>. With <see cref="NoPort"/> the port is always written,
        /// as a CONNECT request line and its Host header need. Allocates: call once per connection.
        /// </summary>
        public static string HostValue(string host, int port, int defaultPort)
        {
            string name = host;
            if (host.IndexOf(':') >= 0)
            {
                int zone = host.IndexOf('%');
                name = "[" + (zone >= 0 ? host.Substring(0, zone) : host) + "]";
            }

            return port == defaultPort ? name : name + ":" + port.ToString();
        }

        /// <summary>
        /// CPython's rules for framing a request body (HTTPConnection._send_request and
        /// _get_content_length), decided once per request without allocating:
        /// <code>
        ///   caller sent Content-Length     -> AsGiven (kept even if wrong; never chunk-encoded)
        ///   caller sent Transfer-Encoding  -> ChunkEncodeOnly if encodeChunked, else AsGiven
        ///   no body                        -> AddContentLength 0 when the method expects a body
        ///                                     (POST, PUT, PATCH in any case: servers may answer
        ///                                     411 Length Required without one), AsGiven otherwise
        ///   body of known length (even 0)  -> AddContentLength: that length, for every method
        ///   body of unknown length         -> AddChunked: Transfer-Encoding: chunked, chunk-encoded
        /// </code>
        /// <paramref name="methodExpectsBody"/> is <see cref="MethodExpectsBody"/>.
        /// <paramref name="bodyLength"/> is the body's byte count, <see cref="NoBody"/> or
        /// <see cref="UnknownLength"/>; the two flags say whether the caller's headers hold
        /// Content-Length or Transfer-Encoding (any case). <paramref name="contentLength"/> is
        /// the value to send with <see cref="AddContentLength"/>, else -1.
        /// </summary>
        public static int Decide(bool methodExpectsBody, long bodyLength, bool callerSentContentLength,
            bool callerSentTransferEncoding, bool encodeChunked, out long contentLength)
        {
            contentLength = -1;
            if (bodyLength < UnknownLength)
            {
                throw new ArgumentOutOfRangeException("bodyLength");
            }

            if (callerSentContentLength)
            {
                return AsGiven;
            }

            if (callerSentTransferEncoding)
            {
                return encodeChunked ? ChunkEncodeOnly : AsGiven;
            }

            if (bodyLength == UnknownLength)
            {
                return AddChunked;
            }

            if (bodyLength == NoBody)
            {
                if (!methodExpectsBody)
                {
                    return AsGiven;
                }

                bodyLength = 0;
            }

            contentLength = bodyLength;
            return AddContentLength;
        }

        /// <summary>
        /// Chunked transfer coding of a request body (RFC 9112 section 7.1) without copying the
        /// data: only the framing is written, into a small scratch buffer, and the caller sends
        /// each piece of data straight from where it lies.
        /// <code>
        ///   piece 1:  "&lt;hex&gt;\r\n"        data
        ///   piece n:  "\r\n&lt;hex&gt;\r\n"    data     (the CRLF that ends the previous chunk rides along)
        ///   end:      "\r\n0\r\n\r\n"                 ("0\r\n\r\n" when no chunk was sent: <see cref="LastChunk"/>)
        /// </code>
        /// Writes the framing that goes before a piece of <paramref name="dataLength"/> bytes and
        /// returns its length; <paramref name="afterChunk"/> says a chunk was already sent, whose
        /// closing CRLF is written first. An empty piece must not be sent at all: a zero-size
        /// chunk would end the body, so this refuses one and callers skip empty reads. Sizes are
        /// in lower-case hex (CPython writes upper case; both are valid).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The piece is empty (it would end the body).</exception>
        public static int ChunkHeader(int dataLength, bool afterChunk, byte[] buffer, int offset)
        {
            if (dataLength <= 0)
            {
                throw new ArgumentOutOfRangeException("dataLength");
            }

            int at = (afterChunk ? CrLf(buffer, offset) : offset) + Ascii.HexLength(dataLength);
            for (int i = at - 1, rest = dataLength; rest != 0; i--, rest >>= 4)
            {
                int digit = rest & 15;
                buffer[i] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            }

            return CrLf(buffer, at) - offset;
        }

        /// <summary>
        /// Writes the end of a chunked body, the last chunk with no trailers, and returns its
        /// length: "0\r\n\r\n", preceded by the CRLF that closes the previous chunk when
        /// <paramref name="afterChunk"/> is true.
        /// </summary>
        public static int LastChunk(bool afterChunk, byte[] buffer, int offset)
        {
            int at = afterChunk ? CrLf(buffer, offset) : offset;
            buffer[at++] = (byte)'0';
            return CrLf(buffer, CrLf(buffer, at)) - offset;
        }

        // "name: " after the committed head, with room for `more` bytes after it; returns the end.
        // Nothing is committed: the caller sets Length once the whole field is valid.
        private int WriteName(string name, int more)
        {
            int nameLength = name == null ? 0 : name.Length;
            int at = Reserve(Length, nameLength + 2 + more);
            byte[] b = Buffer;

            at = CopyToken(name, nameLength, b, at, InvalidHeaderName);
            b[at++] = Ascii.Colon;
            b[at++] = Ascii.Space;
            return at;
        }

        // Each Copy* check is also the copy: a string is written into the buffer in the same pass
        // that validates it, its length read once (on the device every string[i] and Length is a
        // native call as dear as 30 instructions); the caller commits the bytes only when the
        // whole string passed.

        // A token (method or field name), `length` chars; returns the end. Throws ArgumentException
        // with `message` when it is empty or holds a char that is not a tchar.
        private static int CopyToken(string token, int length, byte[] buffer, int at, string message)
        {
            if (length == 0)
            {
                throw new ArgumentException(message);
            }

            byte[] table = Ascii.Token;
            for (int i = 0; i < length; i++)
            {
                int c = token[i];
                if (c > Delete || table[c] == 0)
                {
                    throw new ArgumentException(message);
                }

                buffer[at + i] = (byte)c;
            }

            return at + length;
        }

        // A request target (or host); returns the end. It must hold no control character, space
        // or DEL (CPython's InvalidURL: InvalidUrlException) and, because the request line is
        // ASCII, nothing above 0x7f (ArgumentException).
        private static int CopyUrl(string url, int length, byte[] buffer, int at)
        {
            for (int i = 0; i < length; i++)
            {
                int c = url[i];
                if (c <= Ascii.Space || c >= Delete)
                {
                    if (c > Delete)
                    {
                        throw new ArgumentException("URL not ASCII");
                    }

                    throw new InvalidUrlException("control character in URL");
                }

                buffer[at + i] = (byte)c;
            }

            return at + length;
        }

        // A header value: Latin-1 (one byte per char, so as many bytes as chars); CR and LF only
        // as a complete obs-fold, CRLF followed by SP or HTAB, since any other could end the
        // field early. Returns the end; ArgumentNullException for null.
        private static int CopyValue(string value, int length, byte[] buffer, int at)
        {
            if (value == null)
            {
                throw new ArgumentNullException("value");
            }

            for (int i = 0; i < length; i++)
            {
                int c = value[i];
                if (c < Ascii.Space || c > 0xff)
                {
                    if (c > 0xff || c == Ascii.Lf || c == Ascii.Cr && !(i + 2 < length && value[i + 1] == Ascii.Lf && Ascii.IsWhitespace(value[i + 2])))
                    {
                        throw new ArgumentException("invalid header value");
                    }

                    if (c == Ascii.Cr)
                    {
                        // A complete obs-fold: CR, LF and the SP/HTAB that makes it one.
                        buffer[at + i] = Ascii.Cr;
                        buffer[at + i + 1] = Ascii.Lf;
                        i += 2;
                        c = value[i];
                    }
                }

                buffer[at + i] = (byte)c;
            }

            return at + length;
        }

        private void Append(byte[] source, int offset, int count)
        {
            int at = Reserve(Length, count);
            Array.Copy(source, offset, Buffer, at, count);
            Length = at + count;
        }

        // CR LF at `at`; returns the end.
        private static int CrLf(byte[] buffer, int at)
        {
            buffer[at] = Ascii.Cr;
            buffer[at + 1] = Ascii.Lf;
            return at + 2;
        }

        /// <summary>
        /// Makes room for <paramref name="count"/> bytes after the first <paramref name="at"/>
        /// (which are kept), growing the buffer at most to what is needed or double; returns <paramref name="at"/>.
        /// </summary>
        private int Reserve(int at, int count)
        {
            int needed = at + count;
            if (needed > Buffer.Length)
            {
                int size = Buffer.Length * 2;
                if (size < needed)
                {
                    size = needed;
                }

                byte[] larger = new byte[size];
                Array.Copy(Buffer, 0, larger, 0, at);
                Buffer = larger;
            }

            return at;
        }
    }
}
