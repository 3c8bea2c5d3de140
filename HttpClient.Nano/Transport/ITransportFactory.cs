namespace HttpNano
{
    /// <summary>
    /// Opens the transport of a connection: plain TCP for <see cref="HttpConnection"/>, TLS for
    /// HTTPS, a scripted byte stream in the tests (CPython's socket-creation seam).
    /// </summary>
    internal interface ITransportFactory
    {
        /// <summary>
        /// Connects to <paramref name="host"/>:<paramref name="port"/>.
        /// <paramref name="connectTimeout"/> bounds the connect, <paramref name="timeout"/> each
        /// later send or receive; both in milliseconds, -1 for none.
        /// </summary>
        ITransport Open(string host, int port, int connectTimeout, int timeout);
    }
}
