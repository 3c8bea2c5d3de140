namespace HttpNano
{
    /// <summary>
    /// Byte-level text helpers for protocol elements, which are ASCII (and Latin-1 in field
    /// values). Converting by hand keeps the core free of System.Text, which the device ships as
    /// a separate package, and lets every helper work in place on byte[] + offset + count.
    /// </summary>
    internal static class Ascii
    {
        public const byte Cr = 13;
        public const byte Lf = 10;
        public const byte Space = 32;
        public const byte Tab = 9;
        public const byte Colon = 58;

        /// <summary>Longest decimal text of a long, sign included.</summary>
        public const int MaxDecimalLength = 20;

        /// <summary>
        /// LF, CR and NUL boxed once, for <c>Array.IndexOf(byte[], object, int, int)</c>: on the
        /// device that scan is native and nearly free per byte, while a managed byte loop costs
        /// some 25 interpreted instructions per byte; a cached box makes the call allocate nothing.
        /// </summary>
        public static readonly object BoxedLf = Lf;

        /// <summary>CR boxed once (see <see cref="BoxedLf"/>).</summary>
        public static readonly object BoxedCr = Cr;

        /// <summary>NUL boxed once (see <see cref="BoxedLf"/>).</summary>
        public static readonly object BoxedNul = (byte)0;

        /// <summary>
        /// Non-zero for the RFC 9110 tchar octets (method, field name, coding): one array read
        /// instead of a chain of range tests per character. Built at start-up from the list of
        /// separators, which is smaller in flash than 256 bytes of table data.
        /// </summary>
        public static readonly byte[] Token = TokenTable();

        /// <summary>True for SP and HTAB.</summary>
        public static bool IsWhitespace(int b)
        {
            return b == Space || b == Tab;
        }

        /// <summary>Value 0-15 of a hex digit, or -1.</summary>
        public static int HexValue(int b)
        {
            if (b >= '0' && b <= '9') return b - '0';
            if (b >= 'a' && b <= 'f') return b - 'a' + 10;
            if (b >= 'A' && b <= 'F') return b - 'A' + 10;
            return -1;
        }

        /// <summary>
        /// Whether <paramref name="length"/> bytes at <paramref name="offset"/> spell
        /// <paramref name="value"/>, ignoring ASCII case. Allocates nothing; the lengths are
        /// compared first, so a mismatch costs one read of the string's length.
        /// </summary>
        public static bool EqualsIgnoreCase(byte[] buffer, int offset, int length, string value)
        {
            if (length != value.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                int a = buffer[offset + i];
                int b = value[i];
                if (a != b && ((a | 0x20) != (b | 0x20) || (uint)((a | 0x20) - 'a') > 'z' - 'a'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether two strings are equal ignoring ASCII case (the device has no StringComparison).</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            int length = a.Length;
            if (length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                int x = a[i];
                int y = b[i];
                if (x != y && ((x | 0x20) != (y | 0x20) || (uint)((x | 0x20) - 'a') > 'z' - 'a'))
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

        /// <summary>A new array with the string one byte per char; for constants built once.</summary>
        public static byte[] GetBytes(string value)
        {
            int length = value.Length;
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)value[i];
            }

            return bytes;
        }

        /// <summary>Number of decimal digits of a non-negative value.</summary>
        public static int DecimalLength(long value)
        {
            int length = 1;
            while (value >= 10)
            {
                value /= 10;
                length++;
            }

            return length;
        }

        /// <summary>Writes a non-negative value in decimal; returns the number of bytes written.</summary>
        public static int WriteDecimal(long value, byte[] buffer, int offset)
        {
            int length = DecimalLength(value);
            for (int i = offset + length - 1; i >= offset; i--)
            {
                buffer[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            return length;
        }

        /// <summary>Number of hex digits of a non-negative value.</summary>
        public static int HexLength(long value)
        {
            int length = 1;
            while (value >= 16)
            {
                value >>= 4;
                length++;
            }

            return length;
        }

        /// <summary>Writes a non-negative value in lower-case hex; returns the number of bytes written.</summary>
        public static int WriteHex(long value, byte[] buffer, int offset)
        {
            int length = HexLength(value);
            for (int i = offset + length - 1; i >= offset; i--)
            {
                int digit = (int)(value & 15);
                buffer[i] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                value >>= 4;
            }

            return length;
        }

        // tchar = any VCHAR (0x21-0x7E) except the separators "(),/:;<=>?@[\]{} and DQUOTE.
        private static byte[] TokenTable()
        {
            byte[] table = new byte[256];
            for (int c = 0x21; c < 0x7F; c++)
            {
                table[c] = 1;
            }

            const string Separators = "\"(),/:;<=>?@[\\]{}";
            for (int i = 0; i < Separators.Length; i++)
            {
                table[Separators[i]] = 0;
            }

            return table;
        }
    }
}
