using System;

namespace HttpNano
{
    /// <summary>
    /// Pulls a response from an <see cref="ITransport"/> through one receive buffer allocated
    /// once, and drives the sans-IO core: <see cref="ResponseHeadParser"/> for the head,
    /// <see cref="FramingRules"/> to pick the body framing, <see cref="ChunkedDecoder"/> for
    /// chunked bodies.
    /// <code>
    ///  receive buffer: [ head (&lt;= MaxHeaderBytes) | body / framing bytes (read window) ]
    ///                  0                      BodyStart                          capacity
    ///
    ///  Idle --ReadHead--> (1xx skipped) --> Body --ReadBody...0--> Idle (next ReadHead)
    ///   any protocol or transport error --> Failed (sticky until Attach)
    /// </code>
    /// Each head is parsed at the start of the buffer, so its ranges stay valid while its body
    /// is read behind it. Body bytes already buffered are copied out; when nothing is buffered
    /// and the framing says how many body bytes follow (the rest of a Content-Length, the rest
    /// of a chunk, or a close-delimited body), the transport receives straight into the
    /// caller's buffer. When the rest of a chunk fits the caller's buffer, that receive goes on
    /// into the read window (a scatter receive, where the transport has one), so the framing
    /// after the chunk needs no receive of its own; the caller's buffer is
    /// never written past the bytes returned. A call returns the data of as many chunks as are
    /// buffered. Bytes after the message stay buffered and become the start of the next
    /// head, so a kept-alive connection stays in sync. Nothing is allocated per message.
    /// The reader owns neither the transport nor the caller's buffers.
    /// </summary>
    internal sealed class ResponseReader
    {
        /// <summary>Default bytes of body window behind the head area.</summary>
        public const int DefaultReadWindow = 1024;

        private readonly HttpLimits _limits;
        private readonly byte[] _buffer;
        private readonly ResponseHeadParser _parser;
        private readonly FramingRules _rules;
        private readonly ChunkedDecoder _chunks;
        private ITransport _transport;
        private Exception _error;
        private int _pos;
        private int _end;
        private int _bodyStart;
        private BodyFraming _framing;
        private long _remaining;
        private bool _willClose;
        private bool _bodyDone = true;
        private bool _endedEarly;
        private bool _finalHeadPending;
        private bool _closeAfterResponse;

        /// <summary>
        /// Allocates the receive buffer (<see cref="HttpLimits.MaxHeaderBytes"/> plus
        /// <paramref name="readWindow"/> bytes) and the parsers. <paramref name="limits"/> is
        /// read as it is now and while reading; changing its counts later must not grow them.
        /// </summary>
        public ResponseReader(HttpLimits limits, int readWindow)
        {
            if (readWindow <= 0)
            {
                throw new ArgumentOutOfRangeException("readWindow");
            }

            _limits = limits;
            _buffer = new byte[limits.MaxHeaderBytes + readWindow];
            _parser = new ResponseHeadParser(limits);
            _rules = new FramingRules();
            _chunks = new ChunkedDecoder(limits);
        }

        /// <summary>The head read by the last <see cref="ReadHead"/>; valid until the next one.</summary>
        public ResponseHead Head
        {
            get { return _parser.Head; }
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

        /// <summary>Whether the connection must be closed after this response (also after any error).</summary>
        public bool WillClose
        {
            get { return _willClose || _error != null; }
        }

        /// <summary>Whether the body has ended (normally or early): <see cref="ReadBody"/> returns 0.</summary>
        public bool BodyDone
        {
            get { return _bodyDone; }
        }

        /// <summary>
        /// Whether the server closed the connection before the body was complete (before the
        /// Content-Length was reached, or inside the chunks). The connection raises
        /// <see cref="IncompleteReadException"/> for a full read and returns what it has otherwise.
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
            _framing = BodyFraming.None;
            _remaining = 0;
            _willClose = false;
            _bodyDone = true;
            _endedEarly = false;
            _finalHeadPending = false;
            _closeAfterResponse = false;
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

            if (!_bodyDone)
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

                ResponseHead head = _parser.Head;
                _rules.Decide(head, requestWasHead);
                _framing = _rules.Framing;
                _remaining = _rules.Length;
                _willClose = _rules.WillClose || _closeAfterResponse;
                _closeAfterResponse = false;
                _endedEarly = false;
                _bodyDone = _framing == BodyFraming.None || _remaining == 0;
                _chunks.Reset();
                return head;
            }
            catch (Exception e)
            {
                _error = e;
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

            if (_transport == null)
            {
                throw new NotConnectedException();
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
                _error = e;
                throw;
            }
        }

        // Reads heads until a final one (true) or, when stopAtContinue, a "100 Continue" (false
        // means a final head is parsed). Interim responses are capped.
        private bool SkipInterimResponses(bool stopAtContinue)
        {
            int interim = 0;
            while (ReadOneHead())
            {
                if (stopAtContinue && _parser.Head.Status == 100)
                {
                    return true;
                }

                if (++interim > _limits.MaxInterimResponses)
                {
                    throw new HttpException("too many interim responses");
                }
            }

            return false;
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> body bytes into <paramref name="buffer"/>.
        /// Returns 0 only when the body has ended (or <paramref name="count"/> is 0); check
        /// <see cref="EndedEarly"/> then. Invalid chunked framing raises
        /// <see cref="IncompleteReadException"/> with no data: the caller adds what it has read.
        /// </summary>
        public int ReadBody(byte[] buffer, int offset, int count)
        {
            if (_error != null)
            {
                throw _error;
            }

            if (count <= 0 || _bodyDone)
            {
                return 0;
            }

            try
            {
                switch (_framing)
                {
                    case BodyFraming.ContentLength:
                        return ReadContentLength(buffer, offset, count);
                    case BodyFraming.Chunked:
                        return ReadChunked(buffer, offset, count);
                    default:
                        return ReadUntilClose(buffer, offset, count);
                }
            }
            catch (Exception e)
            {
                _error = e;
                throw;
            }
        }

        // Parses one head at the start of the buffer; true if it was an interim response to skip.
        private bool ReadOneHead()
        {
            MoveUnreadToStart();
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

                    int received = _transport.Receive(_buffer, _end, _buffer.Length - _end);
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
                    int status = _parser.Head.Status;
                    return status < 200 && status != 101;
                }
            }
        }

        private int ReadContentLength(byte[] buffer, int offset, int count)
        {
            int read = ReadRaw(buffer, offset, count < _remaining ? count : (int)_remaining);
            if (read == 0)
            {
                return EndEarly();
            }

            _remaining -= read;
            _bodyDone = _remaining == 0;
            return read;
        }

        private int ReadUntilClose(byte[] buffer, int offset, int count)
        {
            int read = ReadRaw(buffer, offset, count);
            _bodyDone = read == 0;
            return read;
        }

        // Fills the caller's buffer with as much chunk data as is at hand: buffered data of one
        // or more chunks (the framing between them consumed on the way), else one receive. It
        // waits for bytes only while it has none to return.
        private int ReadChunked(byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (true)
            {
                long data = _chunks.DataRemaining;
                if (data > 0)
                {
                    int moved;
                    if (_pos < _end)
                    {
                        int want = count - total;
                        moved = want < data ? want : (int)data;
                        if (_end - _pos < moved)
                        {
                            moved = _end - _pos;
                        }

                        Array.Copy(_buffer, _pos, buffer, offset + total, moved);
                        _pos += moved;
                    }
                    else if (total > 0)
                    {
                        return total;
                    }
                    else
                    {
                        moved = ReceiveChunkData(buffer, offset, count, data);
                        if (moved <= 0)
                        {
                            return EndEarly();
                        }
                    }

                    total += moved;
                    _chunks.DataConsumed(moved);
                    if (!DecodeBufferedFraming() || total == count || _chunks.DataRemaining == 0)
                    {
                        return total;
                    }

                    continue;
                }

                if (_chunks.IsDone)
                {
                    _bodyDone = true;
                    return total;
                }

                if (_pos == _end)
                {
                    if (total > 0)
                    {
                        return total;
                    }

                    if (!Fill())
                    {
                        if (!_chunks.EndOfStreamIsComplete)
                        {
                            return EndEarly();
                        }

                        _bodyDone = true;
                        _willClose = true;
                        return 0;
                    }
                }

                _pos += _chunks.Decode(_buffer, _pos, _end - _pos);
            }
        }

        // Nothing is buffered and data of a chunk follows: one receive straight into the caller's
        // buffer, never past the chunk's end there. When the caller's buffer has room for the
        // whole rest of the chunk, the same receive goes on into the read window (a scatter
        // receive, where the transport has one), so the framing after the chunk, and what
        // follows it, arrives without a receive of its own. Returns the data bytes in the
        // caller's buffer (0 at end of stream); the rest is buffered as after Fill.
        private int ReceiveChunkData(byte[] buffer, int offset, int count, long data)
        {
            int window = _buffer.Length - _bodyStart;
            if (count < data || window <= 0)
            {
                return _transport.Receive(buffer, offset, count < data ? count : (int)data);
            }

            int chunk = (int)data;
            _pos = _bodyStart;
            _end = _bodyStart;
            int received = _transport.Receive(buffer, offset, chunk);
            if (received <= chunk)
            {
                return received;
            }

            _end += received - chunk;
            return chunk;
        }

        // After a chunk's data, framing that has already arrived (often the last chunk and the
        // empty trailer) is consumed now, so BodyDone turns true without another receive. A
        // framing error is left in the (sticky) decoder for the next call, which raises it: this
        // one returns data (false then).
        private bool DecodeBufferedFraming()
        {
            if (_chunks.DataRemaining > 0 || _pos == _end)
            {
                return true;
            }

            try
            {
                _pos += _chunks.Decode(_buffer, _pos, _end - _pos);
            }
            catch (HttpException)
            {
                return false;
            }

            _bodyDone = _chunks.IsDone;
            return true;
        }

        // Buffered bytes first; with none buffered, the transport writes straight into the caller's buffer.
        private int ReadRaw(byte[] buffer, int offset, int count)
        {
            int buffered = _end - _pos;
            if (buffered == 0)
            {
                return _transport.Receive(buffer, offset, count);
            }

            int copied = buffered < count ? buffered : count;
            Array.Copy(_buffer, _pos, buffer, offset, copied);
            _pos += copied;
            return copied;
        }

        // Refills the body area behind the head; false at end of stream.
        private bool Fill()
        {
            _pos = _bodyStart;
            _end = _bodyStart;
            int received = _transport.Receive(_buffer, _bodyStart, _buffer.Length - _bodyStart);
            if (received <= 0)
            {
                return false;
            }

            _end += received;
            return true;
        }

        private int EndEarly()
        {
            _endedEarly = true;
            _bodyDone = true;
            _willClose = true;
            return 0;
        }

        private void MoveUnreadToStart()
        {
            int unread = _end - _pos;
            if (unread > 0 && _pos > 0)
            {
                Array.Copy(_buffer, _pos, _buffer, 0, unread);
            }

            _pos = 0;
            _end = unread;
        }
    }
}
