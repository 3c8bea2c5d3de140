namespace HttpNano
{
    /// <summary>
    /// A response head (status line, header fields, empty line), parsed incrementally where it
    /// was received: in the connection's receive buffer. The reason phrase and every field name
    /// and value are (offset, length) ranges into that buffer, kept in an int array sized once
    /// from <see cref="HttpLimits.MaxHeaderCount"/>, so parsing a head allocates nothing; strings
    /// are made only when a caller asks for one. The ranges are valid until the next head is
    /// read into the same buffer.
    /// <code>
    ///   status line --LF--> field lines, each interpreted when its LF arrives:
    ///                         "" or CR        the empty line: Complete
    ///                         SP/HT ...       obs-fold: joined to the previous value
    ///                         name: value     a field (": value" is ignored, as CPython does)
    ///                         CR other        invalid (raised as soon as the byte after CR is seen)
    ///
    ///   any line --(bad line, limit exceeded)--> Failed (sticky: every later call throws again)
    /// </code>
    /// Each <see cref="Parse"/> call examines only the bytes that arrived since the previous
    /// call and returns how many it consumed; it stops right after the empty line that ends the
    /// head, so any bytes after it (the body, or the next response) are left alone. A line is
    /// interpreted when its LF arrives, so any split of the input gives the same result. Nothing
    /// is allocated unless an error is raised, and an obs-fold is joined in place by moving the
    /// continuation text left, over bytes already consumed.
    /// </summary>
    /// <remarks>
    /// Cost on the device: line ends are found with the native <c>Array.IndexOf</c>, a field name
    /// is validated and its colon found in one pass with a table lookup per byte, and the values
    /// are never walked byte by byte. Bare CRs (RFC 9112 section 2.2) and NULs (RFC 9110 section
    /// 5.5; on the device a string ends at NUL) in field values read as SP, but are left in the
    /// buffer: a value's range never holds the CR of a line end, so any CR in it is bare, and the
    /// octets are mapped where they are read, in the one copy that makes a value a string and in
    /// the comparisons the library makes itself (which skip them as whitespace around a list
    /// element or a number). The SP and HTAB around a value are trimmed when it is first read
    /// (<see cref="TrimValue"/>), not when it is parsed: most values are never read.
    /// <para>
    /// The names the library looks up itself (<see cref="ContentLength"/>, ...) are recognised
    /// once, when the field is parsed, against lower-case bytes; the first and last field of each
    /// are noted, so a lookup by code touches no string and, usually, no other field. A code is
    /// id * 4096 + offset * 32 + length in <see cref="Ascii.Text"/>. Octets are compared through
    /// <see cref="Ascii.Token"/>, which maps only a letter's two cases onto it, and '-' onto '-'.
    /// </para>
    /// </remarks>
    internal sealed class ResponseHead
    {
        /// <summary>Code of Content-Length.</summary>
        public const int ContentLength = 0 << 12 | 0 * 32 + 14;

        /// <summary>Code of Transfer-Encoding.</summary>
        public const int TransferEncoding = 1 << 12 | 14 * 32 + 17;

        /// <summary>Code of Connection.</summary>
        public const int Connection = 2 << 12 | 31 * 32 + 10;

        /// <summary>Code of Keep-Alive, the field name and the Connection token.</summary>
        public const int KeepAlive = 3 << 12 | 41 * 32 + 10;

        /// <summary>Code of Proxy-Connection.</summary>
        public const int ProxyConnection = 4 << 12 | 51 * 32 + 16;

        /// <summary>Code of the token "close".</summary>
        public const int Close = 67 * 32 + 5;

        /// <summary>Code of the coding "chunked".</summary>
        public const int Chunked = 72 * 32 + 7;

        /// <summary>
        /// Four ints per field: name offset, name length (or, for a name the library looks up,
        /// minus its code, which holds the length), value offset, value length (the value as
        /// received until <see cref="TrimValue"/> trims it).
        /// </summary>
        internal const int SlotsPerField = 4;

        /// <summary>The fields' ranges and codes, <see cref="SlotsPerField"/> ints per field.</summary>
        internal readonly int[] Fields;

        /// <summary>HTTP version: 10 for HTTP/1.0, 11 for HTTP/1.1; 0 until the status line is parsed.</summary>
        public int Version;

        /// <summary>Status code, 100-999.</summary>
        public int Status;

        /// <summary>Number of header fields, duplicates included, in received order.</summary>
        public int Count;

        /// <summary>The buffer the ranges point into.</summary>
        public byte[] Buffer;

        /// <summary>Whether the empty line that ends the head has been consumed.</summary>
        public bool IsComplete;


        private readonly HttpLimits _limits;

        // Per known name (by id, the code's top bits): index + 1 of its first field and of its
        // last field, 0 when there is none.
        private readonly int[] _seen = new int[10];

        private HttpException _error;
        private int _headStart;
        private int _fieldsStart;
        private int _line; // where the line not yet complete starts
        private int _next;
        private bool _canFold;

        /// <summary>Creates an empty head able to hold <see cref="HttpLimits.MaxHeaderCount"/> fields.</summary>
        public ResponseHead(HttpLimits limits)
        {
            _limits = limits;
            Fields = new int[limits.MaxHeaderCount * SlotsPerField];
        }

        /// <summary>The reason phrase, possibly empty (a new string per call).</summary>
        public string Reason
        {
            get
            {
                // Found again in the status line, [_headStart, _fieldsStart) with its line end:
                // "HTTP/1.x", whitespace, three digits, whitespace, the reason.
                int end = _fieldsStart - 1;
                if (Buffer[end - 1] == Ascii.Cr)
                {
                    end--;
                }

                int start = SkipSpace(SkipSpace(_headStart + 8, end, false) + 3, end, false);
                return Ascii.GetString(Buffer, start, TrimEnd(start, end, false) - start);
            }
        }

        /// <summary>Starts a new head at <paramref name="start"/> in <paramref name="buffer"/>.</summary>
        public void Reset(byte[] buffer, int start)
        {
            Buffer = buffer;
            Count = 0;
            Version = 0;
            System.Array.Clear(_seen, 0, 10);
            IsComplete = false;
            _error = null;
            _headStart = start;
            _line = start;
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

            if (buffer != Buffer || offset != _next)
            {
                throw new System.ArgumentException(); // the bytes must follow those already consumed
            }

            // The loop keeps its state in locals; the fields are written back when it returns.
            HttpLimits limits = _limits;
            int end = offset + count;
            int maxLine = limits.MaxLineLength;
            int scanEnd = _headStart + limits.MaxHeaderBytes;
            if (scanEnd > end)
            {
                scanEnd = end;
            }

            // The slot of the next field, and the end of those the limit allows (the array was
            // sized from the limit when the head was made).
            int[] fields = Fields;
            int slot = Count * SlotsPerField;
            int maxSlots = fields.Length;
            if (limits.MaxHeaderCount < maxSlots / SlotsPerField)
            {
                maxSlots = limits.MaxHeaderCount * SlotsPerField;
            }

            byte[] token = Ascii.Token;
            int at = offset;
            int lineStart = _line;
            bool statusDone = Version != 0; // set once the status line is parsed
            while (true)
            {
                // The empty line ("\n" or "\r\n") ends the head; only it may start with CR, which
                // fails as soon as the next byte shows otherwise. (It fits any line limit that
                // let the status line through.)
                int first = lineStart < scanEnd ? buffer[lineStart] : 0;
                if (first <= Ascii.Cr && (first == Ascii.Lf || first == Ascii.Cr) && statusDone)
                {
                    int last = first == Ascii.Lf ? lineStart : lineStart + 1;
                    if (last < scanEnd)
                    {
                        if (buffer[last] != Ascii.Lf)
                        {
                            throw Sticky(new HttpException("invalid header line"));
                        }

                        _next = last + 1;
                        IsComplete = true;
                        return _next - offset;
                    }
                }

                // The bytes examined may reach neither limit: a line of maxLine bytes (line end
                // included) or a head of maxHead bytes is the most accepted. The scan runs to the
                // head's limit: a line end past the line's counts as none.
                int lf = at < scanEnd ? System.Array.IndexOf(buffer, Ascii.BoxedLf, at, scanEnd - at) : -1;
                if (lf < 0 || lf - lineStart >= maxLine)
                {
                    int limit = lineStart + maxLine;
                    if (limit > scanEnd)
                    {
                        limit = scanEnd;
                    }

                    if (limit < end)
                    {
                        throw Sticky(limit == lineStart + maxLine
                            ? new LineTooLongException(statusDone ? LineTooLongException.HeaderLine : LineTooLongException.StatusLine)
                            : new HttpException("header section too large"));
                    }

                    _line = lineStart;
                    _next = end;
                    return count;
                }

                // The line is [lineStart, lineEnd): without its CR, if any.
                at = lf + 1;
                int lineEnd = lf > lineStart && buffer[lf - 1] == Ascii.Cr ? lf - 1 : lf;
                if (!statusDone)
                {
                    ParseStatus(lineStart, lineEnd);
                    statusDone = true;
                    _fieldsStart = at;
                }
                else if (first <= Ascii.Space && (first == Ascii.Space || first == Ascii.Tab))
                {
                    // obs-fold: the text joins the previous value after one SP, moved left in place
                    // over the previous line end and the fold's leading whitespace (consumed
                    // already); ignored before any field and after an ignored line.
                    int textStart = SkipSpace(lineStart, lineEnd, false);
                    int textLength = TrimEnd(textStart, lineEnd, false) - textStart;
                    if (_canFold && textLength > 0)
                    {
                        TrimValue(Count - 1);
                        int valueStart = fields[slot - 2];
                        int to = valueStart + fields[slot - 1];
                        if (to > valueStart)
                        {
                            buffer[to++] = Ascii.Space;
                        }

                        System.Array.Copy(buffer, textStart, buffer, to, textLength);
                        fields[slot - 1] = to + textLength - valueStart;
                    }
                }
                else
                {
                    // One table lookup per name byte: every byte a tchar, up to the colon (not
                    // a tchar). The line's CR or LF stops this loop and the next one.
                    int colon = lineStart;
                    while (token[buffer[colon]] != 0)
                    {
                        colon++;
                    }

                    if (buffer[colon] != Ascii.Colon)
                    {
                        throw Sticky(new HttpException(colon == lineEnd ? "invalid header line" : "invalid header name"));
                    }

                    if (colon == lineStart)
                    {
                        _canFold = false; // ": value" is ignored, as CPython does; a fold after it with it
                    }
                    else
                    {
                        if (slot >= maxSlots)
                        {
                            throw Sticky(new HttpException("too many headers"));
                        }

                        // The value as received, up to the line end: the SP and HTAB around it
                        // are trimmed where it is read (TrimValue), which most values never are.
                        int nameLength = colon - lineStart;
                        fields[slot] = lineStart;
                        fields[slot + 1] = nameLength;
                        fields[slot + 2] = ++colon;
                        fields[slot + 3] = lineEnd - colon;
                        _canFold = true;
                        Count++;

                        // The names the library looks up, by length first: a name of another
                        // length costs one switch.
                        int c;
                        switch (nameLength)
                        {
                            case 10:
                                c = (buffer[lineStart] | 0x20) == 'c' ? Connection : KeepAlive;
                                break;
                            case 14:
                                c = ContentLength;
                                break;
                            case 16:
                                c = ProxyConnection;
                                break;
                            case 17:
                                c = TransferEncoding;
                                break;
                            default:
                                c = 0;
                                break;
                        }

                        if (c != 0 && EqualsKnown(buffer, lineStart, nameLength, c))
                        {
                            // Noted as the code's first field (unless one came before) and its last.
                            fields[slot + 1] = -c;
                            int[] seen = _seen;
                            c = (c >> 12) * 2;
                            if (seen[c] == 0)
                            {
                                seen[c] = Count;
                            }

                            seen[c + 1] = Count;
                        }

                        slot += SlotsPerField;
                    }
                }

                lineStart = at;
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
                return Sticky(new RemoteDisconnectedException());
            }

            if (Version == 0)
            {
                int end = _next;
                if (end > _line && Buffer[end - 1] == Ascii.Cr)
                {
                    end--;
                }

                return BadStatusLine(_line, end);
            }

            return Sticky(new HttpException("incomplete head"));
        }

        /// <summary>Name of field <paramref name="index"/> as received (a new string per call).</summary>
        public string GetName(int index)
        {
            int slot = index * SlotsPerField;
            int length = Fields[slot + 1];
            return Ascii.GetString(Buffer, Fields[slot], length < 0 ? -length & 31 : length);
        }

        /// <summary>Value of field <paramref name="index"/>, trimmed, Latin-1, NUL and CR as SP (a new string per call).</summary>
        public string GetValue(int index)
        {
            TrimValue(index);
            char[] chars = new char[Fields[index * SlotsPerField + 3]];
            CopyValue(index, chars, 0);
            return new string(chars);
        }

        /// <summary>
        /// Index of the first field named <paramref name="name"/> (ignoring ASCII case) at or
        /// after <paramref name="start"/>, or -1. Allocates nothing.
        /// </summary>
        public int IndexOf(string name, int start)
        {
            int length = name.Length;
            for (int i = start; i < Count; i++)
            {
                // The name's length, or minus the code of a known name (whose length it holds).
                int slot = i * SlotsPerField;
                int nameLength = Fields[slot + 1];
                if ((nameLength < 0 ? -nameLength & 31 : nameLength) == length && Ascii.EqualsIgnoreCase(name, null, Buffer, Fields[slot], length))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Index of the first field whose name has <paramref name="code"/> (e.g.
        /// <see cref="ContentLength"/>) at or after <paramref name="start"/> (with -1: the last
        /// such field), or -1.
        /// </summary>
        public int IndexOf(int code, int start)
        {
            int seen = (code >> 12) * 2;
            int first = _seen[seen] - 1;
            if (start <= first)
            {
                return start < 0 ? _seen[seen + 1] - 1 : first;
            }

            int[] fields = Fields;
            int last = _seen[seen + 1] - 1;
            code = -code;
            for (int i = start; i <= last; i++)
            {
                if (fields[i * SlotsPerField + 1] == code)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Every field named <paramref name="name"/> joined with ", " in received order, or null
        /// when there is none. One string is allocated, with the char array it is made from.
        /// </summary>
        public string GetHeader(string name)
        {
            int first = IndexOf(name, 0);
            if (first < 0)
            {
                return null;
            }

            int length = -2;
            for (int i = first; i >= 0; i = IndexOf(name, i + 1))
            {
                TrimValue(i);
                length += 2 + Fields[i * SlotsPerField + 3];
            }

            char[] chars = new char[length];
            int at = 0;
            for (int i = first; i >= 0; i = IndexOf(name, i + 1))
            {
                if (i != first)
                {
                    chars[at++] = ',';
                    chars[at++] = ' ';
                }

                at = CopyValue(i, chars, at);
            }

            return new string(chars);
        }

        /// <summary>
        /// Trims the SP and HTAB around the value of field <paramref name="index"/>, which is
        /// kept as received until it is read (again: nothing left to trim).
        /// </summary>
        internal void TrimValue(int index)
        {
            int[] fields = Fields;
            int slot = index * SlotsPerField + 2;
            int start = fields[slot];
            int end = start + fields[slot + 1];
            start = SkipSpace(start, end, false);
            fields[slot] = start;
            fields[slot + 1] = TrimEnd(start, end, false) - start;
        }

        // Copies the value of field `index` into `chars` from `at` on, one char per byte
        // (Latin-1), with NUL and CR as SP (see the remarks on the type); returns where it ends.
        private int CopyValue(int index, char[] chars, int at)
        {
            byte[] b = Buffer;
            int offset = Fields[index * SlotsPerField + 2];
            int end = at + Fields[index * SlotsPerField + 3];
            while (at < end)
            {
                int c = b[offset++];
                chars[at++] = (char)(c == 0 || c == Ascii.Cr ? Ascii.Space : c);
            }

            return at;
        }

        /// <summary>
        /// Whether any field with the known name <paramref name="name"/> (e.g.
        /// <see cref="Connection"/>) holds the known token <paramref name="token"/> (e.g.
        /// <see cref="Close"/>) as one element of its comma-separated list, ignoring ASCII case
        /// and surrounding whitespace (e.g. "Connection: keep-alive, Upgrade"). Allocates nothing.
        /// </summary>
        public bool HasToken(int name, int token)
        {
            byte[] b = Buffer;
            int[] fields = Fields;
            for (int i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
            {
                int at = fields[i * SlotsPerField + 2];
                int end = at + fields[i * SlotsPerField + 3];
                while (at <= end)
                {
                    int comma = at;
                    while (comma < end && b[comma] != ',')
                    {
                        comma++;
                    }

                    int start = SkipSpace(at, comma, true);
                    if (EqualsKnown(b, start, TrimEnd(start, comma, true) - start, token))
                    {
                        return true;
                    }

                    at = comma + 1;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="length"/> bytes at <paramref name="offset"/> spell the known
        /// name or token <paramref name="code"/>, ignoring ASCII case and nothing else (see the
        /// remarks on the type).
        /// </summary>
        public static bool EqualsKnown(byte[] buffer, int offset, int length, int code)
        {
            if (length != (code & 31))
            {
                return false;
            }

            byte[] known = Ascii.Text;
            byte[] lower = Ascii.Token;
            int k = (code >> 5 & 127) - offset;
            for (int i = offset + length - 1; i >= offset; i--)
            {
                if (lower[buffer[i]] != known[k + i])
                {
                    return false;
                }
            }

            return true;
        }

        // Keeps error as the parser's sticky error (a parser that failed refuses further input) and returns it to throw.
        private HttpException Sticky(HttpException error)
        {
            _error = error;
            return error;
        }

        // "HTTP/1.x" SP 3DIGIT [SP reason]; runs of SP/HT between the parts are tolerated.
        private void ParseStatus(int start, int end)
        {
            // Case-sensitive, as the protocol name is (RFC 9112 section 2.3).
            byte[] b = Buffer;
            if (end - start < 5 || b[start] != 'H' || b[start + 1] != 'T' || b[start + 2] != 'T' || b[start + 3] != 'P' || b[start + 4] != '/')
            {
                throw BadStatusLine(start, end);
            }

            int versionEnd = start + 5;
            int c;
            while (versionEnd < end && (c = b[versionEnd]) != Ascii.Space && c != Ascii.Tab)
            {
                versionEnd++;
            }

            int at = SkipSpace(versionEnd, end, false);
            if (end - at < 3)
            {
                throw BadStatusLine(start, end);
            }

            c = b[at] - '0';
            int tens = b[at + 1] - '0';
            int ones = b[at + 2] - '0';
            if ((uint)c > 9 || (uint)tens > 9 || (uint)ones > 9)
            {
                throw BadStatusLine(start, end);
            }

            int status = c * 100 + tens * 10 + ones;
            if (status < 100 || (end - at > 3 && (c = b[at + 3]) != Ascii.Space && c != Ascii.Tab))
            {
                throw BadStatusLine(start, end);
            }

            // HTTP/1.1 or HTTP/1.0 exactly (the prefix is checked above).
            c = b[start + 7] - '0';
            if (versionEnd - start != 8 || b[start + 5] != '1' || b[start + 6] != '.' || (uint)c > 1)
            {
                throw Sticky(new UnknownProtocolException(Ascii.GetString(b, start, versionEnd - start)));
            }

            Version = 10 + c;
            Status = status;
        }

        private HttpException BadStatusLine(int start, int end)
        {
            return Sticky(new BadStatusLineException(Ascii.GetString(Buffer, start, end - start)));
        }

        /// <summary>
        /// The first position from <paramref name="at"/> that is not SP or HTAB, at most
        /// <paramref name="end"/>; <paramref name="inValue"/> skips NUL and CR too, which read
        /// as SP in a field value (see the remarks on the type).
        /// </summary>
        internal int SkipSpace(int at, int end, bool inValue)
        {
            byte[] b = Buffer;
            int c;
            while (at < end && ((c = b[at]) == Ascii.Space || c == Ascii.Tab || inValue && (c == 0 || c == Ascii.Cr)))
            {
                at++;
            }

            return at;
        }

        // The end of [start, end) without the SP and HTAB (in a value: and NUL and CR) at its end.
        private int TrimEnd(int start, int end, bool inValue)
        {
            byte[] b = Buffer;
            int c;
            while (end > start && ((c = b[end - 1]) == Ascii.Space || c == Ascii.Tab || inValue && (c == 0 || c == Ascii.Cr)))
            {
                end--;
            }

            return end;
        }
    }
}
