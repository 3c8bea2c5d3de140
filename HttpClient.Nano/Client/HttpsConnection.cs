namespace HttpNano
{
    /// <summary>
    /// One HTTP/1.1 connection over TLS (Python's http.client.HTTPSConnection). Certificate and
    /// host-name verification are on by default; trust, client certificate and versions are set
    /// with <see cref="TlsOptions"/>. Keep one connection open and reuse it: on a device every
    /// handshake costs about 32 KB of native heap and a few seconds.
    /// </summary>
    public class HttpsConnection : HttpConnection
    {
        /// <summary>The default port of HTTPS, 443 (Python's HTTPS_PORT).</summary>
        public const int HttpsPort = 443;

        private readonly TlsOptions _tls;

        /// <summary>Creates a connection to <paramref name="host"/> (may carry ":port") with default TLS options.</summary>
        /// <param name="host">Host name or address, optionally with ":port".</param>
        public HttpsConnection(string host) : this(host, HostPort.NoPort, InfiniteTimeout, null) { }

        /// <summary>Creates a connection to <paramref name="host"/> with the given TLS options.</summary>
        /// <param name="host">Host name or address, optionally with ":port".</param>
        /// <param name="tls">TLS options, or null for the defaults.</param>
        public HttpsConnection(string host, TlsOptions tls) : this(host, HostPort.NoPort, InfiniteTimeout, tls) { }

        /// <summary>Creates a connection to <paramref name="host"/> on <paramref name="port"/>.</summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port, 1-65535.</param>
        /// <param name="tls">TLS options, or null for the defaults.</param>
        public HttpsConnection(string host, int port, TlsOptions tls) : this(host, port, InfiniteTimeout, tls) { }

        /// <summary>Creates a connection with a timeout in milliseconds (-1 for none).</summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port, 1-65535, or -1 to take it from <paramref name="host"/> or 443.</param>
        /// <param name="timeoutMilliseconds">Timeout for connecting and each send or receive, or -1.</param>
        /// <param name="tls">TLS options, or null for the defaults (verify against the platform's trust).</param>
        public HttpsConnection(string host, int port, int timeoutMilliseconds, TlsOptions tls)
            : base(host, port, timeoutMilliseconds)
        {
            _tls = tls == null ? new TlsOptions() : tls;
        }

        /// <summary>The TLS options; change them only before the first request.</summary>
        public TlsOptions Tls
        {
            get { return _tls; }
        }

        /// <summary>443.</summary>
        public override int DefaultPort
        {
            get { return HttpsPort; }
        }

        /// <summary>The proxy of a tunnel is reached over plain TCP; TLS runs inside the tunnel.</summary>
        internal override ITransportFactory CreateProxyTransportFactory()
        {
            return new TcpTransportFactory();
        }

        /// <summary>TLS with the tunnel's target (SNI and name check), over the open tunnel.</summary>
        internal override ITransport SecureTunnel(ITransport tunnel, string targetHost)
        {
            return ((ITlsLayer)TransportFactory).Secure(tunnel, targetHost);
        }

        internal override ITransportFactory CreateTransportFactory()
        {
#if NANOFRAMEWORK_1_0
            return new DeviceTlsTransportFactory(_tls);
#else
            return new HostTlsTransportFactory(_tls);
#endif
        }
    }
}
