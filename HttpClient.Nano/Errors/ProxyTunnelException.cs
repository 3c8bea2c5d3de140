namespace HttpNano
{
    /// <summary>
    /// The proxy refused to open the tunnel set with <see cref="HttpConnection.SetTunnel(string, int, HttpHeaders)"/>:
    /// it answered CONNECT with a status other than 200 (Python raises OSError "Tunnel connection
    /// failed"). The connection is closed.
    /// </summary>
    public class ProxyTunnelException : HttpException
    {
        /// <summary>Creates the exception for the proxy's answer.</summary>
        /// <param name="status">The status the proxy answered, e.g. 407.</param>
        /// <param name="reason">Its reason phrase.</param>
        public ProxyTunnelException(int status, string reason) : base("tunnel connection failed")
        {
            Status = status;
            Reason = reason;
        }

        /// <summary>The status the proxy answered, e.g. 407 (Proxy Authentication Required).</summary>
        public int Status { get; }

        /// <summary>The proxy's reason phrase.</summary>
        public string Reason { get; }
    }
}
