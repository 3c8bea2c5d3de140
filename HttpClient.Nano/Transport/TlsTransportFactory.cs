using System;
using System.Net.Sockets;
#if NANOFRAMEWORK_1_0
using System.Net.Security;
#else
using System.Security.Authentication;
#endif

namespace HttpNano
{
    /// <summary>
    /// What the host and device TLS factories share: a direct connection is a TCP socket opened
    /// by <see cref="TcpTransport.OpenSocket(string, int, int, int)"/> and then secured; a tunnel
    /// is secured on the socket of the plain TCP transport the proxy answered on. The platform
    /// part is the handshake on a connected socket.
    /// </summary>
    internal abstract class TlsTransportFactory : ITransportFactory, ITlsLayer
    {
        /// <inheritdoc/>
        public ITransport Open(string host, int port, int connectTimeout, int timeout)
        {
            return Secure(TcpTransport.OpenSocket(host, port, connectTimeout, timeout), host);
        }

        /// <inheritdoc/>
        public ITransport Secure(ITransport plain, string host)
        {
            TcpTransport tcp = plain as TcpTransport;
            if (tcp == null)
            {
                throw new NotSupportedException("TLS needs a TCP transport");
            }

            return Secure(tcp.Detach(), host);
        }

        /// <summary>
        /// Runs the handshake with <paramref name="host"/> on a connected socket and returns the
        /// transport that owns it; closes the socket on failure.
        /// </summary>
        protected abstract ITransport Secure(Socket socket, string host);

        /// <summary>The platform's protocol flags for <paramref name="versions"/>; None when none is chosen.</summary>
        protected static SslProtocols Protocols(TlsVersion versions)
        {
            SslProtocols protocols = SslProtocols.None;
            if ((versions & TlsVersion.Tls12) != 0)
            {
                protocols |= SslProtocols.Tls12;
            }

            if ((versions & TlsVersion.Tls13) != 0)
            {
                protocols |= SslProtocols.Tls13;
            }

            return protocols;
        }
    }
}
