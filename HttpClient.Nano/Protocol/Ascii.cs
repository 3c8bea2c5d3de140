namespace HttpNano
{
    /// <summary>
    /// Byte-level text helpers for protocol elements, which are ASCII (and Latin-1 in field
    /// values). Converting by hand keeps the core free of System.Text, which the device ships as
    /// a separate package, and lets every helper work in place on byte[] + offset + count.
    /// (String bodies are UTF-8 through the platform's encoder: HttpConnection.EncodeUtf8.)
    /// </summary>
    internal static class Ascii
    {
        public const byte Cr = 13;
        public const byte Lf = 10;
        public const byte Space = 32;
        public const byte Tab = 9;
        public const byte Colon = 58;

        /// <summary>
        /// LF (and CR) boxed once, for <c>Array.IndexOf(byte[], object, int, int)</c>: on the
        /// device that scan is native and nearly free per byte, while a managed byte loop costs
        /// some 25 interpreted instructions per byte; a cached box makes the call allocate nothing.
        /// </summary>
        public static readonly object BoxedLf = Lf;

        /// <summary>CR boxed once (see <see cref="BoxedLf"/>).</summary>
        public static readonly object BoxedCr = Cr;

        /// <summary>
        /// The protocol's fixed texts as bytes, built once for Array.Copy and byte comparisons:
        /// the lower-case names and tokens <see cref="ResponseHead"/> recognises (from 0; its
        /// codes hold their offsets), then " HTTP/1.1\r\n" (from <see cref="VersionText"/>),
        /// "Accept-Encoding: identity\r\n" (<see cref="AcceptEncodingText"/>) and "Host: "
        /// (<see cref="HostText"/>), which <see cref="RequestWriter"/> writes.
        /// </summary>
        public static readonly byte[] Text;

        /// <summary>Offset of " HTTP/1.1\r\n" (11 bytes) in <see cref="Text"/>.</summary>
        public const int VersionText = 79;

        /// <summary>Offset of "Accept-Encoding: identity\r\n" (27 bytes) in <see cref="Text"/>.</summary>
        public const int AcceptEncodingText = 90;

        /// <summary>Offset of "Host: " (6 bytes) in <see cref="Text"/>.</summary>
        public const int HostText = 117;

        /// <summary>
        /// The lower-case form of each RFC 9110 tchar octet (method, field name, coding), 0 for
        /// any other octet: one array read instead of a chain of range tests per character, to
        /// validate a token or to compare it ignoring case. Unlike <c>b | 0x20</c>, which folds
        /// CR onto '-', it matches a lower-case letter or '-' only from that letter's two cases or
        /// '-' itself. Built at start-up from the list of separators, which is smaller in flash
        /// than 256 bytes of table data.
        /// </summary>
        public static readonly byte[] Token;

        // The tables are built at start-up: smaller in flash than their bytes as array data.
        static Ascii()
        {
            const string FixedTexts = "content-lengthtransfer-encodingconnectionkeep-aliveproxy-connectionclosechunked HTTP/1.1\r\nAccept-Encoding: identity\r\nHost: ";
            byte[] text = new byte[FixedTexts.Length];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = (byte)FixedTexts[i];
            }

            Text = text;

            // tchar = any VCHAR (0x21-0x7E) except the separators "(),/:;<=>?@[\]{} and DQUOTE.
            byte[] token = new byte[256];
            for (int c = 0x21; c < 0x7F; c++)
            {
                token[c] = (byte)((uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c);
            }

            const string Separators = "\"(),/:;<=>?@[\\]{}";
            for (int i = 0; i < Separators.Length; i++)
            {
                token[Separators[i]] = 0;
            }

            Token = token;
        }

        /// <summary>True for SP and HTAB.</summary>
        public static bool IsWhitespace(int b)
        {
            return b == Space || b == Tab;
        }

        /// <summary>
        /// Whether <paramref name="value"/> equals <paramref name="text"/> or, when that is null,
        /// the <paramref name="length"/> bytes at <paramref name="offset"/> in
        /// <paramref name="buffer"/>, ignoring ASCII case (the device has no StringComparison).
        /// Allocates nothing; the lengths are compared first.
        /// </summary>
        public static bool EqualsIgnoreCase(string value, string text, byte[] buffer = null, int offset = 0, int length = 0)
        {
            if (text != null)
            {
                length = text.Length;
            }

            if (length != value.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                int a = text != null ? text[i] : buffer[offset + i];
                int b = value[i];
                if (a != b && ((a | 0x20) != (b | 0x20) || (uint)((a | 0x20) - 'a') > 'z' - 'a'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The bytes as a string, one char per byte (Latin-1), so 0x80-0xFF survive.</summary>
        public static string GetString(byte[] buffer, int offset, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)buffer[offset + i];
            }

            return new string(chars);
        }

        /// <summary>Number of hex digits of a non-negative value.</summary>
        public static int HexLength(int value)
        {
            int length = 1;
            while (value >= 16)
            {
                value >>= 4;
                length++;
            }

            return length;
        }
    }
}
