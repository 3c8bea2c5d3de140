namespace HttpNano
{
    /// <summary>
    /// One HTTP/1.1 connection over TLS (Python's http.client.HTTPSConnection). Certificate and
    /// host-name verification are on by default, against the platform's default trust (the
    /// operating system's on the host, the CA bundle stored on the device) unless
    /// <see cref="TlsOptions"/> names the CA; trust, client certificate and versions are set
    /// there. Keep one connection open and reuse it: on a device every handshake costs about
    /// 32 KB of native heap and a few seconds.
    /// </summary>
    public class HttpsConnection : HttpConnection
    {
        /// <summary>The default port of HTTPS, 443 (Python's HTTPS_PORT).</summary>
        public const int HttpsPort = 443;

        private readonly TlsOptions _tls;

        /// <summary>
        /// Creates a connection to <paramref name="host"/>; like Python's HTTPSConnection(host, port),
        /// every argument after the host may be left out.
        /// </summary>
        /// <param name="host">Host name or address, optionally with ":port" when <paramref name="port"/> is -1.</param>
        /// <param name="port">TCP port, 1-65535, or -1 to take it from <paramref name="host"/> or 443.</param>
        /// <param name="timeoutMilliseconds">Timeout for connecting and each send or receive, or -1 for none.</param>
        /// <param name="tls">TLS options, or null for the defaults (verify against the platform's trust).</param>
        public HttpsConnection(string host, int port = RequestWriter.NoPort, int timeoutMilliseconds = InfiniteTimeout, TlsOptions tls = null)
            : base(host, port, timeoutMilliseconds)
        {
            _tls = tls == null ? new TlsOptions() : tls;
        }

        /// <summary>Creates a connection to <paramref name="host"/> (may carry ":port") with the given TLS options.</summary>
        /// <param name="host">Host name or address, optionally with ":port".</param>
        /// <param name="tls">TLS options, or null for the defaults.</param>
        public HttpsConnection(string host, TlsOptions tls) : this(host, RequestWriter.NoPort, InfiniteTimeout, tls) { }

        /// <summary>Creates a connection to <paramref name="host"/> on <paramref name="port"/> with the given TLS options.</summary>
        /// <param name="host">Host name or address.</param>
        /// <param name="port">TCP port, 1-65535, or -1 to take it from <paramref name="host"/> or 443.</param>
        /// <param name="tls">TLS options, or null for the defaults.</param>
        public HttpsConnection(string host, int port, TlsOptions tls) : this(host, port, InfiniteTimeout, tls) { }

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

        /// <summary>TLS with the origin (the tunnel's target when tunnelling: SNI and name check), over the open socket.</summary>
        internal override ITransport Secure(ITransport plain, string host)
        {
            return TlsTransport.Secure(plain, host, _tls);
        }
    }
}
