using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace HttpNano.Benchmarks.Loopback
{
    /// <summary>
    /// One client under test, holding one keep-alive connection to the server. Every client reads
    /// each body completely into the same kind of 64 KiB buffer and returns its length.
    /// </summary>
    internal abstract class BenchClient : IDisposable
    {
        public const int BufferSize = 64 * 1024;

        protected readonly byte[] Buffer = new byte[BufferSize];

        public abstract string Name { get; }

        /// <summary>True when <see cref="GetAsync"/> is the way to drive it.</summary>
        public virtual bool IsAsync => false;

        public abstract long Get(string path);

        public virtual ValueTask<long> GetAsync(string path) => new ValueTask<long>(Get(path));

        public abstract void Dispose();

        public static string[] Names => new[] { RawSocketClient.Id, NanoClient.Id, DotNetSyncClient.Id, DotNetAsyncClient.Id };

        public static BenchClient Create(string name, int port)
        {
            switch (name)
            {
                case RawSocketClient.Id: return new RawSocketClient(port);
                case NanoClient.Id: return new NanoClient(port);
                case DotNetSyncClient.Id: return new DotNetSyncClient(port);
                case DotNetAsyncClient.Id: return new DotNetAsyncClient(port);
                default: throw new ArgumentException("unknown client " + name);
            }
        }
    }

    /// <summary>HttpClient.Nano: Request, GetResponse, ReadInto until 0; no header strings asked for.</summary>
    internal sealed class NanoClient : BenchClient
    {
        public const string Id = "nano";
        private readonly HttpConnection _connection;

        public NanoClient(int port)
        {
            _connection = new HttpConnection("127.0.0.1", port, 10000);
        }

        public override string Name => "HttpClient.Nano";

        public override long Get(string path)
        {
            _connection.Request("GET", path);
            HttpResponse response = _connection.GetResponse();
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

        public override void Dispose() => _connection.Close();
    }

    /// <summary>.NET HttpClient (SocketsHttpHandler, one connection), synchronous Send and Stream.Read.</summary>
    internal class DotNetSyncClient : BenchClient
    {
        public const string Id = "dotnet-sync";
        protected readonly HttpClient Client;
        private readonly string _base;
        private readonly System.Collections.Generic.Dictionary<string, Uri> _uris = new System.Collections.Generic.Dictionary<string, Uri>();

        public DotNetSyncClient(int port)
        {
            SocketsHttpHandler handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = 1,
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            };
            Client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
            _base = "http://127.0.0.1:" + port;
        }

        public override string Name => ".NET HttpClient (sync)";

        public override long Get(string path)
        {
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, UriFor(path));
            using HttpResponseMessage response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if ((int)response.StatusCode != 200)
            {
                throw new InvalidOperationException("status " + (int)response.StatusCode);
            }

            using System.IO.Stream body = response.Content.ReadAsStream();
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
        protected Uri UriFor(string path)
        {
            if (!_uris.TryGetValue(path, out Uri uri))
            {
                uri = new Uri(_base + path);
                _uris[path] = uri;
            }

            return uri;
        }
    }

    /// <summary>.NET HttpClient, await SendAsync and ReadAsync.</summary>
    internal sealed class DotNetAsyncClient : DotNetSyncClient
    {
        public new const string Id = "dotnet-async";

        public DotNetAsyncClient(int port) : base(port)
        {
        }

        public override string Name => ".NET HttpClient (async)";

        public override bool IsAsync => true;

        public override long Get(string path) => GetAsync(path).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<long> GetAsync(string path)
        {
            using HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Get, UriFor(path));
            using HttpResponseMessage response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if ((int)response.StatusCode != 200)
            {
                throw new InvalidOperationException("status " + (int)response.StatusCode);
            }

            using System.IO.Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
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
    /// Content-Length or chunked framing; body bytes land in the buffer and are dropped.
    /// </summary>
    internal sealed class RawSocketClient : BenchClient
    {
        public const string Id = "raw";
        private readonly Socket _socket;
        private readonly string _hostLine;
        private readonly System.Collections.Generic.Dictionary<string, byte[]> _requests = new System.Collections.Generic.Dictionary<string, byte[]>();
        private int _start;
        private int _end;

        public RawSocketClient(int port)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10000 };
            _socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            _hostLine = "Host: 127.0.0.1:" + port + "\r\n";
        }

        public override string Name => "raw socket (floor)";

        public override long Get(string path)
        {
            if (!_requests.TryGetValue(path, out byte[] request))
            {
                request = Encoding.ASCII.GetBytes("GET " + path + " HTTP/1.1\r\n" + _hostLine + "\r\n");
                _requests[path] = request;
            }

            _socket.Send(request, 0, request.Length, SocketFlags.None);

            // The head: receive until CRLF CRLF is in the buffer.
            int headEnd;
            while ((headEnd = Buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            {
                Fill();
            }

            ReadOnlySpan<byte> head = Buffer.AsSpan(_start, headEnd + 4);
            _start += headEnd + 4;
            if (head.Length < 12 || head[9] != (byte)'2' || head[10] != (byte)'0' || head[11] != (byte)'0')
            {
                throw new InvalidOperationException("not a 200 response");
            }

            long length = ContentLength(head);
            return length >= 0 ? Skip(length) : ReadChunked();
        }

        public override void Dispose() => _socket.Close();

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
                int received = _socket.Receive(Buffer, 0, (int)Math.Min(left, BufferSize), SocketFlags.None);
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

                    byte b = Buffer[_start++];
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

                if (Buffer[_start++] == '\n')
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
            else if (_end == BufferSize)
            {
                Array.Copy(Buffer, _start, Buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int received = _socket.Receive(Buffer, _end, BufferSize - _end, SocketFlags.None);
            if (received <= 0)
            {
                throw new InvalidOperationException("closed early");
            }

            _end += received;
        }
    }
}
