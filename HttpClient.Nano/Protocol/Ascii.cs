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

        /// <summary>RFC 9110 tchar: the characters of a token (method, field name, coding).</summary>
        public static bool IsTokenChar(int b)
        {
            if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9')
            {
                return true;
            }

            switch (b)
            {
                case '!': case '#': case '$': case '%': case '&': case '\'': case '*':
                case '+': case '-': case '.': case '^': case '_': case '`': case '|': case '~':
                    return true;
                default:
                    return false;
            }
        }

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

        /// <summary>ASCII lower case of one character; other values unchanged.</summary>
        public static int ToLower(int c)
        {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }

        /// <summary>
        /// Whether <paramref name="length"/> bytes at <paramref name="offset"/> spell
        /// <paramref name="value"/>, ignoring ASCII case. Allocates nothing.
        /// </summary>
        public static bool EqualsIgnoreCase(byte[] buffer, int offset, int length, string value)
        {
            if (length != value.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (ToLower(buffer[offset + i]) != ToLower(value[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether two strings are equal ignoring ASCII case (the device has no StringComparison).</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (ToLower(a[i]) != ToLower(b[i]))
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

        /// <summary>
        /// Writes the string one byte per char (chars must be below 256; callers validate) and
        /// returns the number of bytes written.
        /// </summary>
        public static int GetBytes(string value, byte[] buffer, int offset)
        {
            for (int i = 0; i < value.Length; i++)
            {
                buffer[offset + i] = (byte)value[i];
            }

            return value.Length;
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
    }
}
