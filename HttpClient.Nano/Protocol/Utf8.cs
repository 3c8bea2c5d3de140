namespace HttpNano
{
    /// <summary>
    /// UTF-8 encoding of string bodies, by hand so the core needs no System.Text (a separate
    /// package on the device) and can encode in blocks into a buffer it already owns. A lone
    /// surrogate becomes U+FFFD, as .NET's encoder does.
    /// </summary>
    internal static class Utf8
    {
        private const int ReplacementCharacter = 0xFFFD;

        /// <summary>Bytes needed to encode <paramref name="text"/>.</summary>
        public static long GetByteCount(string text)
        {
            long count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        /// <summary>
        /// Encodes characters from <paramref name="charIndex"/> on into at most
        /// <paramref name="count"/> bytes at <paramref name="offset"/> (at least 4), stopping
        /// before a character that would not fit; advances <paramref name="charIndex"/> and returns
        /// the number of bytes written.
        /// </summary>
        public static int Encode(string text, ref int charIndex, byte[] buffer, int offset, int count)
        {
            int at = offset;
            int end = offset + count;
            int i = charIndex;
            while (i < text.Length && end - at >= 4)
            {
                int c = text[i++];
                if (c < 0x80)
                {
                    buffer[at++] = (byte)c;
                    continue;
                }

                if (c < 0x800)
                {
                    buffer[at++] = (byte)(0xC0 | c >> 6);
                    buffer[at++] = (byte)(0x80 | c & 0x3F);
                    continue;
                }

                if (IsHighSurrogate(c) && i < text.Length && IsLowSurrogate(text[i]))
                {
                    int scalar = 0x10000 + ((c - 0xD800) << 10) + (text[i++] - 0xDC00);
                    buffer[at++] = (byte)(0xF0 | scalar >> 18);
                    buffer[at++] = (byte)(0x80 | scalar >> 12 & 0x3F);
                    buffer[at++] = (byte)(0x80 | scalar >> 6 & 0x3F);
                    buffer[at++] = (byte)(0x80 | scalar & 0x3F);
                    continue;
                }

                if (IsHighSurrogate(c) || IsLowSurrogate(c))
                {
                    c = ReplacementCharacter;
                }

                buffer[at++] = (byte)(0xE0 | c >> 12);
                buffer[at++] = (byte)(0x80 | c >> 6 & 0x3F);
                buffer[at++] = (byte)(0x80 | c & 0x3F);
            }

            charIndex = i;
            return at - offset;
        }

        private static bool IsHighSurrogate(int c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(int c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}
