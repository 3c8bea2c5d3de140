using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HttpNano.Tests.Host.Servers;
using Xunit;
using Xunit.Abstractions;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// HttpTransfer against real servers: nginx's redirects (relative and absolute, to a second
    /// origin over HTTPS with another CA), its Range and If-Range handling behind a relay that
    /// cuts connections, Kestrel ignoring Range and reading multipart forms, and the allocation of
    /// a 4 MiB download.
    /// </summary>
    public sealed class TransferTests : IClassFixture<TransferServers>
    {
        private const int FileSize = TransferServers.FileSize;
        private readonly TransferServers _servers;
        private readonly ITestOutputHelper _output;

        public TransferTests(TransferServers servers, ITestOutputHelper output)
        {
            _servers = servers;
            _output = output;
        }

        private HttpTransfer Transfer()
        {
            HttpTransfer transfer = new HttpTransfer(10000, _servers.Tls);
            transfer.RetryDelay = 10;
            return transfer;
        }

        private static string Text(HttpResponse response) => Encoding.UTF8.GetString(response.Read());

        [Theory]
        [InlineData("/r301")]
        [InlineData("/r302")]
        [InlineData("/r303")]
        [InlineData("/chain")]
        public void RedirectsOnOneOriginUseOneConnection(string path)
        {
            int hops = path == "/chain" ? 3 : 2;
            int before = _servers.Plain.ReadAccessLog().Count;
            using HttpTransfer transfer = Transfer();
            HttpResponse response = transfer.Request("GET", _servers.Plain.Url(path).ToString());
            Assert.Equal(200, response.Status);
            Assert.Equal("hello\n", Text(response));
            NginxLogEntry[] mine = _servers.Plain.WaitForAccessLog(before + hops).Skip(before).ToArray();
            Assert.Equal(hops, mine.Length);
            Assert.Equal(1, NginxLogEntry.CountConnections(mine));
            Assert.Equal("/hello.txt", mine[hops - 1].Uri);
        }

        [Fact]
        public void SeeOtherAfterPostContinuesAsGet()
        {
            using HttpTransfer transfer = Transfer();
            HttpResponse response = transfer.Request("POST", _servers.Plain.Url("/r303").ToString(), Encoding.ASCII.GetBytes("data"));
            Assert.Equal("hello\n", Text(response));
            Assert.EndsWith("/hello.txt", transfer.Url);
        }

        [Theory]
        [InlineData("/r307")]
        [InlineData("/r308")]
        public void TemporaryAndPermanentRedirectsSendTheBodyAgain(string path)
        {
            using HttpTransfer transfer = Transfer();
            HttpResponse response = transfer.Request("POST", _servers.Plain.Url(path).ToString(), new MemoryStream(new byte[5000]));
            Assert.Equal("received 5000\n", Text(response));
        }

        [Fact]
        public void RedirectToAnotherOriginOverHttpsWithAnotherCa()
        {
            using HttpTransfer transfer = Transfer();
            HttpResponse response = transfer.Request("GET", _servers.Plain.Url("/away").ToString());
            Assert.Equal("hello\n", Text(response));
            Assert.StartsWith("https://127.0.0.1:" + _servers.Secure.Port + "/", transfer.Url);
        }

        [Fact]
        public void DowngradeToHttpIsRefusedUnlessAllowed()
        {
            using HttpTransfer transfer = Transfer();
            TransferException e = Assert.Throws<TransferException>(() => transfer.Request("GET", _servers.Secure.Url("/down").ToString()));
            Assert.Equal(TransferException.Downgrade, e.Reason);
            Assert.Equal(302, e.Status);
            transfer.AllowDowngrade = true;
            Assert.Equal(5, transfer.Request("GET", _servers.Secure.Url("/down").ToString()).Read().Length);
        }

        [Fact]
        public void RedirectLoopIsTyped()
        {
            using HttpTransfer transfer = Transfer();
            TransferException e = Assert.Throws<TransferException>(() => transfer.Request("GET", _servers.Plain.Url("/loop").ToString()));
            Assert.Equal(TransferException.TooManyRedirects, e.Reason);
            Assert.Equal(302, e.Status);
            Assert.Equal("/loop", e.Location);
        }

        [Fact]
        public void TenKilobyteLocationIsALineTooLong()
        {
            using HttpTransfer transfer = Transfer();
            Exception e = Record.Exception(() => transfer.Request("GET", _servers.Plain.Url("/long").ToString()));
            Assert.IsAssignableFrom<HttpException>(e);
        }

        [Fact]
        public void DownloadCutThreeTimesResumesToTheSameBytes()
        {
            byte[] original = _servers.WriteFile("/cut.bin", 1);
            using FaultRelay relay = new FaultRelay(_servers.Plain.Port, 1_000_000, 3);
            string path = Path.GetTempFileName();
            try
            {
                using HttpTransfer transfer = Transfer();
                long calls = 0;
                transfer.Progress = new ProgressCallback((done, total) => { calls++; Assert.Equal(FileSize, total); });
                using (FileStream file = new FileStream(path, FileMode.Create))
                {
                    Assert.Equal(FileSize, transfer.Download("http://127.0.0.1:" + relay.Port + "/cut.bin", file, new byte[4096]));
                }

                Assert.Equal(FileSize, transfer.Total);
                Assert.Equal(3, relay.CutCount);
                Assert.Equal(SHA256.HashData(original), SHA256.HashData(File.ReadAllBytes(path)));
                Assert.StartsWith("\"", transfer.Validator);
                Assert.Equal(4, _servers.Plain.ReadAccessLog().Count(e => e.Uri == "/cut.bin") - _servers.Plain.ReadAccessLog().Count(e => e.Uri == "/cut.bin" && e.Status == 200) + 1);
                Assert.True(calls >= FileSize / 4096);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void FileReplacedBetweenAttemptsRestartsThroughIfRange()
        {
            _servers.WriteFile("/swap.bin", 2);
            byte[] replacement = null;
            using FaultRelay relay = new FaultRelay(_servers.Plain.Port, 500_000, 1);
            relay.OnCut = () => replacement = _servers.WriteFile("/swap.bin", 3, DateTime.UtcNow.AddHours(1));
            using MemoryStream destination = new MemoryStream();
            using HttpTransfer transfer = Transfer();
            transfer.Download("http://127.0.0.1:" + relay.Port + "/swap.bin", destination, new byte[8192]);
            Assert.Equal(SHA256.HashData(replacement), SHA256.HashData(destination.ToArray()));
        }

        [Fact]
        public void FileReplacedBetweenAttemptsFailsAForwardOnlyDestination()
        {
            _servers.WriteFile("/swap2.bin", 4);
            using FaultRelay relay = new FaultRelay(_servers.Plain.Port, 500_000, 1);
            relay.OnCut = () => _servers.WriteFile("/swap2.bin", 5, DateTime.UtcNow.AddHours(1));
            ForwardOnly destination = new ForwardOnly();
            using HttpTransfer transfer = Transfer();
            TransferException e = Assert.Throws<TransferException>(() => transfer.Download("http://127.0.0.1:" + relay.Port + "/swap2.bin", destination, new byte[8192]));
            Assert.Equal(TransferException.Changed, e.Reason);
            Assert.True(destination.Written < 500_000);
        }

        [Fact]
        public void OriginIgnoringRangeRestartsFromZero()
        {
            using FaultRelay relay = new FaultRelay(_servers.Kestrel.Port, 300_000, 2);
            using MemoryStream destination = new MemoryStream();
            using HttpTransfer transfer = Transfer();
            transfer.Download("http://127.0.0.1:" + relay.Port + "/norange?size=1000000", destination, new byte[8192]);
            byte[] body = destination.ToArray();
            Assert.Equal(1_000_000, body.Length);
            Assert.True(BodyPattern.Matches(body));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(100_000)]
        [InlineData(3_000_000)]
        public void MultipartFormIsReadByAspNetCore(int size)
        {
            byte[] data = RandomNumberGenerator.GetBytes(size);
            byte[] other = RandomNumberGenerator.GetBytes(size / 3);
            MultipartForm form = new MultipartForm();
            form.AddField("title", "caf\u00e9 \u20ac");
            form.AddFile("firmware", "fw.bin", "application/octet-stream", new MemoryStream(data));
            form.AddField("empty", "");
            form.AddFile("log", "log.txt", "text/plain", new NonSeekable(other), other.Length);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Content-Type", form.ContentType);
            using HttpTransfer transfer = Transfer();
            string answer = Text(transfer.Request("POST", _servers.Kestrel.Url("/form").ToString(), form, headers));
            Assert.Contains("field title=caf\u00e9 \u20ac\n", answer);
            Assert.Contains("field empty=\n", answer);
            Assert.Contains("file firmware fw.bin application/octet-stream " + size + " " + Convert.ToHexString(SHA256.HashData(data)) + "\n", answer);
            Assert.Contains("file log log.txt text/plain " + other.Length + " " + Convert.ToHexString(SHA256.HashData(other)) + "\n", answer);
        }

        [Fact]
        public void DownloadAllocatesABoundedAmountIndependentOfItsSize()
        {
            _servers.WriteFile("/alloc4m.bin", 6);
            using HttpTransfer transfer = Transfer();
            byte[] buffer = new byte[4096];
            long progressed = 0;
            transfer.Progress = new ProgressCallback((done, total) => progressed = done);
            string big = _servers.Plain.Url("/alloc4m.bin").ToString();
            string small = _servers.Plain.Url("/64k.bin").ToString();
            transfer.Download(big, Stream.Null, buffer); // warm up: connection, JIT, buffers
            transfer.Download(small, Stream.Null, buffer);
            long before = GC.GetAllocatedBytesForCurrentThread();
            transfer.Download(big, Stream.Null, buffer);
            long fourMiB = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            transfer.Download(small, Stream.Null, buffer);
            long sixtyFourKiB = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("4 MiB download: " + fourMiB + " B allocated; 64 KiB: " + sixtyFourKiB + " B");
            Assert.Equal(64 * 1024, progressed);
            Assert.True(fourMiB < 8 * 1024, "4 MiB download allocated " + fourMiB + " B");
            Assert.True(Math.Abs(fourMiB - sixtyFourKiB) < 512, fourMiB + " vs " + sixtyFourKiB);
        }

        /// <summary>A forward-only destination that counts what it was given.</summary>
        private sealed class ForwardOnly : Stream
        {
            public long Written;
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => Written += count;
        }

        /// <summary>A stream over bytes that cannot seek.</summary>
        private sealed class NonSeekable : MemoryStream
        {
            public NonSeekable(byte[] data) : base(data) { }
            public override bool CanSeek => false;
        }

        /// <summary>
        /// A TCP relay on 127.0.0.1 in front of a server that resets the first <c>cuts</c>
        /// connections once <c>cutAfter</c> bytes of the server's answer went through.
        /// </summary>
        private sealed class FaultRelay : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly int _target;
            private readonly long _cutAfter;
            private int _cutsLeft;
            private int _cutCount;

            public FaultRelay(int target, long cutAfter, int cuts)
            {
                _target = target;
                _cutAfter = cutAfter;
                _cutsLeft = cuts;
                _listener.Start();
                Task.Run(AcceptLoop);
            }

            public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

            public int CutCount => Volatile.Read(ref _cutCount);

            public Action OnCut { get; set; }

            public void Dispose() => _listener.Stop();

            private async Task AcceptLoop()
            {
                while (true)
                {
                    Socket client;
                    try
                    {
                        client = await _listener.AcceptSocketAsync();
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    bool cut = Interlocked.Decrement(ref _cutsLeft) >= 0;
                    _ = Task.Run(() => Relay(client, cut));
                }
            }

            private void Relay(Socket client, bool cut)
            {
                using Socket server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    server.Connect(IPAddress.Loopback, _target);
                    Task up = Task.Run(() => Pump(client, server, long.MaxValue));
                    bool wasCut = Pump(server, client, cut ? _cutAfter : long.MaxValue);
                    if (wasCut)
                    {
                        OnCut?.Invoke();
                        Interlocked.Increment(ref _cutCount);
                        client.LingerState = new LingerOption(true, 0); // RST
                    }

                    client.Close();
                    server.Close();
                    up.Wait(2000);
                }
                catch (Exception)
                {
                    client.Close();
                }
            }

            // Copies until the end or `limit` bytes; true when the limit cut it.
            private static bool Pump(Socket from, Socket to, long limit)
            {
                byte[] buffer = new byte[16384];
                long passed = 0;
                try
                {
                    while (true)
                    {
                        int n = from.Receive(buffer);
                        if (n == 0)
                        {
                            to.Shutdown(SocketShutdown.Send);
                            return false;
                        }

                        if (passed + n >= limit)
                        {
                            to.Send(buffer, (int)(limit - passed), SocketFlags.None);
                            return true;
                        }

                        to.Send(buffer, n, SocketFlags.None);
                        passed += n;
                    }
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }
    }

    /// <summary>An <see cref="ITransferProgress"/> that calls a lambda (host tests only: generics).</summary>
    internal sealed class ProgressCallback : ITransferProgress
    {
        private readonly Action<long, long> _report;

        public ProgressCallback(Action<long, long> report) => _report = report;

        public void Report(long done, long total) => _report(done, total);
    }
}
