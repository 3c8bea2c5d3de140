namespace HttpNano
{
    /// <summary>
    /// Zero-copy decoder of the chunked transfer coding (RFC 9112 section 7.1). It reads only the
    /// framing bytes, one at a time, and reports how many of the following bytes are chunk data
    /// (<see cref="DataRemaining"/>), so the caller moves the data itself - straight into the
    /// user's buffer when it can - and then reports it with <see cref="DataConsumed"/>.
    /// <code>
    ///  SizeStart -hex-> Size -hex-> Size
    ///                   Size -SP/HT-> SizeSpace ; Size/SizeSpace -';'-> Extension (ignored)
    ///                   Size/SizeSpace/Extension -CR-> SizeLf -LF-> (line end)
    ///                   Size/SizeSpace/Extension -LF-> (line end)
    ///  (line end) size &gt; 0 -> Data -(caller consumed size bytes)-> DataCr -CR-> DataLf -LF-> SizeStart
    ///                                                               DataCr -LF-> SizeStart
    ///  (line end) size = 0 -> TrailerStart -other-> Trailer -LF-> TrailerStart
    ///                         TrailerStart -CR-> TrailerLf -LF-> Done
    ///                         TrailerStart -LF-> Done
    ///  any unexpected byte -> Failed (sticky)
    /// </code>
    /// The decoder consumes exactly the message and never a byte of what follows it. Trailer
    /// fields are counted against the limits and dropped. Invalid framing (a bad or overflowing
    /// size, a missing CRLF after chunk data) raises <see cref="IncompleteReadException"/> with
    /// no data: the body reader knows the data read so far. Long lines raise
    /// <see cref="LineTooLongException"/>.
    /// </summary>
    internal sealed class ChunkedDecoder
    {
        private readonly HttpLimits _limits;
        private State _state;
        private HttpException _error;
        private long _size;
        private long _dataRemaining;
        private int _lineLength;
        private int _trailerBytes;
        private int _trailerCount;

        private enum State
        {
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
            TrailerLf,
            Done,
            Failed
        }

        /// <summary>Creates a decoder bounded by <paramref name="limits"/>.</summary>
        public ChunkedDecoder(HttpLimits limits)
        {
            _limits = limits;
        }

        /// <summary>Bytes of chunk data that directly follow the framing consumed so far.</summary>
        public long DataRemaining
        {
            get { return _dataRemaining; }
        }

        /// <summary>Whether the last chunk and the trailers have been consumed.</summary>
        public bool IsDone
        {
            get { return _state == State.Done; }
        }

        /// <summary>
        /// Whether an end of stream here still leaves a complete body: the last chunk has been
        /// seen and only (part of) the trailer section or its final CRLF is missing, which
        /// CPython tolerates too.
        /// </summary>
        public bool EndOfStreamIsComplete
        {
            get
            {
                switch (_state)
                {
                    case State.Done:
                    case State.TrailerStart:
                    case State.Trailer:
                    case State.TrailerLf:
                        return true;
                    case State.Size:
                    case State.SizeSpace:
                    case State.Extension:
                    case State.SizeLf:
                        return _size == 0;
                    default:
                        return false;
                }
            }
        }

        /// <summary>Prepares for a new chunked body.</summary>
        public void Reset()
        {
            _state = State.SizeStart;
            _error = null;
            _size = 0;
            _dataRemaining = 0;
            _lineLength = 0;
            _trailerBytes = 0;
            _trailerCount = 0;
        }

        /// <summary>
        /// Consumes framing bytes from <paramref name="buffer"/> and returns how many. Stops early
        /// when chunk data begins (<see cref="DataRemaining"/> &gt; 0) or the body ends
        /// (<see cref="IsDone"/>); returns 0 while chunk data is pending.
        /// </summary>
        public int Decode(byte[] buffer, int offset, int count)
        {
            if (_error != null)
            {
                throw _error;
            }

            int i = 0;
            while (i < count && _state != State.Data && _state != State.Done)
            {
                Step(buffer[offset + i]);
                i++;
            }

            return i;
        }

        /// <summary>Reports that the caller moved <paramref name="count"/> bytes of chunk data.</summary>
        public void DataConsumed(long count)
        {
            _dataRemaining -= count;
            if (_dataRemaining == 0)
            {
                _state = State.DataCr;
            }
        }

        private void Step(byte b)
        {
            switch (_state)
            {
                case State.SizeStart:
                case State.Size:
                    CountLine(LineTooLongException.ChunkSizeLine);
                    int digit = Ascii.HexValue(b);
                    if (digit >= 0)
                    {
                        if (_size > (long.MaxValue >> 4))
                        {
                            throw Invalid();
                        }

                        _size = (_size << 4) | (uint)digit;
                        _state = State.Size;
                    }
                    else if (_state == State.SizeStart)
                    {
                        throw Invalid();
                    }
                    else
                    {
                        AfterSize(b);
                    }

                    break;

                case State.SizeSpace:
                    CountLine(LineTooLongException.ChunkSizeLine);
                    AfterSize(b);
                    break;

                case State.Extension:
                    CountLine(LineTooLongException.ChunkSizeLine);
                    if (b == Ascii.Cr)
                    {
                        _state = State.SizeLf;
                    }
                    else if (b == Ascii.Lf)
                    {
                        EndSizeLine();
                    }

                    break;

                case State.SizeLf:
                    CountLine(LineTooLongException.ChunkSizeLine);
                    Expect(b, Ascii.Lf);
                    EndSizeLine();
                    break;

                case State.DataCr:
                    if (b == Ascii.Cr)
                    {
                        _state = State.DataLf;
                    }
                    else
                    {
                        Expect(b, Ascii.Lf);
                        StartSizeLine();
                    }

                    break;

                case State.DataLf:
                    Expect(b, Ascii.Lf);
                    StartSizeLine();
                    break;

                case State.TrailerStart:
                    CountTrailer();
                    if (b == Ascii.Lf)
                    {
                        _state = State.Done;
                    }
                    else if (b == Ascii.Cr)
                    {
                        _state = State.TrailerLf;
                    }
                    else
                    {
                        if (++_trailerCount > _limits.MaxHeaderCount)
                        {
                            throw Fail(new HttpException("too many trailers"));
                        }

                        _state = State.Trailer;
                    }

                    break;

                case State.Trailer:
                    CountTrailer();
                    if (b == Ascii.Lf)
                    {
                        _lineLength = 0;
                        _state = State.TrailerStart;
                    }

                    break;

                case State.TrailerLf:
                    CountTrailer();
                    Expect(b, Ascii.Lf);
                    _state = State.Done;
                    break;
            }
        }

        private void AfterSize(byte b)
        {
            if (b == Ascii.Cr)
            {
                _state = State.SizeLf;
            }
            else if (b == Ascii.Lf)
            {
                EndSizeLine();
            }
            else if (b == ';')
            {
                _state = State.Extension;
            }
            else if (Ascii.IsWhitespace(b))
            {
                _state = State.SizeSpace;
            }
            else
            {
                throw Invalid();
            }
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
                _dataRemaining = _size;
                _state = State.Data;
            }
        }

        private void StartSizeLine()
        {
            _size = 0;
            _lineLength = 0;
            _state = State.SizeStart;
        }

        private void CountLine(string lineType)
        {
            if (++_lineLength > _limits.MaxLineLength)
            {
                throw Fail(new LineTooLongException(lineType));
            }
        }

        private void CountTrailer()
        {
            CountLine(LineTooLongException.TrailerLine);
            if (++_trailerBytes > _limits.MaxTrailerBytes)
            {
                throw Fail(new HttpException("trailer section too large"));
            }
        }

        private void Expect(byte b, byte expected)
        {
            if (b != expected)
            {
                throw Invalid();
            }
        }

        private HttpException Invalid()
        {
            return Fail(new IncompleteReadException(new byte[0], -1));
        }

        private HttpException Fail(HttpException error)
        {
            _error = error;
            _state = State.Failed;
            return error;
        }
    }
}
