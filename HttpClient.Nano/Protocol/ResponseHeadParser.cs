namespace HttpNano
{
    /// <summary>
    /// Incremental, in-place parser of a response head (status line, header fields, empty line).
    /// <code>
    ///   status line --LF--> field lines, each interpreted when its LF arrives:
    ///                         "" or CR        the empty line: Complete
    ///                         SP/HT ...       obs-fold: joined to the previous value
    ///                         name: value     a field (": value" is ignored, as CPython does)
    ///                         CR other        invalid (raised as soon as the byte after CR is seen)
    ///
    ///   any line --(bad line, limit exceeded)--> Failed (sticky: every later call throws again)
    /// </code>
    /// The head's bytes are contiguous in one buffer (the connection's receive buffer). Each call
    /// examines only the bytes that arrived since the previous call and returns how many it
    /// consumed; it stops right after the empty line that ends the head, so any bytes after it
    /// (the body, or the next response) are left alone. A line is interpreted when its LF
    /// arrives, so any split of the input gives the same result. Nothing is allocated unless an
    /// error is raised: fields are recorded as ranges in <see cref="Head"/>, and an obs-fold is
    /// joined in place by moving the continuation text left, over bytes already consumed.
    /// </summary>
    /// <remarks>
    /// Cost on the device: line ends are found with the native <c>Array.IndexOf</c>, a field name
    /// is validated, classified and its colon found in one pass with a table lookup per byte, and
    /// the values are never walked byte by byte. Bare CRs (RFC 9112 section 2.2) and NULs (RFC
    /// 9110 section 5.5; on the device a string ends at NUL) in field values become SP: the CR
    /// that ends each field line is overwritten once the line is taken apart, so that when the
    /// head is complete one native scan for CR and one for NUL over the field lines find
    /// exactly the octets to replace, usually none.
    /// </remarks>
    internal sealed class ResponseHeadParser
    {
        /// <summary>The head being parsed; complete once <see cref="IsComplete"/> is true.</summary>
        public readonly ResponseHead Head;

        /// <summary>Whether the empty line that ends the head has been consumed.</summary>
        public bool IsComplete;

        private readonly HttpLimits _limits;
        private byte[] _buffer;
        private HttpException _error;
        private int _headStart;
        private int _fieldsStart;
        private int _lineStart;
        private int _next;
        private int _maxFields;
        private bool _statusDone;
        private bool _canFold;

        /// <summary>Creates a parser whose head holds up to <see cref="HttpLimits.MaxHeaderCount"/> fields.</summary>
        public ResponseHeadParser(HttpLimits limits)
        {
            _limits = limits;
            Head = new ResponseHead(limits.MaxHeaderCount);
        }

        /// <summary>Starts a new head at <paramref name="start"/> in <paramref name="buffer"/>.</summary>
        public void Reset(byte[] buffer, int start)
        {
            ResponseHead head = Head;
            head.Buffer = buffer;
            head.Count = 0;
            head.Version = 0;
            head.Status = 0;
            head.ReasonOffset = 0;
            head.ReasonLength = 0;
            _buffer = buffer;
            IsComplete = false;
            _statusDone = false;
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

            if (IsComplete)
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
            _maxFields = _limits.MaxHeaderCount;
            if (_maxFields > Head.Fields.Length / ResponseHead.SlotsPerField)
            {
                _maxFields = Head.Fields.Length / ResponseHead.SlotsPerField;
            }

            int at = offset;
            while (true)
            {
                // The bytes examined may reach neither limit: a line of maxLine bytes (line end
                // included) or a head of maxHead bytes is the most accepted.
                int lineStart = _lineStart;
                int lineLimit = lineStart + maxLine;
                int limit = _headStart + maxHead < lineLimit ? _headStart + maxHead : lineLimit;
                if (end < limit)
                {
                    limit = end;
                }

                // The empty line ("\n" or "\r\n") ends the head; only it may start with CR, which
                // fails as soon as the next byte shows otherwise.
                int first = lineStart < limit ? buffer[lineStart] : 0;
                if (_statusDone && (first == Ascii.Lf || first == Ascii.Cr))
                {
                    int last = first == Ascii.Lf ? lineStart : lineStart + 1;
                    if (last < limit)
                    {
                        if (buffer[last] != Ascii.Lf)
                        {
                            throw Fail(new HttpException("invalid header line"));
                        }

                        // Bare CRs and NULs in the field lines become SP (see the remarks on the type).
                        ReplaceAll(Ascii.BoxedCr, lineStart);
                        ReplaceAll(Ascii.BoxedNul, lineStart);
                        _next = last + 1;
                        IsComplete = true;
                        return _next - offset;
                    }
                }

                int lf = at < limit ? System.Array.IndexOf(buffer, Ascii.BoxedLf, at, limit - at) : -1;
                if (lf < 0)
                {
                    if (limit < end)
                    {
                        throw Fail(limit == lineLimit
                            ? new LineTooLongException(_statusDone ? LineTooLongException.HeaderLine : LineTooLongException.StatusLine)
                            : new HttpException("header section too large"));
                    }

                    _next = end;
                    return count;
                }

                at = lf + 1;
                _lineStart = at;
                EndLine(lineStart, lf);
            }
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

            if (!_statusDone)
            {
                int end = _next;
                if (end > _lineStart && _buffer[end - 1] == Ascii.Cr)
                {
                    end--;
                }

                return BadStatusLine(_lineStart, end);
            }

            return Fail(new HttpException("incomplete response head"));
        }

        private HttpException Fail(HttpException error)
        {
            _error = error;
            return error;
        }

        // Interprets the line [start, lf): the status line, a field or an obs-fold.
        private void EndLine(int start, int lf)
        {
            byte[] b = _buffer;
            int end = lf;
            if (end > start && b[end - 1] == Ascii.Cr)
            {
                end--;
            }

            if (!_statusDone)
            {
                ParseStatusLine(start, end);
                _statusDone = true;
                _fieldsStart = lf + 1;
                return;
            }

            if (end < lf)
            {
                b[end] = Ascii.Lf; // the line's own CR must not look bare to the final scan
            }

            int first = b[start];
            if (first == Ascii.Space || first == Ascii.Tab)
            {
                JoinFold(start, end);
            }
            else
            {
                AddField(start, end);
            }
        }

        // "HTTP/1.x" SP 3DIGIT [SP reason]; runs of SP/HT between the parts are tolerated.
        private void ParseStatusLine(int start, int end)
        {
            byte[] b = _buffer;

            // Case-sensitive, as the protocol name is (RFC 9112 section 2.3).
            if (end - start < 5 || b[start] != 'H' || b[start + 1] != 'T' || b[start + 2] != 'T' || b[start + 3] != 'P' || b[start + 4] != '/')
            {
                throw BadStatusLine(start, end);
            }

            int versionEnd = start + 5;
            while (versionEnd < end && b[versionEnd] != Ascii.Space && b[versionEnd] != Ascii.Tab)
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

            // HTTP/1.1 or HTTP/1.0 exactly (the prefix is checked above).
            int minor = b[start + 7] - '0';
            if (versionEnd - start != 8 || b[start + 5] != '1' || b[start + 6] != '.' || minor < 0 || minor > 1)
            {
                throw Fail(new UnknownProtocolException(Ascii.GetString(b, start, versionEnd - start)));
            }

            ResponseHead head = Head;
            head.Version = 10 + minor;
            head.Status = status;
            int reasonStart = SkipWhitespace(at + 3, end);
            head.ReasonOffset = reasonStart;
            head.ReasonLength = TrimEnd(reasonStart, end) - reasonStart;
        }

        private void AddField(int start, int end)
        {
            // One pass over the name: every byte a tchar, up to the colon (not a tchar). The line
            // end stops it too: b[end] is the LF, or the line's CR overwritten with LF.
            byte[] b = _buffer;
            byte[] token = Ascii.Token;
            int colon = start;
            while (token[b[colon]] != 0)
            {
                colon++;
            }

            if (colon == end || b[colon] != Ascii.Colon)
            {
                while (colon < end && b[colon] != Ascii.Colon)
                {
                    colon++;
                }

                throw Fail(new HttpException(colon == end ? "invalid header line" : "invalid header name"));
            }

            if (colon == start)
            {
                // ": value" - ignored, as CPython does; a fold after it is ignored with it.
                _canFold = false;
                return;
            }

            ResponseHead head = Head;
            if (head.Count >= _maxFields)
            {
                throw Fail(new HttpException("too many headers"));
            }

            int valueStart = colon + 1;
            while (valueStart < end && (b[valueStart] == Ascii.Space || b[valueStart] == Ascii.Tab))
            {
                valueStart++;
            }

            while (end > valueStart && (b[end - 1] == Ascii.Space || b[end - 1] == Ascii.Tab))
            {
                end--;
            }

            int slot = head.Count * ResponseHead.SlotsPerField;
            int[] fields = head.Fields;
            int code = head.Classify(start, colon - start);
            fields[slot] = start;
            fields[slot + 1] = code != 0 ? -code : colon - start;
            fields[slot + 2] = valueStart;
            fields[slot + 3] = end - valueStart;
            head.Count++;
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
            int textLength = TrimEnd(textStart, end) - textStart;
            if (textLength == 0)
            {
                return;
            }

            int[] fields = Head.Fields;
            int slot = (Head.Count - 1) * ResponseHead.SlotsPerField;
            int valueStart = fields[slot + 2];
            int to = valueStart + fields[slot + 3];
            if (to > valueStart)
            {
                _buffer[to++] = Ascii.Space;
            }

            System.Array.Copy(_buffer, textStart, _buffer, to, textLength);
            fields[slot + 3] = to + textLength - valueStart;
        }

        // Every `boxed` octet in the field lines, from the end of the status line to `end`, becomes SP.
        private void ReplaceAll(object boxed, int end)
        {
            byte[] b = _buffer;
            int at = System.Array.IndexOf(b, boxed, _fieldsStart, end - _fieldsStart);
            while (at >= 0)
            {
                b[at] = Ascii.Space;
                at = System.Array.IndexOf(b, boxed, at + 1, end - at - 1);
            }
        }

        private HttpException BadStatusLine(int start, int end)
        {
            return Fail(new BadStatusLineException(Ascii.GetString(_buffer, start, end - start)));
        }

        private int SkipWhitespace(int at, int end)
        {
            byte[] b = _buffer;
            while (at < end && (b[at] == Ascii.Space || b[at] == Ascii.Tab))
            {
                at++;
            }

            return at;
        }

        private int TrimEnd(int start, int end)
        {
            byte[] b = _buffer;
            while (end > start && (b[end - 1] == Ascii.Space || b[end - 1] == Ascii.Tab))
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
