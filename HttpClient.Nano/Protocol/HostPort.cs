using System;

namespace HttpNano
{
    /// <summary>
    /// Splits the host argument of a connection (or of a tunnel) into host and port, the way
    /// CPython's HTTPConnection does: "host:port", "[v6]:port" and "[v6]" (brackets stripped),
    /// "host:" meaning the default port. Runs once per connection, so it may allocate the host
    /// substring.
    /// </summary>
    /// <remarks>
    /// Deliberate differences from CPython: a bracketed host loses its brackets also when the
    /// port is given separately; an unbracketed host with more than one colon ("fe80::1") is
    /// taken as a bare IPv6 address instead of being split at its last colon; a port must be
    /// decimal digits only, 1-65535; an empty host is refused.
    /// </remarks>
    internal static class HostPort
    {
        /// <summary>Pass as the port argument when the port is not given separately.</summary>
        public const int NoPort = -1;

        /// <summary>Highest TCP port.</summary>
        public const int MaxPort = 65535;

        /// <summary>
        /// Parses <paramref name="host"/> and returns the host to connect to; the port comes out
        /// in <paramref name="resolvedPort"/>. An explicit <paramref name="port"/> wins over a
        /// ":port" suffix, which is then not looked for.
        /// </summary>
        /// <exception cref="ArgumentNullException">The host is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The explicit port is outside 1-65535.</exception>
        /// <exception cref="InvalidUrlException">
        /// A non-numeric or out-of-range port suffix ("host:abc", "user:pw@host"), an empty host,
        /// a malformed bracket, or a control character or space in the host.
        /// </exception>
        public static string Parse(string host, int port, int defaultPort, out int resolvedPort)
        {
            if (host == null)
            {
                throw new ArgumentNullException("host");
            }

            if (port != NoPort && (port < 1 || port > MaxPort))
            {
                throw new ArgumentOutOfRangeException("port");
            }

            string name;
            if (port != NoPort)
            {
                name = StripBrackets(host, host.Length);
                resolvedPort = port;
            }
            else
            {
                name = SplitPort(host, defaultPort, out resolvedPort);
            }

            if (name.Length == 0)
            {
                throw new InvalidUrlException("empty host");
            }

            HeaderValidation.ValidateHost(name);
            return name;
        }

        private static string SplitPort(string host, int defaultPort, out int resolvedPort)
        {
            int colon = host.LastIndexOf(':');
            int bracket = host.LastIndexOf(']');
            bool bareIPv6 = bracket < 0 && colon >= 0 && host.IndexOf(':') != colon;
            if (colon <= bracket || bareIPv6)
            {
                resolvedPort = defaultPort;
                return StripBrackets(host, host.Length);
            }

            resolvedPort = colon == host.Length - 1 ? defaultPort : ParsePort(host, colon + 1);
            return StripBrackets(host, colon);
        }

        /// <summary>The first <paramref name="length"/> chars, without the brackets of an IPv6 literal.</summary>
        private static string StripBrackets(string host, int length)
        {
            bool opens = length > 0 && host[0] == '[';
            bool closes = length > 0 && host[length - 1] == ']';
            if (opens != closes || host.IndexOf(']') >= 0 && !closes)
            {
                throw new InvalidUrlException("bad IPv6 literal");
            }

            if (opens && length >= 2)
            {
                return host.Substring(1, length - 2);
            }

            return length == host.Length ? host : host.Substring(0, length);
        }

        private static int ParsePort(string text, int start)
        {
            int value = 0;
            for (int i = start; i < text.Length; i++)
            {
                int digit = text[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    throw new InvalidUrlException("nonnumeric port");
                }

                if (value <= MaxPort)
                {
                    value = value * 10 + digit; // stops growing once out of range: no overflow
                }
            }

            if (value < 1 || value > MaxPort)
            {
                throw new InvalidUrlException("port out of range");
            }

            return value;
        }
    }
}
