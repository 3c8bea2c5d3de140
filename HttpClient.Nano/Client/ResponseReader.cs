using System;

namespace HttpNano
{
    /// <summary>
    /// Owns everything about the response in flight on one connection (h11's rule: one owner
    /// per fact): the receive buffer, the head (through <see cref="ResponseHead"/>), the
    /// body framing decided by RFC 9112 section 6.3, the chunked decoding state, the
    /// whole-response deadline and the one place where a finished body hands its socket back or
    /// closes it (<see cref="Finish"/>). <see cref="HttpResponse"/> is a view over it.
    /// <code>
    ///  receive buffer: [ head (&lt;= MaxHeaderBytes) | body / framing bytes (read window) ]
    ///                  0                      _bodyStart                         capacity
    ///
    ///  Done --ReadHead--> Length | UntilClose | SizeStart (chunked) | Done (no body)
    ///  Length --remaining 0--> Done             UntilClose --end of stream--> Done
    ///  SizeStart -hex-> Size -hex-> Size
    ///                   Size -SP/HT-> SizeSpace ; Size/SizeSpace -';'-> Extension (ignored)
    ///                   Size/SizeSpace/Extension -CR-> SizeLf -LF-> (line end)
    ///                   Size/SizeSpace/Extension -LF-> (line end)
    ///  (line end) size &gt; 0 -> Data -(size bytes moved)-> DataCr -CR-> DataLf -LF-> SizeStart
    ///                                                     DataCr -LF-> SizeStart
    ///  (line end) size = 0 -> TrailerStart -other-> Trailer -LF-> TrailerStart
    ///                         TrailerStart -CR-> TrailerLf -LF-> Done
    ///                         TrailerStart -LF-> Done
    ///  any error: _error set (sticky until Attach), the socket closed, Done
    /// </code>
    /// Each head is parsed at the start of the buffer, so its ranges stay valid while its body
    /// is read behind it. Chunk framing is decoded in place and chunk data is never copied
    /// inside the buffer: it is copied out once, or received straight into the caller's buffer.
    /// Receives: a read that the rest of the body (or of the chunk) fills completely goes
    /// straight into the caller's buffer; a smaller one refills the read window behind the head
    /// (several kilobytes: one receive serves many small reads and brings the framing after a
    /// chunk with it); a Content-Length body is never received past its end. Bytes after the
    /// message stay buffered and become the start of the next head, so a kept-alive connection
    /// stays in sync. Nothing is allocated per message. Limits are copied when a response
    /// starts, so editing the caller's <see cref="HttpLimits"/> does not change it in flight.
    /// </summary>
    internal sealed class ResponseReader
    {
        /// <summary>Default bytes of body window behind the head area.</summary>
        public const int DefaultReadWindow = 1024;

        internal const string DeadlinePassed = "response deadline passed";

        // _applied when the socket still has the connection's own receive timeout.
        private const int NotCut = int.MinValue;

        private const int ContentLength = ResponseHead.ContentLength;
        private const int TransferEncoding = ResponseHead.TransferEncoding;
        private const int Connection = ResponseHead.Connection;
        private const int KeepAliveToken = ResponseHead.KeepAlive;

        private readonly HttpLimits _limits;
        private readonly byte[] _buffer;
        private readonly ResponseHead _parser;
        private ITransport _transport;
        private HttpConnection _connection;
        private Exception _error;
        private int _pos;
        private int _end;
        private int _bodyStart;
        private State _state;
        private BodyFraming _framing;
        private long _remaining;
        private bool _willClose;
        private bool _endedEarly;
        private bool _finalHeadPending;
        private bool _closeAfterResponse;

        // Chunked decoding.
        private long _size;
        private long _chunkLeft;
        private int _lineLength;
        private int _trailerBytes;
        private int _trailerCount;

        // Limits of the response in flight.
        private int _maxLineLength;
        private int _maxHeaderCount;
        private int _maxTrailerBytes;
        internal int MaxReadBytes;

        // Whole-response deadline (0: none) and the receive timeout last set on the socket.
        private int _timeout;
        private long _deadline;
        private int _applied = NotCut;

        private enum State
        {
            Done,
            Length,
            UntilClose,
            SizeStart,
            Size,
            SizeSpace,
            Extension,
            SizeLf,
            Data,
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
            if (readWindow <= 0)
            {
                throw new ArgumentOutOfRangeException("readWindow");
            }

            _limits = limits;
            _buffer = new byte[limits.MaxHeaderBytes + readWindow];
            _parser = new ResponseHead(limits);
        }

        /// <summary>How the current body ends.</summary>
        public BodyFraming Framing
        {
            get { return _framing; }
        }

        /// <summary>
        /// Body bytes still expected: the rest of a Content-Length (what was missing, after an
        /// early end), 0 for no body, -1 when unknown (chunked, until close).
        /// </summary>
        public long Length
        {
            get { return _remaining; }
        }

        /// <summary>Whether the connection is closed after this response (also after any error).</summary>
        public bool WillClose
        {
            get { return _willClose; }
        }

        /// <summary>Whether the body has ended (normally, early or by an error): <see cref="ReadBody"/> returns 0 or throws.</summary>
        public bool IsClosed
        {
            get { return _state == State.Done; }
        }

        /// <summary>
        /// Whether the server closed the connection before the body was complete (before the
        /// Content-Length was reached, or inside the chunks).
        /// </summary>
        public bool EndedEarly
        {
            get { return _endedEarly; }
        }

        /// <summary>Bytes received but not consumed yet (after the body: the start of the next response).</summary>
        public int Buffered
        {
            get { return _end - _pos; }
        }

        /// <summary>Uses <paramref name="transport"/> from now on, dropping buffered bytes and any sticky error.</summary>
        public void Attach(ITransport transport)
        {
            _transport = transport;
            _error = null;
            _pos = 0;
            _end = 0;
            _bodyStart = 0;
            _state = State.Done;
            _framing = BodyFraming.None;
            _remaining = 0;
            _willClose = false;
            _endedEarly = false;
            _finalHeadPending = false;
            _closeAfterResponse = false;
            _applied = NotCut;
        }

        /// <summary>
        /// Prepares the next exchange of <paramref name="connection"/> on
        /// <paramref name="transport"/> (attached afresh if it is another socket): each receive
        /// waits at most <paramref name="timeout"/> ms, the whole response at most
        /// <paramref name="responseTimeout"/> ms from now (-1: no limit).
        /// </summary>
        internal void Start(HttpConnection connection, ITransport transport, int timeout, int responseTimeout)
        {
            if (transport != _transport)
            {
                Attach(transport);
            }

            _connection = connection;
            _timeout = timeout;
            _deadline = 0;
            if (responseTimeout >= 0)
            {
                _deadline = NowMilliseconds() + responseTimeout;
            }
            else if (_applied != NotCut)
            {
                // The last response's deadline cut the socket's timeout: restore it.
                transport.SetReceiveTimeout(timeout);
                _applied = NotCut;
            }
        }

        /// <summary>
        /// Reads the next final response head, skipping interim 1xx responses (all but 101)
        /// with their fields, and decides the body framing. Throws
        /// <see cref="RemoteDisconnectedException"/> when the server closed before sending a
        /// byte, <see cref="ResponseNotReadyException"/> while the previous body is unread.
        /// </summary>
        public ResponseHead ReadHead(bool requestWasHead)
        {
            if (_error != null)
            {
                throw _error;
            }

            if (_transport == null)
            {
                throw new NotConnectedException();
            }

            if (_state != State.Done)
            {
                throw new ResponseNotReadyException();
            }

            try
            {
                if (_finalHeadPending)
                {
                    // ReadContinue already parsed this head while waiting for "100 Continue".
                    _finalHeadPending = false;
                }
                else
                {
                    SkipInterimResponses(false);
                }

                ResponseHead head = _parser;
                _endedEarly = false;
                Decide(head, requestWasHead);
                _willClose |= _closeAfterResponse;
                _closeAfterResponse = false;
                return head;
            }
            catch (Exception e)
            {
                Fail(e);
                throw;
            }
        }

        /// <summary>
        /// For "Expect: 100-continue": reads the server's first answer. True when it was
        /// "100 Continue" (consumed; send the body); false when a final response came first: its
        /// head stays parsed for the next <see cref="ReadHead"/>, and as the body was never sent
        /// the connection closes after that response.
        /// </summary>
        public bool ReadContinue()
        {
            if (_error != null)
            {
                throw _error;
            }

            try
            {
                if (SkipInterimResponses(true))
                {
                    return true;
                }

                _finalHeadPending = true;
                _closeAfterResponse = true;
                return false;
            }
            catch (Exception e)
            {
                Fail(e);
                throw;
            }
        }

        /// <summary>
        /// Decides, once per response, how its body is delimited and whether the connection can
        /// be reused afterwards, by the precedence of RFC 9112 section 6.3:
        /// a response to HEAD, or status 1xx, 204 or 304: no body; Transfer-Encoding whose final
        /// coding is chunked: chunked (a Content-Length beside it, or HTTP/1.0, makes it
        /// suspect: the connection is not reused), any other Transfer-Encoding: until close; a
        /// valid Content-Length: that many bytes (an invalid one throws
        /// <see cref="HttpException"/>); otherwise until close. Reuse follows CPython: HTTP/1.1
        /// unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive", a Keep-Alive
        /// field or "Proxy-Connection: keep-alive". Also copies the limits of this response.
        /// </summary>
        internal void Decide(ResponseHead head, bool requestWasHead)
        {
            int status = head.Status;
            bool close = PeerWantsClose(head) || status == 101;
            _framing = BodyFraming.UntilClose;
            _remaining = -1;
            _maxLineLength = _limits.MaxLineLength;
            _maxHeaderCount = _limits.MaxHeaderCount;
            _maxTrailerBytes = _limits.MaxTrailerBytes;
            MaxReadBytes = _limits.MaxReadBytes;
            if (requestWasHead || status < 200 || status == 204 || status == 304)
            {
                _framing = BodyFraming.None;
                _remaining = 0;
            }
            else if (head.IndexOf(TransferEncoding, 0) >= 0)
            {
                if (FinalCodingIsChunked(head))
                {
                    _framing = BodyFraming.Chunked;
                    close |= head.Version == 10 || head.IndexOf(ContentLength, 0) >= 0;
                    _size = 0;
                    _lineLength = 0;
                    _trailerBytes = 0;
                    _trailerCount = 0;
                }
                else
                {
                    close = true;
                }
            }
            else if (head.IndexOf(ContentLength, 0) >= 0)
            {
                _framing = BodyFraming.ContentLength;
                _remaining = ParseContentLength(head);
            }
            else
            {
                close = true;
            }

            _willClose = close;
            _state = _framing == BodyFraming.ContentLength ? (_remaining == 0 ? State.Done : State.Length)
                : _framing == BodyFraming.Chunked ? State.SizeStart
                : _framing == BodyFraming.UntilClose ? State.UntilClose
                : State.Done;
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> body bytes into <paramref name="buffer"/>.
        /// Returns 0 only when the body has ended (or <paramref name="count"/> is 0); check
        /// <see cref="EndedEarly"/> then. Invalid chunked framing raises
        /// <see cref="IncompleteReadException"/> with no data (the caller adds what it has
        /// read), after the data before it has been returned. The end of the body, or any
        /// error, goes through <see cref="Finish"/>.
        /// </summary>
        public int ReadBody(byte[] buffer, int offset, int count)
        {
            if (_error != null)
            {
                Finish(false);
                throw _error;
            }

            if (count <= 0 || _state == State.Done)
            {
                return 0;
            }

            try
            {
                State state = _state;
                if (state == State.Length)
                {
                    return ReadContentLength(buffer, offset, count);
                }

                if (state == State.UntilClose)
                {
                    int read = ReadRaw(buffer, offset, count, int.MaxValue);
                    if (read == 0)
                    {
                        Finish(true);
                    }

                    return read;
                }

                return ReadChunked(buffer, offset, count);
            }
            catch (Exception e)
            {
                Fail(e);
                throw;
            }
        }

        /// <summary>
        /// The one end of every body: the socket stays with the connection for the next request
        /// when the body is <paramref name="complete"/> and the response allows reuse; otherwise
        /// (a closing response, a body cut short or abandoned, an error) it is closed here.
        /// </summary>
        internal void Finish(bool complete)
        {
            _state = State.Done;
            if (complete && !_willClose)
            {
                return;
            }

            _willClose = true;
            ITransport transport = _transport;
            if (transport != null)
            {
                transport.Close();
                if (_connection != null)
                {
                    _connection.Forget(transport);
                }
            }
        }

        private void Fail(Exception e)
        {
            _error = e;
            Finish(false);
        }

        // Reads heads until a final one (false) or, when stopAtContinue, a "100 Continue"
        // (true). Interim responses are capped.
        private bool SkipInterimResponses(bool stopAtContinue)
        {
            if (_transport == null)
            {
                throw new NotConnectedException();
            }

            int maxInterim = _limits.MaxInterimResponses;
            int interim = 0;
            while (ReadOneHead())
            {
                if (stopAtContinue && _parser.Status == 100)
                {
                    return true;
                }

                if (++interim > maxInterim)
                {
                    throw new HttpException("too many interim responses");
                }
            }

            return false;
        }

        // Parses one head at the start of the buffer; true if it was an interim response to skip.
        private bool ReadOneHead()
        {
            int unread = _end - _pos;
            if (unread > 0 && _pos > 0)
            {
                Array.Copy(_buffer, _pos, _buffer, 0, unread);
            }

            _pos = 0;
            _end = unread;
            _parser.Reset(_buffer, 0);
            while (true)
            {
                if (_pos == _end)
                {
                    if (_end == _buffer.Length)
                    {
                        // Only if MaxHeaderBytes was raised after the buffer was sized.
                        throw new HttpException("header section too large");
                    }

                    int received = Receive(_buffer, _end, _buffer.Length - _end);
                    if (received <= 0)
                    {
                        throw _parser.EndOfStreamError();
                    }

                    _end += received;
                }

                _pos += _parser.Parse(_buffer, _pos, _end - _pos);
                if (_parser.IsComplete)
                {
                    _bodyStart = _pos;
                    int status = _parser.Status;
                    return status < 200 && status != 101;
                }
            }
        }

        private int ReadContentLength(byte[] buffer, int offset, int count)
        {
            long remaining = _remaining;
            int read = ReadRaw(buffer, offset, count < remaining ? count : (int)remaining, remaining < int.MaxValue ? (int)remaining : int.MaxValue);
            if (read == 0)
            {
                return EndEarly();
            }

            _remaining = remaining - read;
            if (remaining == read)
            {
                Finish(true);
            }

            return read;
        }

        // Buffered bytes first. With none buffered, a read that takes all of the next `known`
        // bytes of the body, or at least a window's worth, is received straight into the
        // caller's buffer; a smaller one refills the window (never past `known` bytes) first.
        private int ReadRaw(byte[] buffer, int offset, int count, int known)
        {
            if (_pos == _end)
            {
                int window = _buffer.Length - _bodyStart;
                if (count >= known || count >= window)
                {
                    return Receive(buffer, offset, count);
                }

                if (!Fill(known < window ? known : window))
                {
                    return 0;
                }
            }

            int copied = _end - _pos;
            if (copied > count)
            {
                copied = count;
            }

            Array.Copy(_buffer, _pos, buffer, offset, copied);
            _pos += copied;
            return copied;
        }

        // Fills the caller's buffer with as much chunk data as is at hand: buffered data of one
        // or more chunks (the framing between them decoded on the way), else one receive. It
        // waits for bytes only while it has none to return. Framing already buffered after the
        // data is decoded too, so the body can end without another call.
        private int ReadChunked(byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (true)
            {
                if (_state == State.Data)
                {
                    long left = _chunkLeft;
                    int buffered = _end - _pos;
                    if (buffered > 0)
                    {
                        int moved = count - total;
                        if (moved > left)
                        {
                            moved = (int)left;
                        }

                        if (moved > buffered)
                        {
                            moved = buffered;
                        }

                        Array.Copy(_buffer, _pos, buffer, offset + total, moved);
                        _pos += moved;
                        total += moved;
                        left -= moved;
                        _chunkLeft = left;
                        if (left > 0)
                        {
                            if (total == count)
                            {
                                return total;
                            }

                            continue;
                        }

                        _state = State.DataCr;
                    }
                    else if (total > 0)
                    {
                        return total;
                    }
                    else if (left >= count || count >= _buffer.Length - _bodyStart)
                    {
                        // A large read: the chunk's data straight into the caller's buffer.
                        int received = Receive(buffer, offset, left < count ? (int)left : count);
                        if (received <= 0)
                        {
                            return EndEarly();
                        }

                        _chunkLeft = left - received;
                        if (_chunkLeft == 0)
                        {
                            _state = State.DataCr;
                        }

                        return received;
                    }
                    else
                    {
                        if (!Fill(_buffer.Length - _bodyStart))
                        {
                            return EndEarly();
                        }

                        continue;
                    }
                }

                if (_pos < _end)
                {
                    DecodeFraming();
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

                if (_state == State.Done)
                {
                    Finish(true);
                    return total;
                }

                if (_state == State.Data)
                {
                    if (total == count)
                    {
                        return total;
                    }

                    continue;
                }

                if (total > 0)
                {
                    return total;
                }

                if (!Fill(_buffer.Length - _bodyStart))
                {
                    if (!EndOfStreamIsComplete())
                    {
                        return EndEarly();
                    }

                    // As CPython: the last chunk came, only (part of) the trailers is missing.
                    _willClose = true;
                    Finish(true);
                    return 0;
                }
            }
        }

        // Consumes framing at _pos until chunk data begins (Data), the body ends (Done) or the
        // buffered bytes run out. Invalid framing is not thrown but kept in _error, so a call
        // holding data returns it first. Each byte of a line counts against the line limit.
        private void DecodeFraming()
        {
            byte[] b = _buffer;
            int i = _pos;
            int end = _end;
            if (_state == State.DataCr && end - i >= 2 && b[i] == Ascii.Cr && b[i + 1] == Ascii.Lf)
            {
                // The usual CRLF after chunk data, buffered whole: no byte-by-byte states.
                i += 2;
                StartSizeLine();
            }

            while (i < end && _error == null && _state != State.Data && _state != State.Done)
            {
                State state = _state;
                if (state == State.SizeStart || state == State.Size)
                {
                    long size = _size;
                    int start = i;
                    while (i < end)
                    {
                        int c = b[i];
                        int digit = c - '0';
                        if ((uint)digit > 9)
                        {
                            digit = (c | 0x20) - 'a';
                            if ((uint)digit > 5)
                            {
                                break;
                            }

                            digit += 10;
                        }

                        if (size > (long.MaxValue >> 4))
                        {
                            Invalid();
                            break;
                        }

                        size = (size << 4) | (uint)digit;
                        i++;
                    }

                    _size = size;
                    if (_error != null || !CountLine(i - start, LineTooLongException.ChunkSizeLine))
                    {
                        break;
                    }

                    if (i > start)
                    {
                        state = State.Size;
                        _state = state;
                        if (end - i >= 2 && b[i] == Ascii.Cr && b[i + 1] == Ascii.Lf)
                        {
                            // The usual "hex CRLF" line, buffered whole.
                            i += 2;
                            if (CountLine(2, LineTooLongException.ChunkSizeLine))
                            {
                                EndSizeLine();
                            }

                            continue;
                        }
                    }

                    if (i == end)
                    {
                        break;
                    }

                    if (state == State.SizeStart)
                    {
                        // Counted first: a long line fails as too long before as invalid.
                        if (CountLine(1, LineTooLongException.ChunkSizeLine))
                        {
                            Invalid();
                        }

                        break;
                    }
                }
                else if (state == State.Extension)
                {
                    int count = end - i;
                    int stop = Array.IndexOf(b, Ascii.BoxedCr, i, count);
                    int lf = Array.IndexOf(b, Ascii.BoxedLf, i, stop < 0 ? count : stop - i);
                    if (lf >= 0)
                    {
                        stop = lf;
                    }

                    int next = stop < 0 ? end : stop + 1;
                    if (!CountLine(next - i, LineTooLongException.ChunkSizeLine))
                    {
                        break;
                    }

                    i = next;
                    if (stop >= 0)
                    {
                        if (b[stop] == Ascii.Cr)
                        {
                            _state = State.SizeLf;
                        }
                        else
                        {
                            EndSizeLine();
                        }
                    }

                    continue;
                }
                else if (state == State.Trailer)
                {
                    int lf = Array.IndexOf(b, Ascii.BoxedLf, i, end - i);
                    int next = lf < 0 ? end : lf + 1;
                    if (!CountTrailer(next - i))
                    {
                        break;
                    }

                    i = next;
                    if (lf >= 0)
                    {
                        _lineLength = 0;
                        _state = State.TrailerStart;
                    }

                    continue;
                }

                byte one = b[i++];
                switch (state)
                {
                    case State.Size:
                    case State.SizeSpace:
                        if (!CountLine(1, LineTooLongException.ChunkSizeLine))
                        {
                            break;
                        }

                        if (one == Ascii.Cr)
                        {
                            _state = State.SizeLf;
                        }
                        else if (one == Ascii.Lf)
                        {
                            EndSizeLine();
                        }
                        else if (one == ';')
                        {
                            _state = State.Extension;
                        }
                        else if (Ascii.IsWhitespace(one))
                        {
                            _state = State.SizeSpace;
                        }
                        else
                        {
                            Invalid();
                        }

                        break;

                    case State.SizeLf:
                        if (CountLine(1, LineTooLongException.ChunkSizeLine))
                        {
                            if (one == Ascii.Lf)
                            {
                                EndSizeLine();
                            }
                            else
                            {
                                Invalid();
                            }
                        }

                        break;

                    case State.DataCr:
                        if (one == Ascii.Cr)
                        {
                            _state = State.DataLf;
                        }
                        else if (one == Ascii.Lf)
                        {
                            StartSizeLine();
                        }
                        else
                        {
                            Invalid();
                        }

                        break;

                    case State.DataLf:
                        if (one == Ascii.Lf)
                        {
                            StartSizeLine();
                        }
                        else
                        {
                            Invalid();
                        }

                        break;

                    case State.TrailerStart:
                        if (!CountTrailer(1))
                        {
                            break;
                        }

                        if (one == Ascii.Lf)
                        {
                            _state = State.Done;
                        }
                        else if (one == Ascii.Cr)
                        {
                            _state = State.TrailerLf;
                        }
                        else if (++_trailerCount > _maxHeaderCount)
                        {
                            _error = new HttpException("too many trailers");
                        }
                        else
                        {
                            _state = State.Trailer;
                        }

                        break;

                    default: // TrailerLf
                        if (CountTrailer(1))
                        {
                            if (one == Ascii.Lf)
                            {
                                _state = State.Done;
                            }
                            else
                            {
                                Invalid();
                            }
                        }

                        break;
                }
            }

            _pos = i;
        }

        private void EndSizeLine()
        {
            _lineLength = 0;
            if (_size == 0)
            {
                _state = State.TrailerStart;
            }
            else
            {
                _chunkLeft = _size;
                _state = State.Data;
            }
        }

        private void StartSizeLine()
        {
            _size = 0;
            _lineLength = 0;
            _state = State.SizeStart;
        }

        // Adds `count` bytes to the line; false (and _error set) past MaxLineLength.
        private bool CountLine(int count, string lineType)
        {
            _lineLength += count;
            if (_lineLength > _maxLineLength)
            {
                _error = new LineTooLongException(lineType);
                return false;
            }

            return true;
        }

        // Adds `count` trailer bytes to the line and the section; the limit a byte-by-byte
        // count would reach first decides the error.
        private bool CountTrailer(int count)
        {
            int lineRoom = _maxLineLength - _lineLength;
            int sectionRoom = _maxTrailerBytes - _trailerBytes;
            _lineLength += count;
            _trailerBytes += count;
            if (count > lineRoom && lineRoom <= sectionRoom)
            {
                _error = new LineTooLongException(LineTooLongException.TrailerLine);
                return false;
            }

            if (count > sectionRoom)
            {
                _error = new HttpException("trailer section too large");
                return false;
            }

            return true;
        }

        private void Invalid()
        {
            _error = new IncompleteReadException(new byte[0], -1);
        }

        // Whether an end of stream here still leaves a complete chunked body: the last chunk
        // has been seen and only (part of) the trailers or their final CRLF is missing.
        private bool EndOfStreamIsComplete()
        {
            State state = _state;
            return state >= State.TrailerStart
                || (state >= State.Size && state <= State.SizeLf && _size == 0);
        }

        // Refills the body area behind the head with at most `count` bytes; false at end of stream.
        private bool Fill(int count)
        {
            _pos = _bodyStart;
            _end = _bodyStart;
            int received = Receive(_buffer, _bodyStart, count);
            if (received <= 0)
            {
                return false;
            }

            _end += received;
            return true;
        }

        // The one receive of the reader. With a deadline, each wait is cut to what is left of it.
        private int Receive(byte[] buffer, int offset, int count)
        {
            if (_deadline == 0)
            {
                return _transport.Receive(buffer, offset, count);
            }

            long left = _deadline - NowMilliseconds();
            if (left <= 0)
            {
                throw new TimeoutException(DeadlinePassed);
            }

            int wait = _timeout > 0 && _timeout < left ? _timeout : (int)left;
            if (wait != _applied)
            {
                _transport.SetReceiveTimeout(wait);
                _applied = wait;
            }

            try
            {
                return _transport.Receive(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                if (_deadline - NowMilliseconds() <= 0)
                {
                    throw new TimeoutException(DeadlinePassed);
                }

                throw;
            }
        }

        private int EndEarly()
        {
            _endedEarly = true;
            Finish(false);
            return 0;
        }

        // Milliseconds for deadlines. The host has a monotonic tick count; the device's mscorlib
        // has only the wall clock, which SNTP sets once at start-up (before any HTTPS request can
        // succeed), so a deadline spanning that moment is the one case it can misjudge.
        private static long NowMilliseconds()
        {
#if NANOFRAMEWORK_1_0
            return DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
#else
            return Environment.TickCount64;
#endif
        }

        private static bool PeerWantsClose(ResponseHead head)
        {
            if (head.Version == 11)
            {
                return head.HasToken(Connection, ResponseHead.Close);
            }

            return !(head.HasToken(Connection, KeepAliveToken)
                || head.IndexOf(ResponseHead.KeepAlive, 0) >= 0
                || head.HasToken(ResponseHead.ProxyConnection, KeepAliveToken));
        }

        // The last coding of the last Transfer-Encoding field, e.g. "gzip, chunked" -> chunked.
        private static bool FinalCodingIsChunked(ResponseHead head)
        {
            int last = -1;
            for (int i = head.IndexOf(TransferEncoding, 0); i >= 0; i = head.IndexOf(TransferEncoding, i + 1))
            {
                last = i;
            }

            byte[] b = head.Buffer;
            int start = head.ValueOffset(last);
            int end = start + head.ValueLength(last);
            int codingStart = end;
            while (codingStart > start && b[codingStart - 1] != ',')
            {
                codingStart--;
            }

            while (codingStart < end && Ascii.IsWhitespace(b[codingStart]))
            {
                codingStart++;
            }

            return ResponseHead.EqualsKnown(b, codingStart, end - codingStart, ResponseHead.Chunked);
        }

        // Every element of every Content-Length field must be the same run of digits.
        private static long ParseContentLength(ResponseHead head)
        {
            long length = -1;
            byte[] b = head.Buffer;
            for (int i = head.IndexOf(ContentLength, 0); i >= 0; i = head.IndexOf(ContentLength, i + 1))
            {
                int at = head.ValueOffset(i);
                int end = at + head.ValueLength(i);
                while (true)
                {
                    while (at < end && Ascii.IsWhitespace(b[at]))
                    {
                        at++;
                    }

                    long value = 0;
                    int digits = 0;
                    while (at < end && b[at] >= '0' && b[at] <= '9')
                    {
                        int digit = b[at] - '0';
                        if (value > (long.MaxValue - digit) / 10)
                        {
                            throw InvalidContentLength();
                        }

                        value = value * 10 + digit;
                        digits++;
                        at++;
                    }

                    while (at < end && Ascii.IsWhitespace(b[at]))
                    {
                        at++;
                    }

                    if (digits == 0 || (length >= 0 && value != length) || (at < end && b[at] != ','))
                    {
                        throw InvalidContentLength();
                    }

                    length = value;
                    if (at == end)
                    {
                        break;
                    }

                    at++; // the comma
                }
            }

            return length;
        }

        private static HttpException InvalidContentLength()
        {
            return new HttpException("invalid Content-Length");
        }
    }
}
