namespace HttpNano
{
    /// <summary>
    /// Starts TLS on a connection that is already open: the tunnel a proxy opened with
    /// CONNECT. The TLS transport factories implement it beside <see cref="ITransportFactory"/>.
    /// </summary>
    internal interface ITlsLayer
    {
        /// <summary>
        /// Runs the handshake with <paramref name="host"/> (SNI and name check) over
        /// <paramref name="plain"/>, which must be a TCP transport; the returned transport owns
        /// its socket. On failure the socket is closed.
        /// </summary>
        ITransport Secure(ITransport plain, string host);
    }
}
