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

        /// <summary>The TLS options (never null); change them only before the first request.</summary>
        public readonly TlsOptions Tls;

        /// <summary>
        /// Creates a connection to <paramref name="host"/>; like Python's HTTPSConnection(host, port,
        /// context=...), every argument after the host may be left out: name the options
        /// (<c>tls: options</c>) to give them without port or timeout.
        /// </summary>
        /// <param name="host">Host name or address, optionally with ":port" when <paramref name="port"/> is -1.</param>
        /// <param name="port">TCP port, 1-65535, or -1 to take it from <paramref name="host"/> or 443.</param>
        /// <param name="timeoutMilliseconds">Timeout for connecting and each send or receive, or -1 for none.</param>
        /// <param name="tls">TLS options, or null for the defaults (verify against the platform's trust).</param>
        public HttpsConnection(string host, int port = RequestWriter.NoPort, int timeoutMilliseconds = InfiniteTimeout, TlsOptions tls = null)
            : base(host, port, timeoutMilliseconds)
        {
            Tls = tls ?? new TlsOptions();
        }

        /// <summary>443.</summary>
        public override int DefaultPort
        {
            get { return HttpsPort; }
        }

        /// <summary>
        /// TLS with the origin (the tunnel's target when tunnelling: SNI and name check), over the
        /// open socket, which must be a TcpTransport's; on failure Connect closes it.
        /// </summary>
        internal override void Secure(TcpTransport transport, string host)
        {
            transport.Handshake(host, Tls);
        }
    }
}
