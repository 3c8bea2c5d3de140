namespace HttpNano
{
    /// <summary>
    /// Incremental, in-place parser of a response head (status line, header fields, empty line).
    /// <code>
    ///             LF: status line parsed
    ///  StatusLine ----------------------> LineStart &lt;-------------------------+
    ///                                      |  |  |  \                         |
    ///                                  CR  |  |  |   \ other                  | LF: field added
    ///                                      v  |  |    +---------> FieldLine --+
    ///                                FinalLf  |  | SP/HT                      |
    ///                                  | LF   |  +-------------> FoldLine ----+ LF: joined to the
    ///                                  v      | LF                                previous value
    ///                               Complete &lt;+
    ///
    ///  any state --(bad line, limit exceeded)--> Failed (sticky: every later call throws again)
    /// </code>
    /// The head's bytes are contiguous in one buffer (the connection's receive buffer). Each call
    /// examines only the bytes that arrived since the previous call and returns how many it
    /// consumed; it stops right after the empty line that ends the head, so any bytes after it
    /// (the body, or the next response) are left alone. A line is interpreted when its LF
    /// arrives, so any split of the input gives the same result. Nothing is allocated unless an
    /// error is raised: fields are recorded as ranges in <see cref="Head"/>, and an obs-fold is
    /// joined in place by moving the continuation text left, over bytes already consumed.
    /// </summary>
    internal sealed class ResponseHeadParser
    {
        private const string HttpPrefix = "HTTP/";

        private readonly HttpLimits _limits;
        private readonly ResponseHead _head;
        private byte[] _buffer;
        private State _state;
        private HttpException _error;
        private int _headStart;
        private int _lineStart;
        private int _next;
        private bool _canFold;

        private enum State
        {
            StatusLine,
            LineStart,
            FieldLine,
            FoldLine,
            FinalLf,
            Complete,
            Failed
        }

        /// <summary>Creates a parser whose head holds up to <see cref="HttpLimits.MaxHeaderCount"/> fields.</summary>
        public ResponseHeadParser(HttpLimits limits)
        {
            _limits = limits;
            _head = new ResponseHead(limits.MaxHeaderCount);
        }

        /// <summary>The head being parsed; complete once <see cref="IsComplete"/> is true.</summary>
        public ResponseHead Head
        {
            get { return _head; }
        }

        /// <summary>Whether the empty line that ends the head has been consumed.</summary>
        public bool IsComplete
        {
            get { return _state == State.Complete; }
        }

        /// <summary>Bytes consumed since <see cref="Reset"/>: the head's length once complete.</summary>
        public int Consumed
        {
            get { return _next - _headStart; }
        }

        /// <summary>Starts a new head at <paramref name="start"/> in <paramref name="buffer"/>.</summary>
        public void Reset(byte[] buffer, int start)
        {
            _buffer = buffer;
            _head.Clear(buffer);
            _state = State.StatusLine;
            _error = null;
            _headStart = start;
            _lineStart = start;
            _next = start;
            _canFold = false;
        }

        /// <summary>
        /// Examines <paramref name="count"/> newly arrived bytes at <paramref name="offset"/>, which
        /// must directly follow the bytes already consumed, and returns how many belong to the
        /// head (all of them unless the head ended among them).
        /// </summary>
        public int Parse(byte[] buffer, int offset, int count)
        {
            if (_error != null)
            {
                throw _error;
            }

            if (_state == State.Complete)
            {
                return 0;
            }

            if (buffer != _buffer || offset != _next)
            {
                throw new System.ArgumentException("not contiguous");
            }

            int end = offset + count;
            int maxLine = _limits.MaxLineLength;
            int maxHead = _limits.MaxHeaderBytes;
            int i = offset;
            while (i < end)
            {
                if (i - _lineStart >= maxLine)
                {
                    throw Fail(new LineTooLongException(_state == State.StatusLine ? LineTooLongException.StatusLine : LineTooLongException.HeaderLine));
                }

                if (i - _headStart >= maxHead)
                {
                    throw Fail(new HttpException("header section too large"));
                }

                byte b = buffer[i];
                switch (_state)
                {
                    case State.LineStart:
                        if (b == Ascii.Lf)
                        {
                            return Finish(i + 1) - offset;
                        }

                        _state = b == Ascii.Cr ? State.FinalLf : Ascii.IsWhitespace(b) ? State.FoldLine : State.FieldLine;
                        i++;
                        break;

                    case State.FinalLf:
                        if (b != Ascii.Lf)
                        {
                            throw Fail(new HttpException("invalid header line"));
                        }

                        return Finish(i + 1) - offset;

                    default:
                        if (b == Ascii.Lf)
                        {
                            EndLine(i);
                            i++;
                            break;
                        }

                        // Inside a line only an LF matters: skip to it in a tight loop, stopping
                        // at either limit so the checks above still see the byte that breaks it.
                        int stop = end;
                        if (_lineStart + maxLine < stop)
                        {
                            stop = _lineStart + maxLine;
                        }

                        if (_headStart + maxHead < stop)
                        {
                            stop = _headStart + maxHead;
                        }

                        i++;
                        while (i < stop && buffer[i] != Ascii.Lf)
                        {
                            i++;
                        }

                        break;
                }
            }

            _next = end;
            return count;
        }

        /// <summary>
        /// The exception for an end of stream at this point: nothing received yet
        /// (<see cref="RemoteDisconnectedException"/>), inside the status line
        /// (<see cref="BadStatusLineException"/>), or inside the header fields.
        /// </summary>
        public HttpException EndOfStreamError()
        {
            if (_error != null)
            {
                return _error;
            }

            if (_next == _headStart)
            {
                return Fail(new RemoteDisconnectedException());
            }

            if (_state == State.StatusLine)
            {
                int end = _next;
                if (end > _lineStart && _buffer[end - 1] == Ascii.Cr)
                {
                    end--;
                }

                return Fail(new BadStatusLineException(Ascii.GetString(_buffer, _lineStart, end - _lineStart)));
            }

            return Fail(new HttpException("incomplete response head"));
        }

        private int Finish(int next)
        {
            _next = next;
            _state = State.Complete;
            return next;
        }

        private HttpException Fail(HttpException error)
        {
            _error = error;
            _state = State.Failed;
            return error;
        }

        private void EndLine(int lf)
        {
            int end = lf;
            if (end > _lineStart && _buffer[end - 1] == Ascii.Cr)
            {
                end--;
            }

            switch (_state)
            {
                case State.StatusLine:
                    ParseStatusLine(_lineStart, end);
                    break;
                case State.FieldLine:
                    AddField(_lineStart, end);
                    break;
                default:
                    JoinFold(_lineStart, end);
                    break;
            }

            _lineStart = lf + 1;
            _state = State.LineStart;
        }

        // "HTTP/1.x" SP 3DIGIT [SP reason]; runs of SP/HT between the parts are tolerated.
        private void ParseStatusLine(int start, int end)
        {
            byte[] b = _buffer;
            if (!StartsWithHttp(start, end))
            {
                throw BadStatusLine(start, end);
            }

            int versionEnd = start;
            while (versionEnd < end && !Ascii.IsWhitespace(b[versionEnd]))
            {
                versionEnd++;
            }

            int at = SkipWhitespace(versionEnd, end);
            if (end - at < 3 || !IsDigit(b[at]) || !IsDigit(b[at + 1]) || !IsDigit(b[at + 2]) || (end - at > 3 && !Ascii.IsWhitespace(b[at + 3])))
            {
                throw BadStatusLine(start, end);
            }

            int status = (b[at] - '0') * 100 + (b[at + 1] - '0') * 10 + (b[at + 2] - '0');
            if (status < 100)
            {
                throw BadStatusLine(start, end);
            }

            int version;
            if (Ascii.EqualsIgnoreCase(b, start, versionEnd - start, "HTTP/1.1"))
            {
                version = 11;
            }
            else if (Ascii.EqualsIgnoreCase(b, start, versionEnd - start, "HTTP/1.0"))
            {
                version = 10;
            }
            else
            {
                throw Fail(new UnknownProtocolException(Ascii.GetString(b, start, versionEnd - start)));
            }

            int reasonStart = SkipWhitespace(at + 3, end);
            int reasonEnd = TrimEnd(reasonStart, end);
            _head.SetStatusLine(version, status, reasonStart, reasonEnd - reasonStart);
        }

        private void AddField(int start, int end)
        {
            byte[] b = _buffer;
            int colon = start;
            while (colon < end && b[colon] != Ascii.Colon)
            {
                colon++;
            }

            if (colon == end)
            {
                throw Fail(new HttpException("invalid header line"));
            }

            if (colon == start)
            {
                // ": value" - ignored, as CPython does; a fold after it is ignored with it.
                _canFold = false;
                return;
            }

            for (int i = start; i < colon; i++)
            {
                if (!Ascii.IsTokenChar(b[i]))
                {
                    throw Fail(new HttpException("invalid header name"));
                }
            }

            if (_head.Count >= _head.Capacity || _head.Count >= _limits.MaxHeaderCount)
            {
                throw Fail(new HttpException("too many headers"));
            }

            int valueStart = SkipWhitespace(colon + 1, end);
            int valueEnd = TrimEnd(valueStart, end);
            ReplaceBareCr(valueStart, valueEnd);
            _head.Add(start, colon - start, valueStart, valueEnd - valueStart);
            _canFold = true;
        }

        // obs-fold: the continuation's text joins the previous value after one SP, moved left in
        // place over the previous line end and the fold's leading whitespace (already consumed).
        private void JoinFold(int start, int end)
        {
            if (!_canFold)
            {
                return; // fold before any field, or after an ignored line
            }

            int textStart = SkipWhitespace(start, end);
            int textEnd = TrimEnd(textStart, end);
            if (textStart == textEnd)
            {
                return;
            }

            int last = _head.Count - 1;
            int valueStart = _head.ValueOffset(last);
            int to = valueStart + _head.ValueLength(last);
            if (to > valueStart)
            {
                _buffer[to++] = Ascii.Space;
            }

            int movedStart = to;
            for (int i = textStart; i < textEnd; i++)
            {
                _buffer[to++] = _buffer[i];
            }

            ReplaceBareCr(movedStart, to);
            _head.SetLastValueLength(to - valueStart);
        }

        // RFC 9112 section 2.2: a bare CR inside a field is replaced with SP.
        private void ReplaceBareCr(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (_buffer[i] == Ascii.Cr)
                {
                    _buffer[i] = Ascii.Space;
                }
            }
        }

        // Case-sensitive, as the protocol name is (RFC 9112 section 2.3).
        private bool StartsWithHttp(int start, int end)
        {
            if (end - start < HttpPrefix.Length)
            {
                return false;
            }

            for (int i = 0; i < HttpPrefix.Length; i++)
            {
                if (_buffer[start + i] != HttpPrefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private HttpException BadStatusLine(int start, int end)
        {
            return Fail(new BadStatusLineException(Ascii.GetString(_buffer, start, end - start)));
        }

        private int SkipWhitespace(int at, int end)
        {
            while (at < end && Ascii.IsWhitespace(_buffer[at]))
            {
                at++;
            }

            return at;
        }

        private int TrimEnd(int start, int end)
        {
            while (end > start && Ascii.IsWhitespace(_buffer[end - 1]))
            {
                end--;
            }

            return end;
        }

        private static bool IsDigit(int b)
        {
            return b >= '0' && b <= '9';
        }
    }
}
