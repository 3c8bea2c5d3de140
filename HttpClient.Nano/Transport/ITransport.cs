using System;

namespace HttpNano
{
    /// <summary>
    /// The seam between the connection and the network: one open byte stream to one server.
    /// TcpTransport (plain or TLS) and the scripted transports of the tests implement it.
    /// </summary>
    /// <remarks>
    /// How failures surface, the same on the host and on the device (TcpTransport maps the
    /// platform's SocketException):
    /// - a send or receive timeout: <see cref="TimeoutException"/> (the stream is then unusable:
    ///   close it);
    /// - a reset, abort or any other socket failure while connected:
    ///   <see cref="System.IO.IOException"/> with the SocketException as InnerException;
    /// - opening fails (name not resolved, refused, unreachable, timed out):
    ///   <see cref="ConnectException"/> (an IOException) whose Reason says which, with the
    ///   platform's exception inside. Nothing stays open after a failed open.
    /// - using a closed transport: <see cref="ObjectDisposedException"/>.
    /// </remarks>
    internal interface ITransport
    {
        /// <summary>
        /// Receives up to <paramref name="count"/> (at least 1) bytes, blocking until at least one
        /// arrives. Returns 0 only when the peer has closed the stream, never for "no data yet".
        /// </summary>
        int Receive(byte[] buffer, int offset, int count);

        /// <summary>
        /// Waits up to <paramref name="milliseconds"/> (-1: no limit) for something to receive
        /// and says whether there is: data, or the end of the stream. Used to wait for
        /// "100 Continue" without committing to a receive.
        /// </summary>
        bool Poll(int milliseconds);

        /// <summary>
        /// Whether an idle stream can no longer carry a request: the peer closed it (a kept-alive
        /// connection the server timed out) or, where the protocol allows no unasked bytes, sent
        /// some. The connection then replaces it before the next request.
        /// </summary>
        bool PeerClosed();

        /// <summary>Sets the timeout of each later receive, in milliseconds (0 or less: none).</summary>
        void SetReceiveTimeout(int milliseconds);

        /// <summary>Sends all <paramref name="count"/> bytes or throws.</summary>
        void Send(byte[] buffer, int offset, int count);

        /// <summary>Closes the stream; safe to call more than once (the library closes, it never disposes).</summary>
        void Close();
    }

    /// <summary>
    /// Opens the socket of a connection (CPython's <c>_create_connection</c>): the test seam of
    /// <see cref="HttpConnection.CreateConnection"/>, which uses <see cref="TcpTransport.Open"/>
    /// while it is null. An interface of one method, not a delegate type: on the device a delegate
    /// type brings four methods.
    /// </summary>
    internal interface ISocketOpener
    {
        /// <summary>
        /// Opens a transport to <paramref name="host"/>:<paramref name="port"/>;
        /// <paramref name="connectTimeout"/> bounds the connect, <paramref name="timeout"/> each
        /// later send or receive; both in milliseconds, -1 for none.
        /// </summary>
        ITransport Open(string host, int port, int connectTimeout, int timeout);
    }
}
