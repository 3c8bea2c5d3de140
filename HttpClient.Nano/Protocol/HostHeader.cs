namespace HttpNano
{
    /// <summary>
    /// The value of the Host header (RFC 9110 section 7.2), as CPython's putrequest builds it:
    /// the host, in brackets when it is an IPv6 address (its zone id removed, since a zone only
    /// means something on the client), and ":port" only when the port is not the default one.
    /// The connection computes it once and caches it; a request whose target is in absolute
    /// form ("http://h:p/x") names its own authority instead, found without allocating.
    /// </summary>
    internal static class HostHeader
    {
        /// <summary>
        /// The Host value for a connection to <paramref name="host"/> (as returned by
        /// <see cref="HostPort.Parse"/>, brackets already stripped) on <paramref name="port"/>.
        /// Allocates the string; call once per connection. With <paramref name="defaultPort"/>
        /// set to <see cref="HostPort.NoPort"/> the port is always written, as a CONNECT request
        /// line and its Host header need.
        /// </summary>
        public static string Compute(string host, int port, int defaultPort)
        {
            string name = host;
            if (host.IndexOf(':') >= 0)
            {
                int zone = host.IndexOf('%');
                name = "[" + (zone >= 0 ? host.Substring(0, zone) : host) + "]";
            }

            return port == defaultPort ? name : name + ":" + port.ToString();
        }

        /// <summary>
        /// When <paramref name="url"/> is in absolute form (it starts with "http" and has a
        /// "scheme://authority" prefix), finds the authority: the chars after "//" up to the first
        /// '/', '?' or '#'. Returns false, and the connection's own Host value applies, when there
        /// is no such prefix or the authority is empty.
        /// </summary>
        public static bool TryFindAbsoluteAuthority(string url, out int start, out int length)
        {
            start = 0;
            length = 0;
            if (!url.StartsWith("http"))
            {
                return false;
            }

            int colon = SchemeEnd(url);
            if (colon < 0 || colon + 2 >= url.Length || url[colon + 1] != '/' || url[colon + 2] != '/')
            {
                return false;
            }

            int begin = colon + 3;
            int end = begin;
            while (end < url.Length && url[end] != '/' && url[end] != '?' && url[end] != '#')
            {
                end++;
            }

            start = begin;
            length = end - begin;
            return length > 0;
        }

        /// <summary>Index of the ':' that ends a URL scheme (letters, digits, '+', '-', '.'), or -1.</summary>
        private static int SchemeEnd(string url)
        {
            for (int i = 0; i < url.Length; i++)
            {
                char c = url[i];
                if (c == ':')
                {
                    return i;
                }

                bool schemeChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '+' || c == '-' || c == '.';
                if (!schemeChar)
                {
                    return -1;
                }
            }

            return -1;
        }
    }
}
