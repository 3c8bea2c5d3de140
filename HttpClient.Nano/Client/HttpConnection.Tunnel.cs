using System;

namespace HttpNano
{
    public partial class HttpConnection
    {
        private const string ConnectMethod = "CONNECT";
        private const string HostName = "Host";

        private string _tunnelHost;
        private int _tunnelPort;
        private HttpHeaders _tunnelHeaders;
        private HttpHeaders _proxyResponseHeaders;

        /// <summary>
        /// Sends requests through an HTTP proxy: this connection's host and port are the proxy's,
        /// and <paramref name="host"/> is the server reached through a CONNECT tunnel (Python's
        /// set_tunnel). Must be called before the connection opens.
        /// </summary>
        /// <param name="host">The target host, optionally with ":port".</param>
        public void SetTunnel(string host)
        {
            SetTunnel(host, RequestWriter.NoPort, null);
        }

        /// <summary>Sends requests through a CONNECT tunnel to <paramref name="host"/>:<paramref name="port"/>.</summary>
        /// <param name="host">The target host.</param>
        /// <param name="port">The target port, or -1 for ":port" in <paramref name="host"/> or <see cref="DefaultPort"/>.</param>
        public void SetTunnel(string host, int port)
        {
            SetTunnel(host, port, null);
        }

        /// <summary>
        /// Sends requests through a CONNECT tunnel to <paramref name="host"/>:<paramref name="port"/>,
        /// sending <paramref name="headers"/> (e.g. Proxy-Authorization) with the CONNECT request.
        /// A Host header naming the target is added unless given.
        /// </summary>
        /// <param name="host">The target host.</param>
        /// <param name="port">The target port, or -1 for ":port" in <paramref name="host"/> or <see cref="DefaultPort"/>.</param>
        /// <param name="headers">Headers for the proxy, or null.</param>
        /// <exception cref="InvalidOperationException">The connection is already open.</exception>
        /// <exception cref="InvalidUrlException">The host or port is malformed.</exception>
        /// <exception cref="ArgumentException">A header would break the CONNECT request.</exception>
        public void SetTunnel(string host, int port, HttpHeaders headers)
        {
            if (_transport != null)
            {
                throw new InvalidOperationException("cannot set up a tunnel on an open connection");
            }

            int tunnelPort;
            string tunnelHost = RequestWriter.ParseHost(host, port, DefaultPort, out tunnelPort);
            HttpHeaders copy = new HttpHeaders();
            if (headers != null)
            {
                for (int i = 0; i < headers.Count; i++)
                {
                    RequestWriter.CheckHeader(headers.GetName(i), headers.GetValue(i));
                    copy.Add(headers.GetName(i), headers.GetValue(i));
                }
            }

            if (!copy.Contains(HostName))
            {
                copy.Add(HostName, RequestWriter.HostValue(tunnelHost, tunnelPort, RequestWriter.NoPort));
            }

            _tunnelHost = tunnelHost;
            _tunnelPort = tunnelPort;
            _tunnelHeaders = copy;
            _hostHeader = null;
        }

        /// <summary>
        /// The proxy's answer to the last CONNECT (Python's get_proxy_response_headers), or null
        /// without a tunnel or before it opened.
        /// </summary>
        public HttpHeaders GetProxyResponseHeaders()
        {
            return _proxyResponseHeaders;
        }

        // The host and port the server knows this connection by: the tunnel's target if any.
        private string OriginHost
        {
            get { return _tunnelHost == null ? _host : _tunnelHost; }
        }

        private int OriginPort
        {
            get { return _tunnelHost == null ? _port : _tunnelPort; }
        }

        // Connect's tunnel step, on the socket to the proxy: "CONNECT host:port HTTP/1.1" and its
        // headers in one write, then the proxy's answer. A writer of its own: the connection
        // opens lazily, when the request's head is already in the main writer. The answer is read
        // with the connection's own reader: over a plain tunnel, bytes after it already belong to
        // the first response; before TLS they are an error, which Connect raises. Returns whether
        // there were any.
        private bool OpenTunnel(ITransport proxy)
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest(ConnectMethod, RequestWriter.HostValue(_tunnelHost, _tunnelPort, RequestWriter.NoPort));
            for (int i = 0; i < _tunnelHeaders.Count; i++)
            {
                writer.WriteHeader(_tunnelHeaders.GetName(i), _tunnelHeaders.GetValue(i));
            }

            writer.EndHeaders();
            if (_debugLevel > 0)
            {
                DebugLog.WriteLine("send: '" + DebugLog.Escape(writer.Buffer, 0, writer.Length) + "'");
            }

            proxy.Send(writer.Buffer, 0, writer.Length);
            ResponseReader reader = ReaderFor(proxy);

            // The answer to CONNECT has no body: read it as the answer to a HEAD.
            ResponseHead head = reader.ReadHead(true);
            HttpHeaders headers = new HttpHeaders();
            for (int i = 0; i < head.Count; i++)
            {
                headers.Add(head.GetName(i), head.GetValue(i));
                if (_debugLevel > 0)
                {
                    DebugLog.WriteLine("header: " + head.GetName(i) + ": " + head.GetValue(i));
                }
            }

            _proxyResponseHeaders = headers;
            if (head.Status != HttpStatus.OK)
            {
                throw new ProxyTunnelException(head.Status, head.Reason);
            }

            return reader.Buffered != 0;
        }
    }
}
