using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    /// <summary>
    /// Feeds response scripts to the head (<see cref="ResponseHead.Parse"/>) and to <see cref="ResponseReader"/> in the three
    /// ways every protocol case is tested: whole, one byte at a time, and in odd-sized pieces.
    /// </summary>
    public static class ResponseHarness
    {
        /// <summary>Piece sizes: 0 = whole (as much as fits), 1 = byte by byte, 7 = odd pieces.</summary>
        public static readonly int[] PieceSizes = new int[] { 0, 1, 7 };

        /// <summary>A second response sent after the one under test; it must parse cleanly.</summary>
        public const string NextResponse = "HTTP/1.1 204 Next\r\nX-Next: yes\r\n\r\n";

        /// <summary>
        /// Parses <paramref name="text"/> into a head, handing it <paramref name="piece"/>
        /// new bytes per call (0: all at once), and returns the head; <paramref name="consumed"/>
        /// is the total it consumed, which must stop exactly after the head.
        /// </summary>
        internal static ResponseHead ParseHead(string text, int piece, HttpLimits limits, out int consumed)
        {
            byte[] bytes = TestBytes.Of(text);
            ResponseHead parser = new ResponseHead(limits);
            parser.Reset(bytes, 0);
            int arrived = 0;
            consumed = 0;
            while (!parser.IsComplete && arrived < bytes.Length)
            {
                int step = bytes.Length - arrived;
                if (piece > 0 && piece < step)
                {
                    step = piece;
                }

                arrived += step;
                consumed += parser.Parse(bytes, consumed, arrived - consumed);
            }

            return parser;
        }

        /// <summary>Parses with default limits.</summary>
        internal static ResponseHead ParseHead(string text, int piece, out int consumed)
        {
            return ParseHead(text, piece, new HttpLimits(), out consumed);
        }

        /// <summary>A head parsed whole with default limits; fails unless it is complete.</summary>
        internal static ResponseHead Head(string text)
        {
            int consumed;
            ResponseHead head = ParseHead(text, 0, out consumed);
            Assert.IsTrue(head.IsComplete);
            return head;
        }

        /// <summary>A reader attached to a transport serving <paramref name="script"/>.</summary>
        internal static ResponseReader Reader(string script, int piece, HttpLimits limits, out ScriptedTransport transport)
        {
            transport = new ScriptedTransport(script, piece);
            ResponseReader reader = new ResponseReader(limits, 64);
            reader.Attach(transport);
            return reader;
        }

        /// <summary>A reader with default limits.</summary>
        internal static ResponseReader Reader(string script, int piece, out ScriptedTransport transport)
        {
            return Reader(script, piece, new HttpLimits(), out transport);
        }

        /// <summary>A reader with default limits.</summary>
        internal static ResponseReader Reader(string script, int piece)
        {
            ScriptedTransport transport;
            return Reader(script, piece, new HttpLimits(), out transport);
        }

        /// <summary>Body bytes still expected, as <see cref="HttpResponse.Length"/> shows them: -1 when unknown.</summary>
        internal static long Length(ResponseReader reader)
        {
            return reader.Framing <= ResponseReader.Phase.Length ? reader.Left : -1;
        }

        /// <summary>Whether the reader's body is over (<see cref="HttpResponse.IsClosed"/>).</summary>
        internal static bool IsDone(ResponseReader reader)
        {
            return reader.State == ResponseReader.Phase.Done;
        }

        /// <summary>
        /// Reads the body to its end, <paramref name="readSize"/> bytes per call, as text. A
        /// response without a body is finished first, as <see cref="HttpResponse"/> does.
        /// </summary>
        internal static string ReadBody(ResponseReader reader, int readSize)
        {
            if (IsDone(reader))
            {
                reader.Finish(true);
            }

            byte[] all = new byte[0];
            byte[] block = new byte[readSize];
            int read;
            while ((read = reader.ReadBody(block, 0, readSize)) > 0)
            {
                byte[] piece = new byte[read];
                Array.Copy(block, 0, piece, 0, read);
                all = TestBytes.Concat(all, piece);
            }

            Assert.IsTrue(IsDone(reader));
            return TestBytes.Text(all);
        }

        /// <summary>
        /// Proves exact consumption of a response followed by <see cref="NextResponse"/> in the
        /// script: the reader took every byte before it and none of it. Bytes of it already
        /// received are unasked (nobody sent a request for them yet): the socket is closed and
        /// they are never read as an answer. When none was received, the connection stays open
        /// and the next response is read whole from it.
        /// </summary>
        internal static void AssertEndsExactly(ResponseReader reader, ScriptedTransport transport)
        {
            Assert.AreEqual(NextResponse.Length, transport.Remaining + reader.Buffered);
            if (reader.Buffered > 0)
            {
                Assert.IsTrue(transport.IsClosed);
                Assert.IsTrue(reader.WillClose);
                Assert.ThrowsException(typeof(NotConnectedException), () => reader.ReadHead(false));
                return;
            }

            Assert.IsFalse(transport.IsClosed);
            AssertNextResponseFollows(reader);
        }

        /// <summary>Fails unless the reader's next head is <see cref="NextResponse"/>, proving exact consumption.</summary>
        internal static void AssertNextResponseFollows(ResponseReader reader)
        {
            ResponseHead next = reader.ReadHead(false);
            Assert.AreEqual(204, next.Status);
            Assert.AreEqual("Next", next.Reason);
            Assert.AreEqual("yes", next.GetHeader("X-Next"));
            Assert.AreEqual(1, next.Count);
            Assert.IsTrue(IsDone(reader));
        }
    }
}
