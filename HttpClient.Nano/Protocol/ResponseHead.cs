namespace HttpNano
{
    /// <summary>
    /// A parsed response head that stays where it was received: in the connection's receive
    /// buffer. The reason phrase and every field name and value are (offset, length) ranges into
    /// that buffer, kept in int arrays sized once from <see cref="HttpLimits.MaxHeaderCount"/>,
    /// so parsing a head allocates nothing; strings are made only when a caller asks for one.
    /// The ranges are valid until the next head is read into the same buffer.
    /// </summary>
    internal sealed class ResponseHead
    {
        // Four ints per field: name offset, name length, value offset, value length.
        private const int NameOffsetSlot = 0;
        private const int NameLengthSlot = 1;
        private const int ValueOffsetSlot = 2;
        private const int ValueLengthSlot = 3;
        private const int SlotsPerField = 4;

        private readonly int[] _fields;
        private byte[] _buffer;
        private int _count;
        private int _reasonOffset;
        private int _reasonLength;

        /// <summary>Creates an empty head able to hold <paramref name="maxFields"/> fields.</summary>
        public ResponseHead(int maxFields)
        {
            _fields = new int[maxFields * SlotsPerField];
        }

        /// <summary>HTTP version: 10 for HTTP/1.0, 11 for HTTP/1.1.</summary>
        public int Version { get; private set; }

        /// <summary>Status code, 100-999.</summary>
        public int Status { get; private set; }

        /// <summary>Number of header fields, duplicates included, in received order.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Most fields this head can hold.</summary>
        public int Capacity
        {
            get { return _fields.Length / SlotsPerField; }
        }

        /// <summary>The buffer the ranges point into.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>The reason phrase, possibly empty (a new string per call).</summary>
        public string Reason
        {
            get { return Ascii.GetString(_buffer, _reasonOffset, _reasonLength); }
        }

        /// <summary>Name of field <paramref name="index"/> as received (a new string per call).</summary>
        public string GetName(int index)
        {
            int slot = index * SlotsPerField;
            return Ascii.GetString(_buffer, _fields[slot + NameOffsetSlot], _fields[slot + NameLengthSlot]);
        }

        /// <summary>Value of field <paramref name="index"/>, trimmed, Latin-1 (a new string per call).</summary>
        public string GetValue(int index)
        {
            int slot = index * SlotsPerField;
            return Ascii.GetString(_buffer, _fields[slot + ValueOffsetSlot], _fields[slot + ValueLengthSlot]);
        }

        /// <summary>Offset of field <paramref name="index"/>'s value in <see cref="Buffer"/>.</summary>
        public int ValueOffset(int index)
        {
            return _fields[index * SlotsPerField + ValueOffsetSlot];
        }

        /// <summary>Length of field <paramref name="index"/>'s value.</summary>
        public int ValueLength(int index)
        {
            return _fields[index * SlotsPerField + ValueLengthSlot];
        }

        /// <summary>Whether field <paramref name="index"/> is named <paramref name="name"/>, ignoring ASCII case. Allocates nothing.</summary>
        public bool NameEquals(int index, string name)
        {
            int slot = index * SlotsPerField;
            return Ascii.EqualsIgnoreCase(_buffer, _fields[slot + NameOffsetSlot], _fields[slot + NameLengthSlot], name);
        }

        /// <summary>Index of the first field named <paramref name="name"/> at or after <paramref name="start"/>, or -1.</summary>
        public int IndexOf(string name, int start)
        {
            for (int i = start; i < _count; i++)
            {
                if (NameEquals(i, name))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Every field named <paramref name="name"/> joined with ", " in received order, or null
        /// when there is none. One string is allocated (plus a char array when joining).
        /// </summary>
        public string GetHeader(string name)
        {
            int first = IndexOf(name, 0);
            if (first < 0)
            {
                return null;
            }

            int next = IndexOf(name, first + 1);
            if (next < 0)
            {
                return GetValue(first);
            }

            int length = ValueLength(first);
            for (int i = next; i >= 0; i = IndexOf(name, i + 1))
            {
                length += 2 + ValueLength(i);
            }

            char[] chars = new char[length];
            int at = CopyValue(first, chars, 0);
            for (int i = next; i >= 0; i = IndexOf(name, i + 1))
            {
                chars[at++] = ',';
                chars[at++] = ' ';
                at = CopyValue(i, chars, at);
            }

            return new string(chars);
        }

        /// <summary>
        /// Whether any field named <paramref name="name"/> holds <paramref name="token"/> as one
        /// element of its comma-separated list, ignoring ASCII case and surrounding whitespace
        /// (e.g. "Connection: keep-alive, Upgrade"). Allocates nothing.
        /// </summary>
        public bool HasToken(string name, string token)
        {
            for (int i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
            {
                int at = ValueOffset(i);
                int end = at + ValueLength(i);
                while (at <= end)
                {
                    int comma = at;
                    while (comma < end && _buffer[comma] != ',')
                    {
                        comma++;
                    }

                    int elementStart = at;
                    int elementEnd = comma;
                    while (elementStart < elementEnd && Ascii.IsWhitespace(_buffer[elementStart]))
                    {
                        elementStart++;
                    }

                    while (elementEnd > elementStart && Ascii.IsWhitespace(_buffer[elementEnd - 1]))
                    {
                        elementEnd--;
                    }

                    if (Ascii.EqualsIgnoreCase(_buffer, elementStart, elementEnd - elementStart, token))
                    {
                        return true;
                    }

                    at = comma + 1;
                }
            }

            return false;
        }

        /// <summary>Forgets the previous head and points at <paramref name="buffer"/>.</summary>
        internal void Clear(byte[] buffer)
        {
            _buffer = buffer;
            _count = 0;
            Version = 0;
            Status = 0;
            _reasonOffset = 0;
            _reasonLength = 0;
        }

        internal void SetStatusLine(int version, int status, int reasonOffset, int reasonLength)
        {
            Version = version;
            Status = status;
            _reasonOffset = reasonOffset;
            _reasonLength = reasonLength;
        }

        /// <summary>Appends a field; the caller has checked <see cref="Capacity"/>.</summary>
        internal void Add(int nameOffset, int nameLength, int valueOffset, int valueLength)
        {
            int slot = _count * SlotsPerField;
            _fields[slot + NameOffsetSlot] = nameOffset;
            _fields[slot + NameLengthSlot] = nameLength;
            _fields[slot + ValueOffsetSlot] = valueOffset;
            _fields[slot + ValueLengthSlot] = valueLength;
            _count++;
        }

        /// <summary>Sets the length of the last field's value (an obs-fold was joined to it).</summary>
        internal void SetLastValueLength(int valueLength)
        {
            _fields[(_count - 1) * SlotsPerField + ValueLengthSlot] = valueLength;
        }

        private int CopyValue(int index, char[] chars, int at)
        {
            int offset = ValueOffset(index);
            int length = ValueLength(index);
            for (int i = 0; i < length; i++)
            {
                chars[at + i] = (char)_buffer[offset + i];
            }

            return at + length;
        }
    }
}
