using System;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// The host's scatter receive for <see cref="TcpTransport.ReceiveSplit"/>: one recvmsg into two
    /// ranges when data is waiting. The segment array is kept per transport, so a receive
    /// allocates nothing.
    /// </summary>
    internal sealed class HostSplitReceive
    {
        private readonly ArraySegment<byte>[] _segments = new ArraySegment<byte>[2];

        /// <summary>Receives into buffer[offset, count) and then extra[extraOffset, extraCount).</summary>
        public int Receive(Socket socket, byte[] buffer, int offset, int count, byte[] extra, int extraOffset, int extraCount)
        {
            if (socket.Available == 0)
            {
                // Nothing has arrived yet: a buffer-list receive that has to wait (on a socket with
                // a timeout) allocates an operation in .NET, a plain one does not. The bytes
                // behind the chunk then come with the next receive.
                return socket.Receive(buffer, offset, count, SocketFlags.None);
            }

            _segments[0] = new ArraySegment<byte>(buffer, offset, count);
            _segments[1] = new ArraySegment<byte>(extra, extraOffset, extraCount);
            try
            {
                return socket.Receive(_segments, SocketFlags.None);
            }
            finally
            {
                // Hold no reference to the caller's buffer.
                _segments[0] = default(ArraySegment<byte>);
                _segments[1] = default(ArraySegment<byte>);
            }
        }
    }
}
