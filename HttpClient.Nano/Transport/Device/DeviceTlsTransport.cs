using System;
using System.Net.Security;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// ITransport over an authenticated nanoFramework SslStream; owns the stream and its socket.
    /// Read and Write take byte[] + offset + count (Read(SpanByte) is not implemented on the device).
    /// </summary>
    internal sealed class DeviceTlsTransport : ITransport
    {
        private SslStream _ssl;
        private Socket _socket;

        internal DeviceTlsTransport(SslStream ssl, Socket socket)
        {
            _ssl = ssl;
            _socket = socket;
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                // A 0 result would read as end of stream.
                throw new ArgumentOutOfRangeException("count");
            }

            return Open().Read(buffer, offset, count);
        }

        /// <inheritdoc/>
        public int ReceiveSplit(byte[] buffer, int offset, int count, byte[] extra, int extraOffset, int extraCount)
        {
            // A TLS stream hands out decrypted records one Read at a time: no scatter receive.
            return Receive(buffer, offset, count);
        }

        /// <inheritdoc/>
        public bool Poll(int milliseconds)
        {
            Open();
            return SocketControl.Poll(_socket, milliseconds);
        }

        /// <inheritdoc/>
        public bool PeerClosed()
        {
            // A TLS close_notify still counts as data: that close is then seen on the next read.
            return SocketControl.PeerClosed(_socket);
        }

        /// <inheritdoc/>
        public void SetReceiveTimeout(int milliseconds)
        {
            Open();
            SocketControl.SetReceiveTimeout(_socket, milliseconds);
        }

        /// <inheritdoc/>
        public void Send(byte[] buffer, int offset, int count)
        {
            Open().Write(buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Close()
        {
            SslStream ssl = _ssl;
            Socket socket = _socket;
            _ssl = null;
            _socket = null;
            if (ssl == null)
            {
                return;
            }

            try
            {
                // Frees the native TLS context (about 2 x 16 KB of record buffers) and closes the socket.
                ssl.Close();
            }
            finally
            {
                CloseSocket(socket);
            }
        }

        private static void CloseSocket(Socket socket)
        {
            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already closed by the SslStream.
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        private SslStream Open()
        {
            SslStream ssl = _ssl;
            if (ssl == null)
            {
                throw new ObjectDisposedException("DeviceTlsTransport");
            }

            return ssl;
        }
    }
}
