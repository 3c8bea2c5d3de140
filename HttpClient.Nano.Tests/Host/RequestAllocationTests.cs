using System;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// Steady-state request heads must not allocate: on the device every allocation is garbage
    /// the collector has to find, and a keep-alive loop writes one head per request.
    /// </summary>
    public sealed class RequestAllocationTests
    {
        private const int Rounds = 1000;

        [Fact]
        public void TypicalGetHeadAllocatesNothingAfterWarmUp()
        {
            RequestWriter writer = new RequestWriter();
            string host = RequestWriter.HostValue("example.com", 8080, 80);
            WriteGet(writer, host); // warm-up: JIT and static initialisation

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Rounds; i++)
            {
                WriteGet(writer, host);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.Equal(
                "GET /sensors/42?fields=t,h HTTP/1.1\r\nHost: example.com:8080\r\nAccept-Encoding: identity\r\n"
                + "User-Agent: HttpClient.Nano\r\nAccept: application/json\r\nAuthorization: Bearer abc.def\r\n\r\n",
                Text(writer));
        }

        [Fact]
        public void PostHeadWithContentLengthAndChunkFramingAllocatesNothingAfterWarmUp()
        {
            RequestWriter writer = new RequestWriter();
            byte[] scratch = new byte[RequestWriter.MaxChunkHeaderLength + RequestWriter.MaxLastChunkLength];
            string host = RequestWriter.HostValue("example.com", 80, 80);
            WritePost(writer, host, scratch);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Rounds; i++)
            {
                WritePost(writer, host, scratch);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.Equal(
                "POST /upload HTTP/1.1\r\nHost: example.com\r\nAccept-Encoding: identity\r\nContent-Length: 1234567\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n",
                Text(writer));
        }

        private static void WriteGet(RequestWriter writer, string host)
        {
            writer.PutRequest("GET", "/sensors/42?fields=t,h", host, false);
            writer.WriteHeader("User-Agent", "HttpClient.Nano");
            writer.WriteHeader("Accept", "application/json");
            writer.WriteHeader("Authorization", "Bearer abc.def");
            writer.EndHeaders();
        }

        private static void WritePost(RequestWriter writer, string host, byte[] scratch)
        {
            long contentLength;
            RequestWriter.Decide(true, 1234567, false, false, false, out contentLength);
            writer.PutRequest("POST", "/upload", host, false);
            writer.WriteHeader(RequestWriter.ContentLengthHeader, contentLength);
            writer.WriteHeader("Content-Type", "application/octet-stream");
            writer.EndHeaders();
            int header = RequestWriter.ChunkHeader(4096, true, scratch, 0);
            RequestWriter.LastChunk(true, scratch, header);
        }

        private static string Text(RequestWriter writer)
        {
            return TestBytes.Text(writer.Buffer, 0, writer.Length);
        }
    }
}
