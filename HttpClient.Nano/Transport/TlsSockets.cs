using System;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>Takes the socket out of a plain TCP transport so TLS can run over it.</summary>
    internal static class TlsSockets
    {
        public static Socket Take(ITransport plain)
        {
            TcpTransport tcp = plain as TcpTransport;
            if (tcp == null)
            {
                throw new NotSupportedException("TLS needs a TCP transport");
            }

            return tcp.Detach();
        }
    }
}
