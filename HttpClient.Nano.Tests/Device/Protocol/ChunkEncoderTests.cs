using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class ChunkEncoderTests
    {
        // Pieces of the body are separated by '|'; an empty piece stands for a read that gave nothing.
        [DataRow("", "0\r\n\r\n")]
        [DataRow("|", "0\r\n\r\n")]
        [DataRow("hello", "5\r\nhello\r\n0\r\n\r\n")]
        [DataRow("hello| world", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")]
        [DataRow("a||b", "1\r\na\r\n1\r\nb\r\n0\r\n\r\n")]
        [DataRow("|a|", "1\r\na\r\n0\r\n\r\n")]
        [DataRow("0123456789abcdef", "10\r\n0123456789abcdef\r\n0\r\n\r\n")]
        [DataRow("0\r\n\r\n", "5\r\n0\r\n\r\n\r\n0\r\n\r\n")]
        public void PiecesAreFramedEmptyOnesSkippedAndTheBodyTerminated(string pieces, string expected)
        {
            TestBytes.AreEqual(TestBytes.Of(expected), Encode(pieces.Split('|')));
        }

        [DataRow(1, "1\r\n")]
        [DataRow(10, "a\r\n")]
        [DataRow(255, "ff\r\n")]
        [DataRow(4096, "1000\r\n")]
        [DataRow(2147483647, "7fffffff\r\n")]
        public void SizeIsHex(int size, string expected)
        {
            byte[] scratch = new byte[RequestWriter.MaxChunkHeaderLength];
            int length = RequestWriter.ChunkHeader(size, false, scratch, 0);
            Assert.AreEqual(expected, TestBytes.Text(scratch, 0, length));
        }

        [TestMethod]
        public void LaterChunkHeaderClosesThePreviousChunk()
        {
            byte[] scratch = new byte[RequestWriter.MaxChunkHeaderLength];
            int length = RequestWriter.ChunkHeader(int.MaxValue, true, scratch, 0);
            Assert.AreEqual("\r\n7fffffff\r\n", TestBytes.Text(scratch, 0, length));
            Assert.AreEqual(RequestWriter.MaxChunkHeaderLength, length);
        }

        [DataRow(false, "0\r\n\r\n")]
        [DataRow(true, "\r\n0\r\n\r\n")]
        public void LastChunkEndsTheBody(bool afterChunk, string expected)
        {
            byte[] scratch = new byte[RequestWriter.MaxLastChunkLength];
            int length = RequestWriter.LastChunk(afterChunk, scratch, 0);
            Assert.AreEqual(expected, TestBytes.Text(scratch, 0, length));
        }

        [TestMethod]
        public void FramingIsWrittenAtTheOffsetOnly()
        {
            byte[] scratch = TestBytes.Of("..........................");
            int header = RequestWriter.ChunkHeader(26, true, scratch, 3);
            int last = RequestWriter.LastChunk(true, scratch, 3 + header);
            Assert.AreEqual("...\r\n1a\r\n\r\n0\r\n\r\n..........", TestBytes.Text(scratch));
            Assert.AreEqual(6, header);
            Assert.AreEqual(7, last);
        }

        [DataRow(0)]
        [DataRow(-1)]
        public void EmptyPieceIsRefusedBecauseItWouldEndTheBody(int size)
        {
            byte[] scratch = new byte[RequestWriter.MaxChunkHeaderLength];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RequestWriter.ChunkHeader(size, false, scratch, 0));
        }

        /// <summary>Encodes the pieces as a connection sends them: framing from scratch, data in place.</summary>
        private static byte[] Encode(string[] pieces)
        {
            byte[] scratch = new byte[RequestWriter.MaxChunkHeaderLength];
            byte[] sent = new byte[0];
            bool afterChunk = false;
            for (int i = 0; i < pieces.Length; i++)
            {
                byte[] data = TestBytes.Of(pieces[i]);
                if (data.Length == 0)
                {
                    continue;
                }

                int length = RequestWriter.ChunkHeader(data.Length, afterChunk, scratch, 0);
                sent = TestBytes.Concat(sent, Slice(scratch, length));
                sent = TestBytes.Concat(sent, data);
                afterChunk = true;
            }

            int end = RequestWriter.LastChunk(afterChunk, scratch, 0);
            return TestBytes.Concat(sent, Slice(scratch, end));
        }

        private static byte[] Slice(byte[] bytes, int count)
        {
            byte[] slice = new byte[count];
            Array.Copy(bytes, 0, slice, 0, count);
            return slice;
        }
    }
}
