using System;

namespace HttpNano
{
    /// <summary>
    /// Checks on everything the caller puts into a request head, so that no caller string can
    /// inject a line break, a second request or a malformed field (CVE-2019-9740 and relatives).
    /// Each check is also the copy: <see cref="RequestWriter"/> writes a string into its buffer in
    /// the same pass that validates it, reading the string's length once (on the device every
    /// <c>string[i]</c> and <c>Length</c> is a native call as dear as 30 instructions). The
    /// writer commits the bytes only when the whole string passed.
    /// </summary>
    /// <remarks>
    /// Stricter than CPython in two places, on purpose: a method and a header name must be RFC 9110
    /// tokens (CPython lets spaces and non-ASCII bytes through in names), and a line break in a
    /// value is accepted only as a complete obs-fold, CRLF followed by SP or HTAB.
    /// </remarks>
    internal static class HeaderValidation
    {
        private const int Delete = 0x7f;
        private const int MaxLatin1 = 0xff;

        /// <summary>
        /// A host name or address follows the rule of a request target (see <see cref="CopyUrl"/>).
        /// Runs once per connection.
        /// </summary>
        /// <exception cref="InvalidUrlException">The host holds 0x00-0x20 or 0x7f.</exception>
        /// <exception cref="ArgumentException">The host holds a non-ASCII character.</exception>
        public static void ValidateHost(string host)
        {
            CopyUrl(host, host.Length, new byte[host.Length], 0);
        }

        /// <summary>
        /// A header name must be a non-empty token, which rules out CR, LF, colon, spaces
        /// (leading or inner) and every other separator.
        /// </summary>
        /// <exception cref="ArgumentException">The name is null, empty or not a token.</exception>
        public static void ValidateHeaderName(string name)
        {
            int length = name == null ? 0 : name.Length;
            CopyToken(name, length, new byte[length], 0, InvalidHeaderName);
        }

        /// <summary>
        /// A header value is Latin-1 text (one byte per char). CR and LF are allowed only as an
        /// obs-fold, CRLF followed by SP or HTAB; any other CR or LF could end the field early.
        /// </summary>
        /// <exception cref="ArgumentNullException">The value is null.</exception>
        /// <exception cref="ArgumentException">A bare CR or LF, or a char above 0xFF.</exception>
        public static void ValidateHeaderValue(string value)
        {
            int length = value == null ? 0 : value.Length;
            CopyValue(value, length, new byte[length], 0);
        }

        /// <summary>Message of the exception for a header name that is not a token.</summary>
        public const string InvalidHeaderName = "invalid header name";

        /// <summary>Message of the exception for a method that is not a token.</summary>
        public const string InvalidMethod = "invalid method";

        /// <summary>
        /// Copies the <paramref name="length"/> chars of a token (method or field name) to
        /// <paramref name="buffer"/> at <paramref name="at"/> and returns the end; throws
        /// <see cref="ArgumentException"/> with <paramref name="message"/> when it is empty or
        /// holds a char that is not a tchar.
        /// </summary>
        public static int CopyToken(string token, int length, byte[] buffer, int at, string message)
        {
            if (length == 0)
            {
                throw new ArgumentException(message);
            }

            byte[] table = Ascii.Token;
            for (int i = 0; i < length; i++)
            {
                int c = token[i];
                if (c > Delete || table[c] == 0)
                {
                    throw new ArgumentException(message);
                }

                buffer[at + i] = (byte)c;
            }

            return at + length;
        }

        /// <summary>
        /// Copies a request target and returns the end. It must hold no control character, space
        /// or DEL (CPython's InvalidURL) and, because the request line is ASCII, nothing above 0x7f.
        /// </summary>
        /// <exception cref="InvalidUrlException">The URL holds 0x00-0x20 or 0x7f.</exception>
        /// <exception cref="ArgumentException">The URL holds a non-ASCII character.</exception>
        public static int CopyUrl(string url, int length, byte[] buffer, int at)
        {
            for (int i = 0; i < length; i++)
            {
                int c = url[i];
                if (c <= Ascii.Space || c >= Delete)
                {
                    if (c > Delete)
                    {
                        throw new ArgumentException("URL not ASCII");
                    }

                    throw new InvalidUrlException("control character in URL");
                }

                buffer[at + i] = (byte)c;
            }

            return at + length;
        }

        /// <summary>
        /// Copies a header value (the rule of <see cref="ValidateHeaderValue"/>) and returns the
        /// end; the bytes written are as many as the chars.
        /// </summary>
        public static int CopyValue(string value, int length, byte[] buffer, int at)
        {
            if (value == null)
            {
                throw new ArgumentNullException("value");
            }

            for (int i = 0; i < length; i++)
            {
                int c = value[i];
                if (c < Ascii.Space || c > MaxLatin1)
                {
                    if (c > MaxLatin1)
                    {
                        throw new ArgumentException("header value not Latin-1");
                    }

                    if (c == Ascii.Lf || c == Ascii.Cr && !(i + 2 < length && value[i + 1] == Ascii.Lf && Ascii.IsWhitespace(value[i + 2])))
                    {
                        throw new ArgumentException("invalid header value");
                    }

                    if (c == Ascii.Cr)
                    {
                        // A complete obs-fold: CR, LF and the SP/HTAB that makes it one.
                        buffer[at + i] = Ascii.Cr;
                        buffer[at + i + 1] = Ascii.Lf;
                        i += 2;
                        c = value[i];
                    }
                }

                buffer[at + i] = (byte)c;
            }

            return at + length;
        }
    }
}
