using System;
using System.Net;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// Turns a host (name or address literal) into the address to connect to. Literals are parsed,
    /// never looked up: .NET's Dns.GetHostEntry would do a reverse lookup on them.
    /// </summary>
    internal static class HostAddress
    {
        /// <summary>
        /// The address for <paramref name="host"/>: the literal itself, or the first IPv4 address
        /// DNS returns (the first address of any family when there is no IPv4 one), or null when
        /// DNS returns none. Throws SocketException when the lookup fails.
        /// </summary>
        internal static IPAddress Resolve(string host)
        {
            if (IsLiteral(host))
            {
                return IPAddress.Parse(host);
            }

            IPAddress[] addresses = Dns.GetHostEntry(host).AddressList;
            if (addresses == null || addresses.Length == 0)
            {
                return null;
            }

            for (int i = 0; i < addresses.Length; i++)
            {
                if (addresses[i].AddressFamily == AddressFamily.InterNetwork)
                {
                    return addresses[i];
                }
            }

            return addresses[0];
        }

        /// <summary>
        /// An IPv6 literal (has a colon) or a dotted IPv4 literal (digits and dots ending in a
        /// digit; names cannot end in a digit-only label, RFC 1123 section 2.1 as applied by URL
        /// parsers).
        /// </summary>
        internal static bool IsLiteral(string host)
        {
            if (host.IndexOf(':') >= 0)
            {
                return true;
            }

            if (host.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                if ((c < '0' || c > '9') && c != '.')
                {
                    return false;
                }
            }

            char last = host[host.Length - 1];
            return last >= '0' && last <= '9';
        }
    }
}
