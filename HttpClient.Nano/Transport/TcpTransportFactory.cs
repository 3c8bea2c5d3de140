namespace HttpNano
{
    /// <summary>Opens plain TCP transports: the factory of <see cref="HttpConnection"/>.</summary>
    internal sealed class TcpTransportFactory : ITransportFactory
    {
        /// <inheritdoc />
        public ITransport Open(string host, int port, int connectTimeout, int timeout)
        {
            // Neither platform's blocking Connect takes a timeout; the socket timeout bounds
            // every send and receive after it.
            return TcpTransport.Connect(host, port, timeout);
        }
    }
}
