namespace HttpNano
{
    /// <summary>
    /// Opens the socket of a connection (CPython's <c>_create_connection</c>): the test seam of
    /// <see cref="HttpConnection.CreateConnection"/>, which uses <see cref="TcpTransport.Open"/>
    /// while it is null; tests hand out transports that override TcpTransport's members. An interface of one method, not a delegate type: on the device a delegate
    /// type brings four methods.
    /// </summary>
    internal interface ISocketOpener
    {
        /// <summary>
        /// Opens a transport to <paramref name="host"/>:<paramref name="port"/>;
        /// <paramref name="connectTimeout"/> bounds the connect, <paramref name="timeout"/> each
        /// later send or receive; both in milliseconds, -1 for none.
        /// </summary>
        TcpTransport Open(string host, int port, int connectTimeout, int timeout);
    }
}
