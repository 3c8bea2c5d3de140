using System;

namespace HttpNano
{
    /// <summary>
    /// Checks on everything the caller puts into a request head, so that no caller string can
    /// inject a line break, a second request or a malformed field (CVE-2019-9740 and relatives).
    /// Every check walks the string in place and allocates nothing unless it throws.
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

        /// <summary>A method must be a non-empty token: no space, control character, CR or LF.</summary>
        /// <exception cref="ArgumentException">The method is null, empty or not a token.</exception>
        public static void ValidateMethod(string method)
        {
            if (!IsToken(method))
            {
                ThrowArgument("invalid method");
            }
        }

        /// <summary>
        /// A request target must hold no control character, space or DEL (CPython's
        /// InvalidURL) and, because the request line is ASCII, nothing above 0x7f.
        /// </summary>
        /// <exception cref="InvalidUrlException">The URL holds 0x00-0x20 or 0x7f.</exception>
        /// <exception cref="ArgumentException">The URL holds a non-ASCII character.</exception>
        public static void ValidateUrl(string url)
        {
            ValidateUrlCharacters(url);
        }

        /// <summary>The same rule as <see cref="ValidateUrl"/>, for a host name or address.</summary>
        /// <exception cref="InvalidUrlException">The host holds 0x00-0x20 or 0x7f.</exception>
        /// <exception cref="ArgumentException">The host holds a non-ASCII character.</exception>
        public static void ValidateHost(string host)
        {
            ValidateUrlCharacters(host);
        }

        /// <summary>
        /// A header name must be a non-empty token, which rules out CR, LF, colon, spaces
        /// (leading or inner) and every other separator.
        /// </summary>
        /// <exception cref="ArgumentException">The name is null, empty or not a token.</exception>
        public static void ValidateHeaderName(string name)
        {
            if (!IsToken(name))
            {
                ThrowArgument("invalid header name");
            }
        }

        /// <summary>
        /// A header value is Latin-1 text (one byte per char). CR and LF are allowed only as an
        /// obs-fold, CRLF followed by SP or HTAB; any other CR or LF could end the field early.
        /// </summary>
        /// <exception cref="ArgumentNullException">The value is null.</exception>
        /// <exception cref="ArgumentException">A bare CR or LF, or a char above 0xFF.</exception>
        public static void ValidateHeaderValue(string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException("value");
            }

            int length = value.Length;
            for (int i = 0; i < length; i++)
            {
                int c = value[i];
                if (c > MaxLatin1)
                {
                    ThrowArgument("header value not Latin-1");
                }

                if (c == Ascii.Cr)
                {
                    if (!IsFoldAt(value, i))
                    {
                        ThrowArgument("invalid header value");
                    }

                    i += 2; // past LF and the SP/HTAB that makes it a fold
                }
                else if (c == Ascii.Lf)
                {
                    ThrowArgument("invalid header value");
                }
            }
        }

        /// <summary>Whether the string is a non-empty RFC 9110 token.</summary>
        public static bool IsToken(string value)
        {
            if (value == null || value.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (!Ascii.IsTokenChar(value[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsFoldAt(string value, int crIndex)
        {
            return crIndex + 2 < value.Length
                && value[crIndex + 1] == Ascii.Lf
                && Ascii.IsWhitespace(value[crIndex + 2]);
        }

        private static void ValidateUrlCharacters(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException("url");
            }

            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c <= Ascii.Space || c == Delete)
                {
                    ThrowInvalidUrl();
                }

                if (c > Delete)
                {
                    ThrowArgument("URL not ASCII");
                }
            }
        }

        private static void ThrowInvalidUrl()
        {
            throw new InvalidUrlException("control character in URL");
        }

        private static void ThrowArgument(string message)
        {
            throw new ArgumentException(message);
        }
    }
}
