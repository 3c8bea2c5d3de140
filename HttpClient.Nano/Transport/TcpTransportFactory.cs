namespace HttpNano
{
    /// <summary>Opens plain TCP transports: the factory of <see cref="HttpConnection"/>.</summary>
    internal sealed class TcpTransportFactory : ITransportFactory
    {
        /// <inheritdoc />
        public ITransport Open(string host, int port, int connectTimeout, int timeout)
        {
            return TcpTransport.Connect(host, port, connectTimeout, timeout);
        }
    }
}
