using System;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// What the client allocates on the host, measured with GC.GetAllocatedBytesForCurrentThread.
    /// The counter is per thread: Kestrel allocates on its own threads and is not counted, the
    /// client runs on the test thread and is. Steady state must be zero: on the device every
    /// allocation is garbage the collector has to find.
    /// On real sockets .NET itself now and then allocates a few dozen bytes on the receiving
    /// thread when a blocking receive has to wait (its socket layer, not this library), so these
    /// tests allow less than half the smallest object (24 bytes) per request or per read: any
    /// allocation of the library per request or per read would exceed that. The exact zero,
    /// free of that noise, is asserted over scripted transports (ResponseAllocationTests,
    /// RequestAllocationTests).
    /// </summary>
    public sealed class MemoryTests : IClassFixture<KestrelServer>
    {
        private const int Period = 251;

        // Half of .NET's smallest object: an allocation per request or per read exceeds it.
        private const long ToleratedBytesPerOperation = 12;
        private readonly KestrelServer _server;

        public MemoryTests(KestrelServer server)
        {
            _server = server;
        }

        [Fact]
        public void HundredMegabytesStreamThroughAFourKilobyteBufferWithoutAllocating()
        {
            const long Size = 100L * 1024 * 1024;
            const int BufferSize = 4096;
            byte[] buffer = new byte[BufferSize];
            // The pattern repeats every 251 bytes: one window of it checks any read at any position.
            byte[] expected = BodyPattern.Make(BufferSize + Period);
            using HttpConnection connection = new HttpConnection(_server.Host, _server.Port, 10000);
            connection.Request("GET", "/large?size=" + Size);
            HttpResponse response = connection.GetResponse();
            Assert.Equal(200, response.Status);
            Assert.Equal(Size, response.Length);

            long position = 0;
            int reads = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            while (true)
            {
                int read = response.ReadInto(buffer, 0, BufferSize);
                if (read == 0)
                {
                    break;
                }

                if (!buffer.AsSpan(0, read).SequenceEqual(expected.AsSpan((int)(position % Period), read)))
                {
                    Assert.Fail("body differs from the pattern in the read at " + position);
                }

                position += read;
                reads++;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(Size, position);
            Assert.True(reads >= Size / BufferSize);
            Assert.True(response.IsClosed);
            Assert.Equal(0, response.Length);
            Assert.True(allocated < ToleratedBytesPerOperation * reads, allocated + " bytes allocated over " + reads + " reads");

            // The connection is still good for the next request.
            connection.Request("GET", "/content-length?size=10");
            Assert.True(BodyPattern.Matches(connection.GetResponse().Read()));
        }

        [Theory]
        [InlineData("/content-length?size=1000")]
        [InlineData("/chunked?size=3000&chunk=700")]
        [InlineData("/status/204")]
        public void KeptAliveGetLoopAllocatesNothingPerRequest(string path)
        {
            const int Rounds = 200;
            byte[] buffer = new byte[512];
            using HttpConnection connection = new HttpConnection(_server.Host, _server.Port, 5000);
            int accepted = _server.AcceptedConnections;
            long warmUpBytes = 0;
            for (int i = 0; i < 5; i++)
            {
                warmUpBytes = Get(connection, path, buffer);
            }

            long allocated = LeastAllocated(Rounds, () => Get(connection, path, buffer), out long bodyBytes);
            Assert.Equal(warmUpBytes * Rounds, bodyBytes);
            Assert.Equal(accepted + 1, _server.AcceptedConnections);
            Assert.True(allocated < ToleratedBytesPerOperation * Rounds, allocated + " bytes allocated over " + Rounds + " requests");
        }

        [Fact]
        public void KeptAlivePostOfAByteArrayAllocatesNothingPerRequest()
        {
            const int Rounds = 200;
            byte[] body = BodyPattern.Make(300);
            byte[] buffer = new byte[512];
            using HttpConnection connection = new HttpConnection(_server.Host, _server.Port, 5000);
            for (int i = 0; i < 5; i++)
            {
                Post(connection, body, buffer);
            }

            long allocated = LeastAllocated(Rounds, () => Post(connection, body, buffer), out long echoed);
            Assert.Equal(300L * Rounds, echoed);
            Assert.True(allocated < ToleratedBytesPerOperation * Rounds, allocated + " bytes allocated over " + Rounds + " requests");
        }

        // Bytes the thread allocated over `rounds` requests, and their summed results. .NET's socket
        // layer now and then allocates on a receive that has to wait, more often on a busy
        // machine: the run is measured up to three times and the least is the client's share (an
        // allocation of the library per request shows in every run). No assertion inside the
        // measured loop: xunit's Assert.Equal allocates.
        private static long LeastAllocated(int rounds, Func<long> request, out long results)
        {
            long least = long.MaxValue;
            results = 0;
            for (int run = 0; run < 3 && least >= ToleratedBytesPerOperation * rounds; run++)
            {
                long sum = 0;
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < rounds; i++)
                {
                    sum += request();
                }

                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
                results = sum;
            }

            return least;
        }

        // One request whose body is drained with ReadInto; returns the body length.
        private static long Get(HttpConnection connection, string path, byte[] buffer)
        {
            connection.Request("GET", path);
            HttpResponse response = connection.GetResponse();
            return response.Status / 100 == 2 ? Drain(response, buffer) : -1;
        }

        private static long Post(HttpConnection connection, byte[] body, byte[] buffer)
        {
            connection.Request("POST", "/echo", body);
            return Drain(connection.GetResponse(), buffer);
        }

        private static long Drain(HttpResponse response, byte[] buffer)
        {
            long total = 0;
            int read;
            while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }

            return total;
        }
    }
}
