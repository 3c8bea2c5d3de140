using System;
using System.IO;
using CsCheck;
using Xunit;

namespace HttpNano.Tests.Host.Properties
{
    /// <summary>
    /// The response side is split-invariant: two generated responses, each sent after the
    /// previous one was read, cut into pieces of any sizes, read through
    /// <see cref="ResponseReader"/> with any read sizes, give each response's status, reason,
    /// fields and body, and nothing is left over; sent back to back, the first is read exactly
    /// and what came with it of the second (unasked) closes the connection.
    /// </summary>
    public sealed class ResponseSplitProperties
    {
        private static readonly Gen<(GeneratedResponse First, GeneratedResponse Second, int[] Pieces, int ReadSize, int Window)> Cases =
            Gen.Select(GeneratedResponse.Any, GeneratedResponse.Any, Gen.Int[1, 70].Array[1, 8], Gen.Int[1, 200], Gen.Int[1, 128]);

        [Fact]
        public void AnySplitOfTwoResponsesReadsBackBothExactly()
        {
            Cases.Sample(c =>
            {
                SplitTransport transport = new SplitTransport(c.First.Bytes, c.Pieces);
                ResponseReader reader = new ResponseReader(new HttpLimits(), c.Window);
                reader.Attach(transport);

                AssertReads(reader, c.First, c.ReadSize);
                Assert.Equal(0, reader.Buffered);
                Assert.Equal(0, transport.Remaining);
                Assert.False(reader.WillClose);
                transport.Append(c.Second.Bytes);
                AssertReads(reader, c.Second, c.ReadSize);
                Assert.Equal(0, reader.Buffered);
                Assert.Equal(0, transport.Remaining);
                Assert.False(reader.WillClose);
                Assert.False(transport.IsClosed);
                Assert.Throws<RemoteDisconnectedException>(() => reader.ReadHead(false));

                // Back to back: exactly the first is consumed; bytes of the second already
                // received are unasked and close the connection, else it stays open.
                transport = new SplitTransport(Concat(c.First.Bytes, c.Second.Bytes), c.Pieces);
                reader = new ResponseReader(new HttpLimits(), c.Window);
                reader.Attach(transport);
                AssertReads(reader, c.First, c.ReadSize);
                Assert.Equal(c.Second.Bytes.Length, transport.Remaining + reader.Buffered);
                Assert.Equal(reader.Buffered > 0, transport.IsClosed);
                Assert.Equal(reader.Buffered > 0, reader.WillClose);
            }, iter: 40000, print: c => c.First + " | " + c.Second + " | pieces " + string.Join(",", c.Pieces) + " read " + c.ReadSize + " window " + c.Window);
        }

        private static void AssertReads(ResponseReader reader, GeneratedResponse expected, int readSize)
        {
            ResponseHead head = reader.ReadHead(false);
            Assert.Equal(11, head.Version);
            Assert.Equal(expected.Status, head.Status);
            Assert.Equal(expected.Reason, head.Reason);
            Assert.Equal(expected.Names.Length + 1, head.Count);
            for (int i = 0; i < expected.Names.Length; i++)
            {
                Assert.Equal(expected.Names[i], head.GetName(i));
                Assert.Equal(expected.Values[i], head.GetValue(i));
            }

            Assert.Equal(expected.Chunked ? ResponseReader.Phase.Chunked : ResponseReader.Phase.Length, reader.Framing);
            Assert.Equal(expected.Body, ReadBody(reader, readSize));
            Assert.True(reader.State == ResponseReader.Phase.Done); // a body cut short raises instead
        }

        internal static byte[] ReadBody(ResponseReader reader, int readSize)
        {
            if (reader.State == ResponseReader.Phase.Done)
            {
                // No body: finished at once, as HttpResponse does.
                reader.Finish(true);
            }

            MemoryStream body = new MemoryStream();
            byte[] block = new byte[readSize];
            int read;
            while ((read = reader.ReadBody(block, 0, readSize)) > 0)
            {
                body.Write(block, 0, read);
            }

            return body.ToArray();
        }

        internal static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] all = new byte[a.Length + b.Length];
            a.CopyTo(all, 0);
            b.CopyTo(all, a.Length);
            return all;
        }
    }
}
