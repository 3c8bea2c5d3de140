using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// ITransport over an authenticated SslStream, the same code on both platforms: .NET's
    /// SslStream over a NetworkStream on the host, nanoFramework's SslStream(Socket) over mbedTLS
    /// on the device. Owns the stream and its socket. Read and Write take byte[] + offset +
    /// count (the device does not implement Read(SpanByte)). Failures follow ITransport's
    /// contract: timeouts as <see cref="TimeoutException"/>, other socket errors as
    /// <see cref="IOException"/>.
    /// </summary>
    internal sealed class TlsTransport : ITransport
    {
        private SslStream _ssl;
        private Socket _socket;

        internal TlsTransport(SslStream ssl, Socket socket)
        {
            _ssl = ssl;
            _socket = socket;
        }

#if !NANOFRAMEWORK_1_0
        /// <summary>The negotiated TLS version (host diagnostics and tests).</summary>
        internal System.Security.Authentication.SslProtocols Protocol
        {
            get { return Open().SslProtocol; }
        }
#endif

        /// <inheritdoc/>
        public int Receive(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            if (count == 0)
            {
                // A 0 result would read as end of stream.
                throw new ArgumentOutOfRangeException("count");
            }

            try
            {
                return Open().Read(buffer, offset, count);
            }
            catch (SocketException e)
            {
                // The device's SslStream lets the socket's own exception through.
                throw TransportErrors.Translate(e, TransportErrors.ReceiveFailed, TransportErrors.ReceiveTimedOut);
            }
            catch (IOException e)
            {
                // .NET's SslStream wraps it in an IOException.
                throw TimedOutOr(e, TransportErrors.ReceiveTimedOut);
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
            BufferRange.Check(buffer, offset, count);
            try
            {
                Open().Write(buffer, offset, count);
            }
            catch (SocketException e)
            {
                throw TransportErrors.Translate(e, TransportErrors.SendFailed, TransportErrors.SendTimedOut);
            }
            catch (IOException e)
            {
                throw TimedOutOr(e, TransportErrors.SendTimedOut);
            }
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
                // On the device this frees the native TLS context (about 2 x 16 KB of record buffers).
                ssl.Close();
            }
            catch (Exception)
            {
                // Closing after a failure: nothing more to do with this stream.
            }
            finally
            {
                CloseSocket(socket);
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        // A timeout reported inside an IOException becomes a TimeoutException; anything else stays.
        private static Exception TimedOutOr(IOException e, string message)
        {
            SocketException socketError = e.InnerException as SocketException;
            if (socketError != null && TransportErrors.IsTimeout(socketError))
            {
                return new TimeoutException(message, e);
            }

            return e;
        }

        private static void CloseSocket(Socket socket)
        {
            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already closed with the stream.
            }
        }

        private SslStream Open()
        {
            SslStream ssl = _ssl;
            if (ssl == null)
            {
                throw new ObjectDisposedException("TlsTransport");
            }

            return ssl;
        }
    }
}
