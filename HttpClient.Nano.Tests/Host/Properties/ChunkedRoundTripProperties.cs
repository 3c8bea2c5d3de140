using System.Collections.Generic;
using System.Text;
using CsCheck;
using Xunit;

namespace HttpNano.Tests.Host.Properties
{
    /// <summary>
    /// What <see cref="RequestWriter.ChunkHeader"/> frames, <see cref="ResponseReader"/> decodes
    /// back to the same bytes, for any body cut into
    /// chunks of any sizes, received in pieces of any size, and the next response follows.
    /// </summary>
    public sealed class ChunkedRoundTripProperties
    {
        private const string Head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        private const string Next = "HTTP/1.1 204 Next\r\nX-Next: yes\r\n\r\n";

        [Fact]
        public void EncodedBodyDecodesToTheSameBytes()
        {
            Gen.Select(Gen.Byte.Array[0, 3000], Gen.Int[1, 700].Array[1, 8], Gen.Int[0, 40], Gen.Int[1, 300]).Sample((body, chunkSizes, piece, readSize) =>
            {
                List<byte> script = new List<byte>(Encoding.Latin1.GetBytes(Head));
                byte[] framing = new byte[RequestWriter.MaxChunkHeaderLength];
                int at = 0;
                for (int c = 0; at < body.Length; c++)
                {
                    int size = System.Math.Min(chunkSizes[c % chunkSizes.Length], body.Length - at);
                    int length = RequestWriter.ChunkHeader(size, at > 0, framing, 0);
                    script.AddRange(new System.ArraySegment<byte>(framing, 0, length));
                    script.AddRange(new System.ArraySegment<byte>(body, at, size));
                    at += size;
                }

                byte[] last = new byte[RequestWriter.MaxLastChunkLength];
                script.AddRange(new System.ArraySegment<byte>(last, 0, RequestWriter.LastChunk(body.Length > 0, last, 0)));
                script.AddRange(Encoding.Latin1.GetBytes(Next));

                ScriptedTransport transport = new ScriptedTransport(script.ToArray(), piece);
                ResponseReader reader = new ResponseReader(new HttpLimits(), 64);
                reader.Attach(transport);
                reader.ReadHead(false);
                Assert.Equal(ResponseReader.Phase.Chunked, reader.Framing);
                Assert.Equal(body, ResponseSplitProperties.ReadBody(reader, readSize));

                // Decoded exactly: the next response follows, unless some of it came with this
                // one (unasked: the connection is closed instead).
                Assert.Equal(Next.Length, transport.Remaining + reader.Buffered);
                Assert.Equal(reader.Buffered > 0, reader.WillClose);
                Assert.Equal(reader.Buffered > 0, transport.IsClosed);
                if (reader.Buffered > 0)
                {
                    return;
                }

                ResponseHead next = reader.ReadHead(false);
                Assert.Equal(204, next.Status);
                Assert.Equal("yes", next.GetHeader("X-Next"));
                Assert.Equal(0, transport.Remaining);
            }, iter: 25000);
        }
    }
}
