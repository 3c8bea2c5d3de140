using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class ChunkedBodyTests
    {
        private const string ChunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

        [DataRow("4\r\nbody\r\n0\r\n\r\n", "body")]
        [DataRow("0\r\n\r\n", "")]
        [DataRow("1\r\na\r\n2\r\nbc\r\n3\r\ndef\r\n0\r\n\r\n", "abcdef")]
        [DataRow("A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", "0123456789abcdefghij")]
        [DataRow("0004\r\nbody\r\n000\r\n\r\n", "body")]
        [DataRow("4;name=value\r\nbody\r\n0;last=1\r\n\r\n", "body")]
        [DataRow("4;a;b=\"x;y\"\r\nbody\r\n0;z\r\n\r\n", "body")]
        [DataRow("4 \r\nbody\r\n0\t;x\r\n\r\n", "body")]
        [DataRow("4\nbody\n0\n\n", "body")]
        [DataRow("4\r\nbody\r\n0\r\nX-Trailer: 1\r\nY: 2\r\n\r\n", "body")]
        [DataRow("4\r\nbody\r\n0\nX-Trailer: 1\n\n", "body")]
        [DataRow("5\r\n\r\n\r\n\r\r\n0\r\n\r\n", "\r\n\r\n\r")]
        public void ValidChunkedBodyIsDecodedExactly(string chunks, string body)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                foreach (int readSize in new int[] { 1, 3, 100 })
                {
                    ScriptedTransport transport;
                    ResponseReader reader = ResponseHarness.Reader(ChunkedHead + chunks + ResponseHarness.NextResponse, piece, out transport);
                    reader.ReadHead(false);
                    Assert.AreEqual((int)ResponseReader.Phase.Chunked, (int)reader.Framing);
                    Assert.AreEqual(-1L, ResponseHarness.Length(reader));
                    Assert.IsFalse(reader.WillClose);
                    Assert.AreEqual(body, ResponseHarness.ReadBody(reader, readSize)); // a body cut short would raise
                    ResponseHarness.AssertEndsExactly(reader, transport);
                }
            }
        }

        // The last chunk arrived, then the stream ended inside the trailers or before the final CRLF.
        [DataRow("4\r\nbody\r\n0\r\n", "body")]
        [DataRow("4\r\nbody\r\n0\r\n\r", "body")]
        [DataRow("4\r\nbody\r\n0\r\nX-Trailer: 1\r\n", "body")]
        [DataRow("4\r\nbody\r\n0\r\nX-Trail", "body")]
        [DataRow("4\r\nbody\r\n0", "body")]
        [DataRow("4\r\nbody\r\n0;ext", "body")]
        public void MissingFinalLineEndIsToleratedAtEndOfStream(string chunks, string body)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                ResponseReader reader = ResponseHarness.Reader(ChunkedHead + chunks, piece);
                reader.ReadHead(false);
                Assert.AreEqual(body, ResponseHarness.ReadBody(reader, 3)); // a body cut short would raise
                Assert.IsTrue(reader.WillClose);
            }
        }

        [DataRow("")]
        [DataRow("4")]
        [DataRow("4\r\n")]
        [DataRow("4\r\nbo")]
        [DataRow("4\r\nbody")]
        [DataRow("4\r\nbody\r")]
        [DataRow("4\r\nbody\r\n")]
        [DataRow("4\r\nbody\r\n1")]
        public void EndOfStreamInsideChunksEndsEarly(string chunks)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                ResponseReader reader = ResponseHarness.Reader(ChunkedHead + chunks, piece);
                reader.ReadHead(false);

                // As CPython: a chunked body cut short is an error, after the data before it.
                Assert.ThrowsException(typeof(IncompleteReadException), () => ResponseHarness.ReadBody(reader, 3));
                Assert.IsTrue(reader.WillClose);
                Assert.IsNull(reader.Transport);
                Assert.ThrowsException(typeof(IncompleteReadException), () => reader.ReadBody(new byte[4], 0, 4));
            }
        }

        [DataRow("x\r\nbody\r\n0\r\n\r\n")]
        [DataRow("\r\n")]
        [DataRow(";ext\r\nbody\r\n0\r\n\r\n")]
        [DataRow(" 4\r\nbody\r\n0\r\n\r\n")]
        [DataRow("-1\r\n")]
        [DataRow("0x4\r\nbody\r\n0\r\n\r\n")]
        [DataRow("4 4\r\nbody\r\n0\r\n\r\n")]
        [DataRow("4\rX\nbody\r\n0\r\n\r\n")]
        [DataRow("4\r\nbodyXX0\r\n\r\n")]
        [DataRow("4\r\nbody\rX0\r\n\r\n")]
        [DataRow("4\r\nbody\r\nzz\r\n")]
        [DataRow("4\r\nbody\r\n0\r\n\rX")]
        [DataRow("8000000000000000\r\n")]
        [DataRow("10000000000000000\r\n")]
        [DataRow("FFFFFFFFFFFFFFFFFF\r\n")]
        public void InvalidFramingIsIncompleteRead(string chunks)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                ResponseReader reader = ResponseHarness.Reader(ChunkedHead + chunks + ResponseHarness.NextResponse, piece);
                reader.ReadHead(false);
                Assert.ThrowsException(typeof(IncompleteReadException), () => ResponseHarness.ReadBody(reader, 3));
                Assert.IsTrue(reader.WillClose);
                Assert.ThrowsException(typeof(IncompleteReadException), () => reader.ReadBody(new byte[4], 0, 4));
            }
        }

        [TestMethod]
        public void LargestChunkSizeIsAccepted()
        {
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "7fffffffffffffff\r\nabc", 0);
            reader.ReadHead(false);
            byte[] block = new byte[16];
            Assert.AreEqual(3, reader.ReadBody(block, 0, 16));
            Assert.AreEqual("abc", TestBytes.Text(block, 0, 3));
            Assert.ThrowsException(typeof(IncompleteReadException), () => reader.ReadBody(block, 0, 16));
            Assert.IsTrue(reader.WillClose);
        }

        [TestMethod]
        public void DataBeforeInvalidFramingIsDelivered()
        {
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "4\r\nbody\r\nzz\r\n", 1);
            reader.ReadHead(false);
            byte[] block = new byte[4];
            int total = 0;
            while (total < 4)
            {
                total += reader.ReadBody(block, total, 4 - total);
            }

            Assert.AreEqual("body", TestBytes.Text(block));
            Assert.ThrowsException(typeof(IncompleteReadException), () => reader.ReadBody(block, 0, 4));
        }

        [TestMethod]
        public void BodyIsDoneWithTheLastDataWhenTheEndIsAlreadyBuffered()
        {
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "4\r\nbody\r\n0\r\n\r\n" + ResponseHarness.NextResponse, 0, out transport);
            reader.ReadHead(false);
            byte[] block = new byte[16];
            Assert.AreEqual(4, reader.ReadBody(block, 0, 16));
            Assert.IsTrue(ResponseHarness.IsDone(reader));
            ResponseHarness.AssertEndsExactly(reader, transport);
        }

        [TestMethod]
        public void SmallReadsOfChunkDataRefillTheWindow()
        {
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "6\r\nabcdef\r\n0\r\n\r\n", ChunkedHead.Length, new HttpLimits(), out transport);
            reader.ReadHead(false);
            transport.PieceSize = 3; // "6\r\n" arrives alone, so the data is not buffered
            byte[] mine = new byte[64];

            // A read smaller than a window refills the window, even when the chunk fills it:
            // one receive serves several small reads (a receive costs far more than a copy).
            Assert.AreEqual(3, reader.ReadBody(mine, 10, 5));
            Assert.IsFalse(transport.LastReceiveBuffer == mine);
            Assert.AreEqual("abc", TestBytes.Text(mine, 10, 3));
            Assert.AreEqual(3, reader.ReadBody(mine, 13, 3));
            Assert.AreEqual("abcdef", TestBytes.Text(mine, 10, 6));
            Assert.AreEqual("", ResponseHarness.ReadBody(reader, 64));

            // A read larger than the rest of the chunk refills the window, so the framing after
            // the chunk comes in the same receive; the caller's buffer gets only the data.
            reader = ResponseHarness.Reader(ChunkedHead + "6\r\nabcdef\r\n0\r\n\r\n", ChunkedHead.Length, new HttpLimits(), out transport);
            reader.ReadHead(false);
            transport.PieceSize = 3;
            Assert.AreEqual(3, reader.ReadBody(mine, 10, 54));
            Assert.IsFalse(transport.LastReceiveBuffer == mine);
            Assert.AreEqual("abc", TestBytes.Text(mine, 10, 3));
            Assert.AreEqual("def", ResponseHarness.ReadBody(reader, 64));
        }

        [TestMethod]
        public void ChunkDataIsReceivedStraightIntoCallerBufferByWindowSizedReads()
        {
            // The harness reader's window is MaxHeaderBytes + 64 behind the head.
            int size = HttpLimits.DefaultMaxHeaderBytes + 64;
            string data = new string('d', size);
            string sizeLine = size.ToString("x") + "\r\n";
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + sizeLine + data + "\r\n0\r\n\r\n", 0, new HttpLimits(), out transport);
            transport.PieceSize = ChunkedHead.Length + sizeLine.Length; // the head and the size line only
            reader.ReadHead(false);
            transport.PieceSize = 0;
            byte[] mine = new byte[size + 100];
            Assert.AreEqual(size, reader.ReadBody(mine, 100, size));
            Assert.IsTrue(transport.LastReceiveBuffer == mine);
            Assert.AreEqual(data, TestBytes.Text(mine, 100, size));
            Assert.AreEqual("", ResponseHarness.ReadBody(reader, 64)); // a body cut short would raise
        }

        [TestMethod]
        public void ChunksAfterUnbufferedDataGoIntoTheCallersBufferOnly()
        {
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "6\r\nabcdef\r\n3\r\nghi\r\n0\r\n\r\n" + ResponseHarness.NextResponse, ChunkedHead.Length + 3, new HttpLimits(), out transport);
            reader.ReadHead(false); // the head and "6\r\n": the chunk's data is not buffered
            transport.PieceSize = 0;
            byte[] mine = new byte[64];
            for (int i = 0; i < mine.Length; i++)
            {
                mine[i] = 0xEE;
            }

            // One receive: the first chunk's data, the framing behind it, the second chunk and
            // the next response, into the read window. The call returns both chunks and ends the
            // body; nothing beyond them is written.
            Assert.AreEqual(9, reader.ReadBody(mine, 10, 54));
            Assert.AreEqual(2, transport.ReceiveCalls);
            Assert.AreEqual("abcdefghi", TestBytes.Text(mine, 10, 9));
            Assert.AreEqual(0xEE, (int)mine[9]);
            Assert.AreEqual(0xEE, (int)mine[19]);
            Assert.IsTrue(ResponseHarness.IsDone(reader));
            Assert.AreEqual(0, reader.ReadBody(mine, 0, 64));
            ResponseHarness.AssertEndsExactly(reader, transport);
        }

        [TestMethod]
        public void TwoLargeChunksAfterTheHead()
        {
            // As nginx sends a 64 KiB file through SSI: two large chunks.
            string first = new string('a', 300);
            string second = new string('b', 300);
            string chunks = "12c\r\n" + first + "\r\n12c\r\n" + second + "\r\n0\r\n\r\n";
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + chunks + ResponseHarness.NextResponse, ChunkedHead.Length + 5 + 100, new HttpLimits(), out transport);
            reader.ReadHead(false); // the head, "12c\r\n" and 100 bytes of data
            transport.PieceSize = 200 + 2 + 5 + 300; // the rest of a chunk, its framing and the next chunk
            byte[] block = new byte[1024];
            int total = 0;
            int read;
            while ((read = reader.ReadBody(block, total, block.Length - total)) > 0)
            {
                total += read;
            }

            Assert.AreEqual(first + second, TestBytes.Text(block, 0, total));
            Assert.AreEqual(3, transport.ReceiveCalls); // head, one receive for both chunks, the final framing
            ResponseHarness.AssertEndsExactly(reader, transport);
        }

        [TestMethod]
        public void InvalidFramingAfterChunkDataIsRaisedOnTheNextRead()
        {
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "6\r\nabcdef\r\nzz\r\n", ChunkedHead.Length + 3, new HttpLimits(), out transport);
            reader.ReadHead(false);
            transport.PieceSize = 0;
            byte[] block = new byte[64];
            Assert.AreEqual(6, reader.ReadBody(block, 0, 64));
            Assert.AreEqual("abcdef", TestBytes.Text(block, 0, 6));
            Assert.ThrowsException(typeof(IncompleteReadException), () => reader.ReadBody(block, 0, 64));
            Assert.IsTrue(reader.WillClose);
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void ChunkSizeLineLimit(int piece)
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxLineLength = 30; // the head's longest line is 28 bytes
            ScriptedTransport transport;
            // "4;abcdefghijklmnopqrstuvwxyz\r\n" is 30 bytes.
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "4;abcdefghijklmnopqrstuvwxyz\r\nbody\r\n0\r\n\r\n", piece, limits, out transport);
            reader.ReadHead(false);
            Assert.AreEqual("body", ResponseHarness.ReadBody(reader, 8));

            reader = ResponseHarness.Reader(ChunkedHead + "4;abcdefghijklmnopqrstuvwxyzA\r\nbody\r\n0\r\n\r\n", piece, limits, out transport);
            reader.ReadHead(false);
            LineTooLongException error = null;
            try
            {
                ResponseHarness.ReadBody(reader, 8);
            }
            catch (LineTooLongException e)
            {
                error = e;
            }

            Assert.IsNotNull(error);
            Assert.AreEqual(LineTooLongException.ChunkSizeLine, error.LineType);
            Assert.ThrowsException(typeof(LineTooLongException), () => reader.ReadBody(new byte[8], 0, 8));
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void TrailerLineLimit(int piece)
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxLineLength = 30; // the head's longest line is 28 bytes
            ScriptedTransport transport;
            // "X-Trail: 1234567890123456789\r\n" is 30 bytes.
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "4\r\nbody\r\n0\r\nX-Trail: 1234567890123456789\r\n\r\n" + ResponseHarness.NextResponse, piece, limits, out transport);
            reader.ReadHead(false);
            Assert.AreEqual("body", ResponseHarness.ReadBody(reader, 8));
            ResponseHarness.AssertEndsExactly(reader, transport);

            reader = ResponseHarness.Reader(ChunkedHead + "4\r\nbody\r\n0\r\nX-Trail: 12345678901234567890\r\n\r\n", piece, limits, out transport);
            reader.ReadHead(false);
            LineTooLongException error = null;
            try
            {
                ResponseHarness.ReadBody(reader, 8);
            }
            catch (LineTooLongException e)
            {
                error = e;
            }

            Assert.IsNotNull(error);
            Assert.AreEqual(LineTooLongException.TrailerLine, error.LineType);
        }

        [TestMethod]
        public void TrailerSectionSizeLimit()
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxTrailerBytes = 10;
            ScriptedTransport transport;
            // "A: 1\r\nB: 2\r\n\r\n" is 14 bytes; "A: 12\r\n\r\n" is 9.
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "0\r\nA: 12\r\n\r\n", 1, limits, out transport);
            reader.ReadHead(false);
            Assert.AreEqual("", ResponseHarness.ReadBody(reader, 8));

            reader = ResponseHarness.Reader(ChunkedHead + "0\r\nA: 1\r\nB: 2\r\n\r\n", 1, limits, out transport);
            reader.ReadHead(false);
            Assert.ThrowsException(typeof(HttpException), () => ResponseHarness.ReadBody(reader, 8));
        }

        [TestMethod]
        public void TrailerCountLimit()
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxHeaderCount = 2;
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "0\r\nA: 1\r\nB: 2\r\n\r\n", 0, limits, out transport);
            reader.ReadHead(false);
            Assert.AreEqual("", ResponseHarness.ReadBody(reader, 8));

            reader = ResponseHarness.Reader(ChunkedHead + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", 0, limits, out transport);
            reader.ReadHead(false);
            Assert.ThrowsException(typeof(HttpException), () => ResponseHarness.ReadBody(reader, 8));
        }

        [TestMethod]
        public void DecoderStopsAtDataAndAtTheEnd()
        {
            // The framing is consumed exactly: "NEXT" after the trailers stays buffered.
            ResponseReader reader = ResponseHarness.Reader(ChunkedHead + "3;x\r\nabc\r\n0\r\n\r\nNEXT", 0);
            reader.ReadHead(false);
            byte[] block = new byte[16];
            Assert.AreEqual(3, reader.ReadBody(block, 0, 16));
            Assert.AreEqual("abc", TestBytes.Text(block, 0, 3));
            Assert.IsTrue(ResponseHarness.IsDone(reader));
            Assert.AreEqual(4, reader.Buffered);
            Assert.AreEqual(0, reader.ReadBody(block, 0, 16));

            // "NEXT" came with the response unasked: the connection is closed.
            Assert.IsTrue(reader.WillClose);
        }
    }
}
