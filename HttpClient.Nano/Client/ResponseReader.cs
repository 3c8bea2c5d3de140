using System;

namespace HttpNano
{
    /// <summary>
    /// Owns the socket and everything about the response in flight on it (h11's rule: one
    /// owner per fact): the open transport, the receive buffer, the head (through
    /// <see cref="ResponseHead"/>), the body framing decided by RFC 9112 section 6.3, the
    /// chunked decoding state (ResponseReader.Chunked.cs), the whole-response deadline and the
    /// one place where a finished body keeps its socket for the next request or closes it
    /// (<see cref="Finish"/>). <see cref="HttpConnection"/> sends on <see cref="Transport"/> and
    /// <see cref="HttpResponse"/> is a view over the reader; a response that closes its socket
    /// keeps its reader when the connection moves on (CPython: the response owns the socket).
    /// <code>
    ///  receive buffer: [ head (&lt;= MaxHeaderBytes) | body / framing bytes (read window) ]
    ///                  0                      _bodyStart                         capacity
    ///
    ///  Done --ReadHead--> Length | UntilClose | Chunked | Done (no body)
    ///  Length --remaining 0--> Done             UntilClose --end of stream--> Done
    ///  Chunked (a size line starts) -hex-> Size -hex-> Size
    ///                   Size -SP/HT-> SizeSpace ; Size/SizeSpace -';'-> Extension (ignored)
    ///                   Size/SizeSpace/Extension -CR-> SizeLf -LF-> (line end)
    ///                   Size/SizeSpace/Extension -LF-> (line end)
    ///  (line end) size &gt; 0 -> Data -(size bytes moved)-> DataCr -CR-> DataLf -LF-> Chunked
    ///                                                     DataCr -LF-> Chunked
    ///  (line end) size = 0 -> TrailerStart -other-> Trailer -LF-> TrailerStart
    ///                         TrailerStart -CR-> TrailerLf -LF-> Done
    ///                         TrailerStart -LF-> Done
    ///  any error: _error set (sticky until Attach), the socket closed, Done
    ///  end of stream inside a Content-Length body or the chunks: IncompleteReadException
    /// </code>
    /// Each head is parsed at the start of the buffer, so its ranges stay valid while its body
    /// is read behind it. Chunk framing is decoded in place and chunk data is never copied
    /// inside the buffer: it is copied out once, or received straight into the caller's buffer.
    /// Receives: with nothing buffered, a read of at least a window's worth, or one that takes
    /// the rest of a Content-Length body, goes straight into the caller's buffer; a smaller one
    /// refills the read window behind the head (several kilobytes: one receive serves many small
    /// reads and brings the framing after a chunk with it); a Content-Length body is never
    /// received past its end. A response is read exactly: bytes left buffered after it are the
    /// start of something nobody asked for yet (a pipelined or stray answer), so the connection
    /// is closed rather than reused and they are never taken for the answer to a later request.
    /// Nothing is allocated per message. Limits are copied when a response starts, so editing
    /// the caller's <see cref="HttpLimits"/> does not change it in flight.
    /// </summary>
    internal sealed partial class ResponseReader
    {
        /// <summary>Default bytes of body window behind the head area.</summary>
        public const int DefaultReadWindow = 1024;

        internal const string DeadlinePassed = "response deadline passed";

        // _applied when the socket still has the connection's own receive timeout.
        private const int NotCut = int.MinValue;

        private const int ContentLength = ResponseHead.ContentLength;
        private const int TransferEncoding = ResponseHead.TransferEncoding;
        private const int KeepAlive = ResponseHead.KeepAlive;

        /// <summary>How the current body ends: Done (no body), Length, UntilClose or Chunked.</summary>
        internal Phase Framing;

        /// <summary>
        /// The open socket (TCP, or TLS over it), or null before the first connect and once closed;
        /// the connection sends on it. Set by <see cref="Attach"/>, cleared by <see cref="Finish"/>.
        /// </summary>
        internal TcpTransport Transport;

        /// <summary>
        /// Whether the socket closes after this response: decided by <see cref="Decide"/> from
        /// the head and <see cref="LastAnswer"/>, set by <see cref="Finish"/> when it closes.
        /// </summary>
        internal bool WillClose;

        /// <summary>
        /// The socket carries one more answer and no other: its request failed on the way out
        /// while the server had answered already (CPython's test_epipe), or a final status came
        /// before the body of an "Expect: 100-continue" request was sent. The socket closes after
        /// that answer, and the next request drops it if it was not read.
        /// </summary>
        internal bool LastAnswer;

        /// <summary>
        /// Whether the connection got a response to a request on this socket since it was
        /// attached (it is a kept-alive one; a proxy's CONNECT answer does not count).
        /// </summary>
        internal bool Served;

        /// <summary>
        /// After <see cref="ReadHead"/> or <see cref="ReadContinue"/> failed: whether not one
        /// byte of an answer to the current request had arrived (since the socket was attached
        /// or the previous response ended on it). Only then may the request be sent again.
        /// </summary>
        internal bool ReceivedNothing = true;

        /// <summary>Where the response is: Done once its body ended (normally, early or by an error); see the diagram.</summary>
        internal Phase State;

        /// <summary><see cref="HttpLimits.MaxReadBytes"/> of the response in flight.</summary>
        internal int MaxReadBytes;

        /// <summary>
        /// Set by the connection when the caller sent the next request before this response's
        /// body ended: bytes behind this response are then that request's answer, not unasked.
        /// </summary>
        internal bool AnswerAsked;

        /// <summary>The limits this reader's buffer was sized by; each response copies them when it starts.</summary>
        internal readonly HttpLimits Limits;
        private readonly byte[] _buffer;
        private readonly ResponseHead _parser;
        private Exception _error;
        private int _pos;
        private int _end;
        private int _bodyStart;

        // ReadContinue parsed the final head already: ReadHead takes it as it is.
        private bool _headParsed;

        /// <summary>
        /// Body bytes left: of a Content-Length body (what was missing, after an early end; 0
        /// for no body), of the chunk (while its size line is read: the size so far),
        /// long.MaxValue until close. <see cref="HttpResponse.Length"/> shows it for the first two.
        /// </summary>
        internal long Left;

        // Chunked decoding: bytes of the current line; trailer bytes and fields so far.
        private int _line;
        private int _trailerSize;
        private int _trailers;

        // Limits of the response in flight.
        private int _maxLine;
        private int _maxFields;
        private int _maxTrailer;

        // Whole-response deadline (0: none) and the receive timeout last set on the socket.
        private int _timeout;
        private long _deadline;
        private int _applied = NotCut;

        internal enum Phase
        {
            Done,
            Length,
            UntilClose,
            Data,
            Chunked,
            Size,
            SizeSpace,
            Extension,
            SizeLf,
            DataCr,
            DataLf,
            TrailerStart,
            Trailer,
            TrailerLf
        }

        /// <summary>
        /// Allocates the receive buffer (<see cref="HttpLimits.MaxHeaderBytes"/> plus
        /// <paramref name="readWindow"/> bytes) and the head parser.
        /// </summary>
        public ResponseReader(HttpLimits limits, int readWindow)
        {
            Limits = limits;
            _buffer = new byte[limits.MaxHeaderBytes + readWindow];
            _parser = new ResponseHead(limits);
        }

        /// <summary>Bytes received but not consumed yet.</summary>
        public int Buffered
        {
            get { return _end - _pos; }
        }

        /// <summary>Uses <paramref name="transport"/> from now on, dropping buffered bytes and any sticky error.</summary>
        public void Attach(TcpTransport transport)
        {
            Transport = transport;
            _error = null;
            _pos = 0;
            _end = 0;
            _bodyStart = 0;
            State = Phase.Done;
            Framing = Phase.Done;
            Left = 0;
            WillClose = false;
            LastAnswer = false;
            Served = false;
            ReceivedNothing = true;
            _headParsed = false;
            _applied = NotCut;
        }

        /// <summary>
        /// Prepares the next exchange on the socket: each receive waits at most
        /// <paramref name="timeout"/> ms, the whole response at most
        /// <paramref name="responseTimeout"/> ms from now (-1: no limit).
        /// </summary>
        internal void Start(int timeout, int responseTimeout)
        {
            _timeout = timeout;
            _deadline = 0;
            if (responseTimeout >= 0)
            {
                _deadline = Now() + responseTimeout;
            }
            else if (_applied != NotCut)
            {
                // The last response's deadline cut the socket's timeout: restore it (Finish
                // resets _applied when it closes the socket).
                Transport.SetReceiveTimeout(timeout);
                _applied = NotCut;
            }
        }

        /// <summary>
        /// Reads the next final response head, skipping interim 1xx responses (all but 101)
        /// with their fields, and decides the body framing. Throws
        /// <see cref="RemoteDisconnectedException"/> when the server closed before sending a
        /// byte, <see cref="ResponseNotReadyException"/> while the previous body is unread,
        /// <see cref="NotConnectedException"/> once the socket was closed.
        /// </summary>
        /// <param name="requestWasHead">The request was HEAD: the response has no body.</param>
        public ResponseHead ReadHead(bool requestWasHead)
        {
            ReadHeads(false, requestWasHead);
            return _parser;
        }

        /// <summary>
        /// For "Expect: 100-continue": reads the server's first answer. True when it was
        /// "100 Continue" (consumed; send the body); false when a final response came first: its
        /// head stays parsed for the next <see cref="ReadHead"/>, and as the body was never sent
        /// it is the socket's <see cref="LastAnswer"/>.
        /// </summary>
        public bool ReadContinue()
        {
            return ReadHeads(true, false);
        }

        /// <summary>
        /// Decides, once per response, how its body is delimited and whether the connection can
        /// be reused afterwards, by the precedence of RFC 9112 section 6.3:
        /// a response to HEAD, or status 1xx, 204 or 304: no body; Transfer-Encoding whose final
        /// coding is chunked: chunked (a Content-Length beside it, or HTTP/1.0, makes it
        /// suspect: the connection is not reused), any other Transfer-Encoding: until close; a
        /// valid Content-Length (every element of every field the same run of digits): that many
        /// bytes (an invalid one throws <see cref="HttpException"/>); otherwise until close.
        /// Reuse follows CPython: HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with
        /// "Connection: keep-alive", a Keep-Alive field or "Proxy-Connection: keep-alive".
        /// Also copies the limits of this response.
        /// </summary>
        internal void Decide(ResponseHead head, bool requestWasHead)
        {
            int status = head.Status;
            int version = head.Version;
            bool close = version == 11
                ? head.HasToken(ResponseHead.Connection, ResponseHead.Close)
                : !(head.HasToken(ResponseHead.Connection, KeepAlive)
                    || head.IndexOf(KeepAlive, 0) >= 0
                    || head.HasToken(ResponseHead.ProxyConnection, KeepAlive));
            HttpLimits limits = Limits;
            _maxLine = limits.MaxLineLength;
            _maxFields = limits.MaxHeaderCount;
            _maxTrailer = limits.MaxTrailerBytes;
            MaxReadBytes = limits.MaxReadBytes;
            Phase framing = Phase.UntilClose;
            long length = long.MaxValue;
            byte[] b = head.Buffer;
            int[] fields = head.Fields;
            int field = head.IndexOf(TransferEncoding, -1); // the last one
            int lengthField = head.IndexOf(ContentLength, 0);
            if (requestWasHead || status < 200 || status == 204 || status == 304)
            {
                framing = Phase.Done;
                length = 0;
            }
            else if (field >= 0)
            {
                // Only the last coding of the last field counts, e.g. "gzip, chunked" -> chunked.
                head.TrimValue(field);
                int start = fields[field * ResponseHead.SlotsPerField + 2];
                int end = start + fields[field * ResponseHead.SlotsPerField + 3];
                int at = end;
                while (at > start && b[at - 1] != ',')
                {
                    at--;
                }

                at = head.SkipSpace(at, end, true);
                if (ResponseHead.EqualsKnown(b, at, end - at, ResponseHead.Chunked))
                {
                    framing = Phase.Chunked;
                    close |= version == 10 || lengthField >= 0;
                    length = 0;
                    _line = 0;
                    _trailerSize = 0;
                    _trailers = 0;
                }
            }
            else if (lengthField >= 0)
            {
                framing = Phase.Length;
                length = -1;
                for (field = lengthField; field >= 0; field = head.IndexOf(ContentLength, field + 1))
                {
                    int at = fields[field * ResponseHead.SlotsPerField + 2];
                    int end = at + fields[field * ResponseHead.SlotsPerField + 3];
                    while (true)
                    {
                        at = head.SkipSpace(at, end, true);
                        int first = at;
                        long value = 0;
                        int digit;
                        // A digit that would overflow (value * 10 + digit > long.MaxValue) stops
                        // the run and is then not a ','.
                        while (at < end && (uint)(digit = b[at] - '0') <= 9 && (value < long.MaxValue / 10 || (value == long.MaxValue / 10 && digit <= 7)))
                        {
                            value = value * 10 + digit;
                            at++;
                        }

                        bool none = at == first;
                        at = head.SkipSpace(at, end, true);
                        if (none || (length >= 0 && value != length) || (at < end && b[at] != ','))
                        {
                            throw new HttpException("invalid Content-Length");
                        }

                        length = value;
                        if (at++ == end)
                        {
                            break;
                        }
                    }
                }
            }

            // A body that ends when the connection closes leaves nothing to reuse; nor does 101,
            // nor a socket that carries this answer and no other.
            WillClose = close || framing == Phase.UntilClose || status == 101 || LastAnswer;
            Framing = framing;
            Left = length;
            State = length == 0 && framing != Phase.Chunked ? Phase.Done : framing;
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> body bytes into <paramref name="buffer"/>.
        /// Returns 0 only when the body has ended (or <paramref name="count"/> is 0). A body cut
        /// short (the connection ended before its Content-Length, or inside the chunks) or with
        /// invalid chunk framing raises <see cref="IncompleteReadException"/> with no data (the
        /// caller adds what it has read), after the data before it has been returned: never a
        /// clean end. The end of the body, or any error, goes through <see cref="Finish"/>.
        /// Chunked: fills the caller's buffer with as much chunk data as is at hand (buffered
        /// data of one or more chunks, the framing between them decoded on the way), else one
        /// receive; it waits for bytes only while it has none to return. Framing already
        /// buffered after the data is decoded too, so the body can end without another call.
        /// </summary>
        public int ReadBody(byte[] buffer, int offset, int count)
        {
            // count is the room left in the caller's buffer from offset on.
            int total = 0;
            try
            {
                while (true)
                {
                    Phase state = State;
                    int pos = _pos;
                    int n = _end - pos;
                    if (state <= Phase.Data && state != Phase.Done)
                    {
                        // Data: of a Content-Length body, of a chunk or until close: Left bytes at
                        // most, Left above 0 (never an error here: an error leaves the reader Done
                        // or in framing). Buffered data is copied out at once.
                        long left = Left;
                        if (n > count)
                        {
                            n = count;
                        }

                        if (n > left)
                        {
                            n = (int)left;
                        }

                        if (n <= 0)
                        {
                            // Nothing buffered (or no room).
                            if (count <= 0 || total > 0)
                            {
                                return total;
                            }

                            // A read of a window's worth, or one that takes the rest of a
                            // Content-Length body, goes straight into the caller's buffer; a
                            // smaller one refills the window (a Content-Length body never past
                            // its end) and is copied out in the same pass: one receive serves
                            // several reads and brings the framing after a chunk with it.
                            n = count > left ? (int)left : count;
                            pos = _bodyStart;
                            int window = _buffer.Length - pos;
                            if (n >= window || (state == Phase.Length && n == left))
                            {
                                n = Receive(buffer, offset, n);
                                if (n <= 0)
                                {
                                    goto Ended;
                                }

                                goto Moved;
                            }

                            int received = Receive(_buffer, pos, state == Phase.Length && left < window ? (int)left : window);
                            if (received <= 0)
                            {
                                goto Ended;
                            }

                            _end = pos + received;
                            if (n > received)
                            {
                                n = received;
                            }
                        }

                        Array.Copy(_buffer, pos, buffer, offset, n);
                        _pos = pos + n;
                    Moved:
                        total += n;
                        if (n < left)
                        {
                            // The caller's buffer is full, nothing more is buffered or the data was
                            // received straight: the read is over while the body lasts.
                            Left = left - n;
                            return total;
                        }

                        Left = 0;
                        if (state == Phase.Length)
                        {
                            Finish(true);
                            return total;
                        }

                        State = Phase.DataCr;
                        offset += n;
                        count -= n;
                        continue;
                    }

                    // Done, or chunk framing: decode what is buffered, else refill the window. An
                    // error kept from before (invalid framing after data) is raised now.
                    if (_error == null)
                    {
                        if (state == Phase.Done || (count <= 0 && total == 0))
                        {
                            return total;
                        }

                        if (n > 0)
                        {
                            DecodeFraming();
                        }
                    }

                    if (_error != null)
                    {
                        if (total > 0)
                        {
                            // Return the data first; the next call raises the error.
                            return total;
                        }

                        throw _error;
                    }

                    state = State;
                    if (state == Phase.Done)
                    {
                        Finish(true);
                        return total;
                    }

                    if (state == Phase.Data)
                    {
                        continue;
                    }

                    if (total > 0)
                    {
                        return total;
                    }

                    pos = _bodyStart;
                    n = Receive(_buffer, pos, _buffer.Length - pos);
                    if (n > 0)
                    {
                        _pos = pos;
                        _end = pos + n;
                        continue;
                    }

                Ended:
                    // End of stream. A close-delimited body is complete; as CPython, so is a
                    // chunked one when the last chunk came and only (part of) the trailers or
                    // their final CRLF is missing. Others are cut short: an error for every
                    // read API (CPython returns b'' from read(n) and readinto), with the bytes
                    // still missing of a Content-Length body.
                    if (state == Phase.UntilClose || state >= Phase.TrailerStart
                        || (state >= Phase.Size && state <= Phase.SizeLf && Left == 0))
                    {
                        Finish(false);
                        return 0;
                    }

                    throw new IncompleteReadException(null, state == Phase.Length ? Left : -1);
                }
            }
            catch (Exception e)
            {
                _error = e;
                Finish(false);
                throw;
            }
        }

        /// <summary>
        /// The one end of every body and the one place the socket closes: it stays open for the
        /// next request when <paramref name="reusable"/> (the body was read to its end), the
        /// response allows reuse and nothing is left buffered behind it that no sent request
        /// asked for; otherwise (a closing response, a body cut short or abandoned, an error,
        /// unasked bytes, the connection closed) it is closed here.
        /// </summary>
        internal void Finish(bool reusable)
        {
            State = Phase.Done;
            if (reusable && !WillClose && (_pos == _end || AnswerAsked))
            {
                ReceivedNothing = true;
                return;
            }

            WillClose = true;
            TcpTransport transport = Transport;
            if (transport != null)
            {
                Transport = null;
                _applied = NotCut;
                transport.Close();
            }
        }

        // Reads heads at the start of the buffer until a final one or, when stopAtContinue, a
        // "100 Continue" (true); interim responses are capped. A final head is decided (framing,
        // reuse) unless stopAtContinue, which keeps it parsed for ReadHead as the socket's last
        // answer (false). Any error is kept (sticky) and closes the socket.
        private bool ReadHeads(bool stopAtContinue, bool requestWasHead)
        {
            if (_error != null)
            {
                throw _error;
            }

            if (!stopAtContinue)
            {
                if (State != Phase.Done)
                {
                    throw new ResponseNotReadyException();
                }

                AnswerAsked = false;
            }

            try
            {
                if (Transport == null)
                {
                    throw new NotConnectedException();
                }

                byte[] b = _buffer;
                int interim = 0;
                while (!_headParsed)
                {
                    int end = _end - _pos;
                    if (end > 0 && _pos > 0)
                    {
                        Array.Copy(b, _pos, b, 0, end);
                    }

                    int pos = 0;
                    _parser.Reset(b, 0);
                    while (!_parser.IsComplete)
                    {
                        if (pos == end)
                        {
                            if (end == b.Length)
                            {
                                // Only if MaxHeaderBytes was raised after the buffer was sized.
                                throw new HttpException("header section too large");
                            }

                            int received = Receive(b, end, b.Length - end);
                            if (received <= 0)
                            {
                                throw _parser.EndOfStreamError();
                            }

                            ReceivedNothing = false;
                            end += received;
                        }

                        pos += _parser.Parse(b, pos, end - pos);
                    }

                    _pos = pos;
                    _end = end;
                    _bodyStart = pos;
                    int status = _parser.Status;
                    _headParsed = status >= 200 || status == 101;
                    if (stopAtContinue && status == 100)
                    {
                        return true;
                    }

                    if (!_headParsed && ++interim > Limits.MaxInterimResponses)
                    {
                        throw new HttpException("too many interim responses");
                    }
                }

                // A final head: ReadContinue leaves it for ReadHead, which decides it.
                if (stopAtContinue)
                {
                    LastAnswer = true;
                }
                else
                {
                    _headParsed = false;
                    Decide(_parser, requestWasHead);
                }

                return false;
            }
            catch (Exception e)
            {
                _error = e;
                Finish(false);
                throw;
            }
        }

        // The one receive of the reader. With a deadline, each wait is cut to what is left of it.
        private int Receive(byte[] buffer, int offset, int count)
        {
            if (_deadline == 0)
            {
                return Transport.Receive(buffer, offset, count);
            }

            long left = _deadline - Now();
            if (left <= 0)
            {
                throw new TimeoutException(DeadlinePassed);
            }

            int wait = _timeout > 0 && _timeout < left ? _timeout : (int)left;
            if (wait != _applied)
            {
                Transport.SetReceiveTimeout(wait);
                _applied = wait;
            }

            try
            {
                return Transport.Receive(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                if (_deadline - Now() <= 0)
                {
                    throw new TimeoutException(DeadlinePassed);
                }

                throw;
            }
        }

        // Milliseconds for deadlines. The host has a monotonic tick count; the device's mscorlib
        // has only the wall clock, which SNTP sets once at start-up (before any HTTPS request can
        // succeed), so a deadline spanning that moment is the one case it can misjudge.
        private static long Now()
        {
#if NANOFRAMEWORK_1_0
            return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
#else
            return Environment.TickCount64;
#endif
        }
    }
}
