using System;
using System.Net.Security;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>ITransport over an authenticated .NET SslStream; owns the stream and its socket.</summary>
    internal sealed class HostTlsTransport : ITransport
    {
        private SslStream _ssl;
        private Socket _socket;

        internal HostTlsTransport(SslStream ssl, Socket socket)
        {
            _ssl = ssl;
            _socket = socket;
        }

        /// <summary>The negotiated TLS version (for diagnostics and tests).</summary>
        internal System.Security.Authentication.SslProtocols Protocol
        {
            get { return Open().SslProtocol; }
        }

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            if (count == 0)
            {
                // A 0 result would read as end of stream.
                throw new ArgumentOutOfRangeException("count");
            }

            try
            {
                return Open().Read(buffer, offset, count);
            }
            catch (System.IO.IOException e)
            {
                throw TimedOut(e, TransportErrors.ReceiveTimedOut);
            }
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
            CheckRange(buffer, offset, count);
            try
            {
                Open().Write(buffer, offset, count);
            }
            catch (System.IO.IOException e)
            {
                throw TimedOut(e, TransportErrors.SendTimedOut);
            }
        }

        // SslStream reports a socket timeout as an IOException around it: the transports'
        // contract makes every timeout a TimeoutException.
        private static Exception TimedOut(System.IO.IOException e, string message)
        {
            SocketException socketError = e.InnerException as SocketException;
            if (socketError != null && TransportErrors.IsTimeout(socketError))
            {
                return new TimeoutException(message, e);
            }

            return e;
        }

        /// <inheritdoc/>
        public void Close()
        {
            SslStream ssl = _ssl;
            Socket socket = _socket;
            _ssl = null;
            _socket = null;
            if (ssl != null)
            {
                try
                {
                    ssl.Dispose();
                }
                finally
                {
                    socket.Close();
                }
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
                throw new ObjectDisposedException("HostTlsTransport");
            }

            return ssl;
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
        }
    }
}
