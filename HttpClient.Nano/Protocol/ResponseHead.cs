namespace HttpNano
{
    /// <summary>
    /// A parsed response head that stays where it was received: in the connection's receive
    /// buffer. The reason phrase and every field name and value are (offset, length) ranges into
    /// that buffer, kept in an int array sized once from <see cref="HttpLimits.MaxHeaderCount"/>,
    /// so parsing a head allocates nothing; strings are made only when a caller asks for one.
    /// The ranges are valid until the next head is read into the same buffer.
    /// </summary>
    /// <remarks>
    /// The names the library looks up itself (<see cref="ContentLength"/>, ...) are recognised
    /// once, when the field is parsed, against lower-case bytes, and looked up by code: no
    /// string is touched per response. A code is offset * 32 + length in <see cref="Known"/>.
    /// Comparing with <c>b | 0x20</c> against those lower-case bytes is exact for field names
    /// (validated tokens) and for values after parsing (no CR or NUL is left in them): the only
    /// octets that fold onto a letter are its two cases, and onto '-' only CR besides '-' itself.
    /// </remarks>
    internal sealed class ResponseHead
    {
        /// <summary>Code of Content-Length.</summary>
        public const int ContentLength = 0 * 32 + 14;

        /// <summary>Code of Transfer-Encoding.</summary>
        public const int TransferEncoding = 14 * 32 + 17;

        /// <summary>Code of Connection.</summary>
        public const int Connection = 31 * 32 + 10;

        /// <summary>Code of Keep-Alive, the field name and the Connection token.</summary>
        public const int KeepAlive = 41 * 32 + 10;

        /// <summary>Code of Proxy-Connection.</summary>
        public const int ProxyConnection = 51 * 32 + 16;

        /// <summary>Code of the token "close".</summary>
        public const int Close = 67 * 32 + 5;

        /// <summary>Code of the coding "chunked".</summary>
        public const int Chunked = 72 * 32 + 7;

        /// <summary>
        /// Four ints per field: name offset, name length (or, for a name the library looks up,
        /// minus its code, which holds the length), value offset, value length.
        /// </summary>
        internal const int SlotsPerField = 4;

        private static readonly byte[] Known = Ascii.GetBytes("content-lengthtransfer-encodingconnectionkeep-aliveproxy-connectionclosechunked");

        /// <summary>The fields' ranges and codes, <see cref="SlotsPerField"/> ints per field; written by the parser.</summary>
        internal readonly int[] Fields;

        /// <summary>HTTP version: 10 for HTTP/1.0, 11 for HTTP/1.1.</summary>
        public int Version;

        /// <summary>Status code, 100-999.</summary>
        public int Status;

        /// <summary>Number of header fields, duplicates included, in received order.</summary>
        public int Count;

        /// <summary>The buffer the ranges point into.</summary>
        public byte[] Buffer;

        internal int ReasonOffset;
        internal int ReasonLength;

        /// <summary>Creates an empty head able to hold <paramref name="maxFields"/> fields.</summary>
        public ResponseHead(int maxFields)
        {
            Fields = new int[maxFields * SlotsPerField];
        }

        /// <summary>The reason phrase, possibly empty (a new string per call).</summary>
        public string Reason
        {
            get { return Ascii.GetString(Buffer, ReasonOffset, ReasonLength); }
        }

        /// <summary>Name of field <paramref name="index"/> as received (a new string per call).</summary>
        public string GetName(int index)
        {
            int slot = index * SlotsPerField;
            return Ascii.GetString(Buffer, Fields[slot], NameLength(slot));
        }

        /// <summary>Value of field <paramref name="index"/>, trimmed, Latin-1 (a new string per call).</summary>
        public string GetValue(int index)
        {
            return Ascii.GetString(Buffer, ValueOffset(index), ValueLength(index));
        }

        /// <summary>Offset of field <paramref name="index"/>'s value in <see cref="Buffer"/>.</summary>
        public int ValueOffset(int index)
        {
            return Fields[index * SlotsPerField + 2];
        }

        /// <summary>Length of field <paramref name="index"/>'s value.</summary>
        public int ValueLength(int index)
        {
            return Fields[index * SlotsPerField + 3];
        }

        /// <summary>Whether field <paramref name="index"/> is named <paramref name="name"/>, ignoring ASCII case. Allocates nothing.</summary>
        public bool NameEquals(int index, string name)
        {
            int slot = index * SlotsPerField;
            return Ascii.EqualsIgnoreCase(Buffer, Fields[slot], NameLength(slot), name);
        }

        /// <summary>Index of the first field named <paramref name="name"/> at or after <paramref name="start"/>, or -1.</summary>
        public int IndexOf(string name, int start)
        {
            int length = name.Length;
            for (int i = start; i < Count; i++)
            {
                if (NameLength(i * SlotsPerField) == length && NameEquals(i, name))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the first field whose name has <paramref name="code"/> (e.g. <see cref="ContentLength"/>) at or after <paramref name="start"/>, or -1.</summary>
        public int IndexOf(int code, int start)
        {
            int[] fields = Fields;
            int end = Count * SlotsPerField;
            code = -code;
            for (int slot = start * SlotsPerField + 1; slot < end; slot += SlotsPerField)
            {
                if (fields[slot] == code)
                {
                    return slot / SlotsPerField;
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
                if (ListHolds(i, token, 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <see cref="HasToken(string, string)"/> for a name and a token the library knows, by
        /// code (e.g. <see cref="Connection"/>, <see cref="Close"/>).
        /// </summary>
        public bool HasToken(int name, int token)
        {
            for (int i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
            {
                if (ListHolds(i, null, token))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="length"/> bytes at <paramref name="offset"/> spell the known
        /// name or token <paramref name="code"/>, ignoring ASCII case (exact for names and parsed
        /// values, see the remarks on the type).
        /// </summary>
        public static bool EqualsKnown(byte[] buffer, int offset, int length, int code)
        {
            if (length != (code & 31))
            {
                return false;
            }

            byte[] known = Known;
            int k = code >> 5;
            for (int i = 0; i < length; i++)
            {
                if ((buffer[offset + i] | 0x20) != known[k + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The code of a (validated) field name the library looks up, or 0.</summary>
        internal int Classify(int offset, int length)
        {
            int code;
            switch (length)
            {
                case 14:
                    code = ContentLength;
                    break;
                case 17:
                    code = TransferEncoding;
                    break;
                case 16:
                    code = ProxyConnection;
                    break;
                case 10:
                    code = (Buffer[offset] | 0x20) == 'c' ? Connection : KeepAlive;
                    break;
                default:
                    return 0;
            }

            return EqualsKnown(Buffer, offset, length, code) ? code : 0;
        }

        private int NameLength(int slot)
        {
            int length = Fields[slot + 1];
            return length < 0 ? -length & 31 : length;
        }

        // Whether field `index` holds the token (a string, or else the known code) as a list element.
        private bool ListHolds(int index, string token, int code)
        {
            byte[] b = Buffer;
            int at = ValueOffset(index);
            int end = at + ValueLength(index);
            while (at <= end)
            {
                int comma = at;
                while (comma < end && b[comma] != ',')
                {
                    comma++;
                }

                int elementStart = at;
                int elementEnd = comma;
                while (elementStart < elementEnd && Ascii.IsWhitespace(b[elementStart]))
                {
                    elementStart++;
                }

                while (elementEnd > elementStart && Ascii.IsWhitespace(b[elementEnd - 1]))
                {
                    elementEnd--;
                }

                if (token != null
                    ? Ascii.EqualsIgnoreCase(b, elementStart, elementEnd - elementStart, token)
                    : EqualsKnown(b, elementStart, elementEnd - elementStart, code))
                {
                    return true;
                }

                at = comma + 1;
            }

            return false;
        }

        private int CopyValue(int index, char[] chars, int at)
        {
            int offset = ValueOffset(index);
            int length = ValueLength(index);
            for (int i = 0; i < length; i++)
            {
                chars[at + i] = (char)Buffer[offset + i];
            }

            return at + length;
        }
    }
}
