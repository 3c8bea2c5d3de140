using System;
using System.Text;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// Steady-state allocation of the response path, measured with
    /// GC.GetAllocatedBytesForCurrentThread after a warm-up pass (JIT, static initialisers).
    /// </summary>
    public sealed class ResponseAllocationTests
    {
        private const int BodySize = 1024 * 1024;

        private static readonly string TypicalHead =
            "HTTP/1.1 200 OK\r\n"
            + "Date: Wed, 26 Nov 2025 10:00:00 GMT\r\n"
            + "Server: nginx/1.26.0\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Connection: keep-alive\r\n"
            + "Cache-Control: no-cache, no-store\r\n"
            + "ETag: \"5f1b-61a8e2d3\"\r\n"
            + "Last-Modified: Tue, 25 Nov 2025 09:00:00 GMT\r\n"
            + "Vary: Accept-Encoding\r\n"
            + "X-Request-Id: 7d0c2a64-0b1e-4b8e-9d4f-1c2b3a4d5e6f\r\n"
            + "Set-Cookie: a=1; Path=/\r\n"
            + "Set-Cookie: b=2; Path=/\r\n"
            + "\r\n";

        [Fact]
        public void ChunkedResponseAllocatesNothingAfterSetUp()
        {
            byte[] script = BuildChunkedScript();
            ScriptedTransport transport = new ScriptedTransport(script, 1460);
            ResponseReader reader = new ResponseReader(new HttpLimits(), 1024);
            byte[] block = new byte[1024];

            Assert.Equal(BodySize, ReadOnce(reader, transport, block)); // warm-up

            long before = GC.GetAllocatedBytesForCurrentThread();
            long bodyBytes = ReadOnce(reader, transport, block);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(BodySize, bodyBytes);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void KeepAliveContentLengthResponsesAllocateNothing()
        {
            // One response per request: the script is served again for each (unasked bytes
            // behind a response would close the connection).
            string one = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world";
            ScriptedTransport transport = new ScriptedTransport(one, 0);
            ResponseReader reader = new ResponseReader(new HttpLimits(), 1024);
            reader.Attach(transport);
            byte[] block = new byte[64];

            ReadResponses(reader, transport, block, 50); // warm-up
            long before = GC.GetAllocatedBytesForCurrentThread();
            int total = ReadResponses(reader, transport, block, 50);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(50 * 11, total);
            Assert.Equal(0, allocated);
            Assert.False(transport.IsClosed);
            Assert.False(reader.WillClose);
        }

        [Fact]
        public void HeaderLookupsAllocateOnlyTheReturnedStrings()
        {
            ScriptedTransport transport = new ScriptedTransport(TypicalHead + "0\r\n\r\n", 0);
            ResponseReader reader = new ResponseReader(new HttpLimits(), 1024);
            reader.Attach(transport);
            ResponseHead head = reader.ReadHead(false);
            Lookups(head); // warm-up

            long before = GC.GetAllocatedBytesForCurrentThread();
            bool found = head.HasToken(ResponseHead.Connection, ResponseHead.KeepAlive) && head.IndexOf("date", 0) == 0
                && head.IndexOf("vary", 0) == 8 && head.IndexOf("X-Missing", 0) < 0 && head.GetHeader("X-Missing") == null;
            long noStrings = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(found);
            Assert.Equal(0, noStrings);

            before = GC.GetAllocatedBytesForCurrentThread();
            string type = head.GetHeader("content-type");
            long oneValue = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal("application/octet-stream", type);
            // The string plus the char array it is built from: 2 * (header + 2 bytes per char), rounded up.
            Assert.InRange(oneValue, 1, 2 * (32 + 2 * type.Length));

            before = GC.GetAllocatedBytesForCurrentThread();
            string cookies = head.GetHeader("Set-Cookie");
            long joined = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal("a=1; Path=/, b=2; Path=/", cookies);
            Assert.InRange(joined, 1, 2 * (32 + 2 * cookies.Length));

            before = GC.GetAllocatedBytesForCurrentThread();
            string reason = head.Reason;
            long reasonBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal("OK", reason);
            Assert.InRange(reasonBytes, 1, 2 * (32 + 2 * reason.Length));
        }

        [Theory]
        [InlineData(100)]
        [InlineData(16 * 1024)]
        [InlineData(100000)]
        public void ReadOfAKnownLengthAllocatesTheBodyOnce(int size)
        {
            string script = "HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n" + new string('k', size);
            MeasureRead(script, size); // warm-up
            long allocated = MeasureRead(script, size);

            // One array of exactly the body's size: its object header (24 bytes) and nothing else.
            Assert.InRange(allocated, size, size + 32);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void ReadOfAnUnknownLengthAllocatesAboutTwiceTheBody(bool chunked)
        {
            const int size = 100000;
            StringBuilder script = new StringBuilder("HTTP/1.1 200 OK\r\n");
            if (chunked)
            {
                script.Append("Transfer-Encoding: chunked\r\n\r\n");
                for (int sent = 0; sent < size; sent += 1000)
                {
                    script.Append("3e8\r\n").Append('c', 1000).Append("\r\n");
                }

                script.Append("0\r\n\r\n");
            }
            else
            {
                script.Append("\r\n").Append('u', size);
            }

            MeasureRead(script.ToString(), size); // warm-up
            long allocated = MeasureRead(script.ToString(), size);

            // The pieces (the body rounded up to one 4 KiB piece, with their headers and list),
            // then the joined result: about twice the body, never the doubling's 3.5 times.
            Assert.InRange(allocated, 2 * size, 2 * size + 8 * 1024);
        }

        // Allocation of Read() alone, on a connection whose response head has been read.
        private static long MeasureRead(string script, int size)
        {
            HttpConnection connection = ScriptedTransportFactory.Connection(new ScriptedTransportFactory(1460, script));
            connection.Limits.MaxReadBytes = 200000;
            connection.Request("GET", "/");
            HttpResponse response = connection.GetResponse();
            long before = GC.GetAllocatedBytesForCurrentThread();
            byte[] body = response.Read();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(size, body.Length);
            return allocated;
        }

        private static void Lookups(ResponseHead head)
        {
            head.HasToken(ResponseHead.Connection, ResponseHead.KeepAlive);
            head.IndexOf("date", 0);
            head.IndexOf("vary", 0);
            head.GetHeader("X-Missing");
            head.GetHeader("content-type");
            head.GetHeader("Set-Cookie");
            _ = head.Reason;
        }

        private static long ReadOnce(ResponseReader reader, ScriptedTransport transport, byte[] block)
        {
            transport.Rewind();
            reader.Attach(transport);
            ResponseHead head = reader.ReadHead(false);
            if (head.Status != 200 || reader.Framing != ResponseReader.Phase.Chunked)
            {
                throw new InvalidOperationException("unexpected head");
            }

            long total = 0;
            int read;
            while ((read = reader.ReadBody(block, 0, block.Length)) > 0)
            {
                total += read;
            }

            return total; // a body cut short raises
        }

        private static int ReadResponses(ResponseReader reader, ScriptedTransport transport, byte[] block, int count)
        {
            int total = 0;
            for (int i = 0; i < count; i++)
            {
                transport.Rewind();
                reader.ReadHead(false);
                int read;
                while ((read = reader.ReadBody(block, 0, block.Length)) > 0)
                {
                    total += read;
                }
            }

            return total;
        }

        // 1 MB of body in chunks of varying size (with an extension now and then), then trailers.
        private static byte[] BuildChunkedScript()
        {
            StringBuilder text = new StringBuilder(TypicalHead);
            int sent = 0;
            int size = 1;
            while (sent < BodySize)
            {
                int chunk = Math.Min(size, BodySize - sent);
                text.Append(chunk.ToString("x"));
                if (chunk % 3 == 0)
                {
                    text.Append(";ext=1");
                }

                text.Append("\r\n");
                text.Append((char)('a' + sent % 26), chunk);
                text.Append("\r\n");
                sent += chunk;
                size = size * 2 % 5000 + 1;
            }

            text.Append("0\r\nX-Checksum: 1\r\n\r\n");
            return Encoding.Latin1.GetBytes(text.ToString());
        }
    }
}
