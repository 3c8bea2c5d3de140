using System.IO;

namespace HttpNano.Tests
{
    /// <summary>
    /// Hands out scripted transports, one per connection the client opens, in order; records
    /// how many were opened. Plugs into <see cref="HttpConnection"/> through its socket seam:
    /// <c>connection.CreateConnection = factory</c>.
    /// </summary>
    internal sealed class ScriptedTransportFactory : ISocketOpener
    {
        private readonly ScriptedTransport[] _transports;

        /// <summary>Creates a factory for the given connections' scripts, fed in pieces of <paramref name="pieceSize"/> bytes (0 = as much as asked); a null script is a connect that fails.</summary>
        public ScriptedTransportFactory(int pieceSize, params string[] scripts)
        {
            _transports = new ScriptedTransport[scripts.Length];
            for (int i = 0; i < scripts.Length; i++)
            {
                _transports[i] = scripts[i] == null ? null : new ScriptedTransport(scripts[i], pieceSize);
            }
        }

        /// <summary>How many transports were opened.</summary>
        public int Opened { get; private set; }

        /// <summary>Host of the last open.</summary>
        public string LastHost { get; private set; }

        /// <summary>Port of the last open.</summary>
        public int LastPort { get; private set; }

        /// <summary>Timeout of the last open.</summary>
        public int LastTimeout { get; private set; }

        /// <summary>The transport of connection <paramref name="index"/> (0-based).</summary>
        public ScriptedTransport Transport(int index)
        {
            return _transports[index];
        }

        /// <summary>The <see cref="ISocketOpener"/>: the next scripted transport.</summary>
        public TcpTransport Open(string host, int port, int connectTimeout, int timeout)
        {
            if (Opened == _transports.Length)
            {
                throw new IOException("no more scripted connections");
            }

            LastHost = host;
            LastPort = port;
            LastTimeout = timeout;
            ScriptedTransport transport = _transports[Opened++];
            if (transport == null)
            {
                throw new IOException("connection refused");
            }

            return transport;
        }

        /// <summary>A connection to example.com whose sockets are these scripts.</summary>
        public static HttpConnection Connection(ScriptedTransportFactory factory)
        {
            HttpConnection connection = new HttpConnection("example.com");
            connection.CreateConnection = factory;
            return connection;
        }
    }
}
