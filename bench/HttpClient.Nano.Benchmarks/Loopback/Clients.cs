using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;

namespace HttpNano.Benchmarks.Loopback
{
    /// <summary>Where the clients connect: nginx's plain and TLS ports and the CA that signed its certificate.</summary>
    internal sealed class Endpoints
    {
        public Endpoints(int port, int tlsPort, string caFile)
        {
            Port = port;
            TlsPort = tlsPort;
            CaFile = caFile;
            CaPem = File.ReadAllText(caFile);
            Ca = X509Certificate2.CreateFromPem(CaPem);
        }

        public int Port { get; }

        public int TlsPort { get; }

        public string CaFile { get; }

        public string CaPem { get; }

        public X509Certificate2 Ca { get; }

        public bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => TestCa.Check(Ca, certificate, errors);
    }

    /// <summary>
    /// One client under test, holding one keep-alive connection to the server per scheme (opened
    /// on first use). Every client reads each body completely into the same kind of 64 KiB
    /// buffer and returns its length.
    /// </summary>
    internal abstract class BenchClient : IDisposable
    {
        public const int BufferSize = 64 * 1024;

        protected readonly byte[] Buffer = new byte[BufferSize];

        public abstract string Name { get; }

        /// <summary>True when <see cref="GetAsync"/> is the way to drive it.</summary>
        public virtual bool IsAsync => false;

        public abstract long Get(string path, bool tls);

        public virtual ValueTask<long> GetAsync(string path, bool tls) => new ValueTask<long>(Get(path, tls));

        public abstract void Dispose();

        public static string[] Names => new[] { RawSocketClient.Id, NanoClient.Id, DotNetSyncClient.Id, DotNetAsyncClient.Id };

        public static BenchClient Create(string name, Endpoints server)
        {
            switch (name)
            {
                case RawSocketClient.Id: return new RawSocketClient(server);
                case NanoClient.Id: return new NanoClient(server);
                case DotNetSyncClient.Id: return new DotNetSyncClient(server);
                case DotNetAsyncClient.Id: return new DotNetAsyncClient(server);
                default: throw new ArgumentException("unknown client " + name);
            }
        }
    }

    /// <summary>
    /// HttpClient.Nano: Request, GetResponse, ReadInto until 0; no header strings asked for.
    /// HTTPS through HttpsConnection trusting the benchmark's CA (TlsOptions.AddTrustedCaPem).
    /// </summary>
    internal sealed class NanoClient : BenchClient
    {
        public const string Id = "nano";
        private readonly Endpoints _server;
        private HttpConnection _plain;
        private HttpConnection _tls;

        public NanoClient(Endpoints server)
        {
            _server = server;
        }

        public override string Name => "HttpClient.Nano";

        public override long Get(string path, bool tls)
        {
            HttpConnection connection = tls ? Tls() : Plain();
            connection.Request("GET", path);
            HttpResponse response = connection.GetResponse();
            if (response.Status != 200)
            {
                throw new InvalidOperationException("status " + response.Status);
            }

            long total = 0;
            int read;
            while ((read = response.ReadInto(Buffer, 0, BufferSize)) > 0)
            {
                total += read;
            }

            return total;
        }

        public override void Dispose()
        {
            _plain?.Close();
            _tls?.Close();
        }

        private HttpConnection Plain() => _plain ??= new HttpConnection("127.0.0.1", _server.Port, 10000);

        private HttpConnection Tls()
        {
            if (_tls == null)
            {
                TlsOptions options = new TlsOptions();
                options.AddTrustedCaPem(_server.CaPem);
                _tls = new HttpsConnection("127.0.0.1", _server.TlsPort, 10000, options);
            }

            return _tls;
        }
    }

    /// <summary>
    /// .NET HttpClient (SocketsHttpHandler, one connection per scheme), synchronous Send and
    /// Stream.Read. HTTPS trusts the benchmark's CA through a validation callback that builds
    /// the chain against it.
    /// </summary>
    internal class DotNetSyncClient : BenchClient
    {
        public const string Id = "dotnet-sync";
        protected readonly HttpClient Client;
        private readonly string _base;
        private readonly string _tlsBase;
        private readonly System.Collections.Generic.Dictionary<string, Uri> _uris = new System.Collections.Generic.Dictionary<string, Uri>();

        public DotNetSyncClient(Endpoints server)
        {
            SocketsHttpHandler handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = 1,
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = server.Validate },
            };
            Client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
            _base = "http://127.0.0.1:" + server.Port;
            _tlsBase = "https://127.0.0.1:" + server.TlsPort;
        }

        public override string Name => ".NET HttpClient (sync)";

        public override long Get(string path, bool tls)
        {
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, UriFor(path, tls));
            using HttpResponseMessage response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if ((int)response.StatusCode != 200)
            {
                throw new InvalidOperationException("status " + (int)response.StatusCode);
            }

            using Stream body = response.Content.ReadAsStream();
            long total = 0;
            int read;
            while ((read = body.Read(Buffer, 0, BufferSize)) > 0)
            {
                total += read;
            }

            return total;
        }

        public override void Dispose() => Client.Dispose();

        // URIs are built once per path, so neither .NET client pays for parsing one per request.
        protected Uri UriFor(string path, bool tls)
        {
            string key = (tls ? "s" : "p") + path;
            if (!_uris.TryGetValue(key, out Uri uri))
            {
                uri = new Uri((tls ? _tlsBase : _base) + path);
                _uris[key] = uri;
            }

            return uri;
        }
    }

    /// <summary>.NET HttpClient, await SendAsync and ReadAsync.</summary>
    internal sealed class DotNetAsyncClient : DotNetSyncClient
    {
        public new const string Id = "dotnet-async";

        public DotNetAsyncClient(Endpoints server) : base(server)
        {
        }

        public override string Name => ".NET HttpClient (async)";

        public override bool IsAsync => true;

        public override long Get(string path, bool tls) => GetAsync(path, tls).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<long> GetAsync(string path, bool tls)
        {
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, UriFor(path, tls));
            using HttpResponseMessage response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if ((int)response.StatusCode != 200)
            {
                throw new InvalidOperationException("status " + (int)response.StatusCode);
            }

            using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(Buffer.AsMemory(0, BufferSize)).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return total;
        }
    }

    /// <summary>
    /// The floor: the least a correct keep-alive HTTP/1.1 client can do in C#. One Send of a
    /// prepared request, blocking Receive into one 64 KiB buffer, a scan for the end of the head,
    /// Content-Length or chunked framing; body bytes land in the buffer and are dropped. Over
    /// TLS the same on a raw SslStream (Write, Read) trusting the benchmark's CA.
    /// </summary>
    internal sealed class RawSocketClient : BenchClient
    {
        public const string Id = "raw";
        private readonly Endpoints _server;
        private RawConnection _plain;
        private RawConnection _tls;

        public RawSocketClient(Endpoints server)
        {
            _server = server;
        }

        public override string Name => "raw socket (floor)";

        public override long Get(string path, bool tls)
        {
            if (tls)
            {
                return (_tls ??= new RawTlsConnection(_server)).Get(path);
            }

            return (_plain ??= new RawConnection(_server.Port)).Get(path);
        }

        public override void Dispose()
        {
            _plain?.Dispose();
            _tls?.Dispose();
        }
    }

    /// <summary>One raw keep-alive connection with its own 64 KiB receive buffer.</summary>
    internal class RawConnection : IDisposable
    {
        protected readonly Socket Socket;
        private readonly byte[] _buffer = new byte[BenchClient.BufferSize];
        private readonly string _hostLine;
        private readonly System.Collections.Generic.Dictionary<string, byte[]> _requests = new System.Collections.Generic.Dictionary<string, byte[]>();
        private int _start;
        private int _end;

        public RawConnection(int port)
        {
            Socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10000 };
            Socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            _hostLine = "Host: 127.0.0.1:" + port + "\r\n";
        }

        public long Get(string path)
        {
            if (!_requests.TryGetValue(path, out byte[] request))
            {
                request = Encoding.ASCII.GetBytes("GET " + path + " HTTP/1.1\r\n" + _hostLine + "\r\n");
                _requests[path] = request;
            }

            Send(request, 0, request.Length);

            // The head: receive until CRLF CRLF is in the buffer.
            int headEnd;
            while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            {
                Fill();
            }

            ReadOnlySpan<byte> head = _buffer.AsSpan(_start, headEnd + 4);
            _start += headEnd + 4;
            if (head.Length < 12 || head[9] != (byte)'2' || head[10] != (byte)'0' || head[11] != (byte)'0')
            {
                throw new InvalidOperationException("not a 200 response");
            }

            long length = ContentLength(head);
            return length >= 0 ? Skip(length) : ReadChunked();
        }

        public virtual void Dispose() => Socket.Close();

        protected virtual void Send(byte[] bytes, int offset, int count) => Socket.Send(bytes, offset, count, SocketFlags.None);

        protected virtual int Receive(byte[] bytes, int offset, int count) => Socket.Receive(bytes, offset, count, SocketFlags.None);

        private static long ContentLength(ReadOnlySpan<byte> head)
        {
            int at = head.IndexOf("\r\nContent-Length: "u8);
            if (at < 0)
            {
                return -1; // nginx sends "Transfer-Encoding: chunked" instead
            }

            long value = 0;
            for (int i = at + 18; head[i] >= '0' && head[i] <= '9'; i++)
            {
                value = value * 10 + head[i] - '0';
            }

            return value;
        }

        // Consumes count body bytes: what is buffered, then straight receives into the buffer.
        private long Skip(long count)
        {
            long left = count;
            int buffered = Math.Min(_end - _start, (int)Math.Min(left, int.MaxValue));
            _start += buffered;
            left -= buffered;
            if (_start == _end)
            {
                _start = _end = 0;
            }

            while (left > 0)
            {
                int received = Receive(_buffer, 0, (int)Math.Min(left, BenchClient.BufferSize));
                if (received <= 0)
                {
                    throw new InvalidOperationException("closed early");
                }

                left -= received;
            }

            return count;
        }

        private long ReadChunked()
        {
            long total = 0;
            while (true)
            {
                long size = 0;
                while (true)
                {
                    if (_start == _end)
                    {
                        Fill();
                    }

                    byte b = _buffer[_start++];
                    if (b == '\n')
                    {
                        break;
                    }

                    int digit = b >= '0' && b <= '9' ? b - '0' : (b | 0x20) >= 'a' && (b | 0x20) <= 'f' ? (b | 0x20) - 'a' + 10 : -1;
                    if (digit >= 0)
                    {
                        size = size * 16 + digit;
                    }
                }

                if (size == 0)
                {
                    SkipLine(); // no trailers from nginx: the final CRLF
                    return total;
                }

                Skip(size);
                total += size;
                SkipLine();
            }
        }

        private void SkipLine()
        {
            while (true)
            {
                if (_start == _end)
                {
                    Fill();
                }

                if (_buffer[_start++] == '\n')
                {
                    return;
                }
            }
        }

        private void Fill()
        {
            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_end == BenchClient.BufferSize)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int received = Receive(_buffer, _end, BenchClient.BufferSize - _end);
            if (received <= 0)
            {
                throw new InvalidOperationException("closed early");
            }

            _end += received;
        }
    }

    /// <summary>The floor over TLS: the same client on an SslStream (one handshake, then Write and Read).</summary>
    internal sealed class RawTlsConnection : RawConnection
    {
        private readonly SslStream _ssl;

        public RawTlsConnection(Endpoints server) : base(server.TlsPort)
        {
            _ssl = new SslStream(new NetworkStream(Socket, false), false);
            _ssl.AuthenticateAsClient(new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1",
                RemoteCertificateValidationCallback = server.Validate,
            });
        }

        public override void Dispose()
        {
            _ssl.Dispose();
            base.Dispose();
        }

        protected override void Send(byte[] bytes, int offset, int count) => _ssl.Write(bytes, offset, count);

        protected override int Receive(byte[] bytes, int offset, int count) => _ssl.Read(bytes, offset, count);
    }
}
