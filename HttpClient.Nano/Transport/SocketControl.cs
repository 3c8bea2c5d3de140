using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// The socket-level parts of <see cref="ITransport"/> that plain and TLS transports share:
    /// readiness, idle-close detection and the receive timeout, written once against the Socket
    /// API both platforms offer.
    /// </summary>
    internal static class SocketControl
    {
        /// <summary>Whether something (data or end of stream) can be received within the time; -1 waits.</summary>
        public static bool Poll(Socket socket, int milliseconds)
        {
            try
            {
                return socket.Poll(milliseconds < 0 ? -1 : milliseconds * 1000, SelectMode.SelectRead);
            }
            catch (SocketException e)
            {
                throw TransportErrors.Translate(e, TransportErrors.ReceiveFailed, TransportErrors.ReceiveTimedOut);
            }
        }

        /// <summary>
        /// Whether the peer closed an idle socket: readable with nothing to read. For TLS, where
        /// records can arrive unasked (TLS 1.3 session tickets), only the close counts.
        /// </summary>
        public static bool PeerClosed(Socket socket)
        {
            if (socket == null)
            {
                return true;
            }

            try
            {
                return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
            }
            catch (SocketException)
            {
                return true;
            }
        }

        /// <summary>Whether the socket has data or an end of stream waiting, without blocking; errors count as readable.</summary>
        public static bool Readable(Socket socket)
        {
            try
            {
                return socket.Poll(0, SelectMode.SelectRead);
            }
            catch (SocketException)
            {
                return true;
            }
        }

        /// <summary>Sets the receive timeout; 0 or less means none.</summary>
        public static void SetReceiveTimeout(Socket socket, int milliseconds)
        {
            socket.ReceiveTimeout = milliseconds > 0 ? milliseconds : -1;
        }
    }
}
