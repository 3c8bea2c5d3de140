using System;
using System.IO;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class ResponseReaderTests
    {
        // A response, whether it was to HEAD, the body the reader must deliver.
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nText", false, "Text")]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false, "")]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nText\r\nAnother", false, "Text\r\nAnother")]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 14432\r\n\r\n", true, "")]
        [DataRow("HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n", false, "")]
        [DataRow("HTTP/1.1 304 Not Modified\r\nETag: x\r\n\r\n", false, "")]
        [DataRow("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false, "ok")]
        [DataRow("HTTP/1.1 100 Continue\r\nX-Interim: a\r\nX-More: b\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", false, "ok")]
        [DataRow("HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", false, "x")]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n", false, "body")]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", true, "")]
        public void BodyIsReadExactlyAndUnaskedBytesEndReuse(string response, bool requestWasHead, string body)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                foreach (int readSize in new int[] { 1, 3, 100 })
                {
                    ScriptedTransport transport;
                    ResponseReader reader = ResponseHarness.Reader(response + ResponseHarness.NextResponse, piece, out transport);
                    reader.ReadHead(requestWasHead);
                    Assert.AreEqual(body, ResponseHarness.ReadBody(reader, readSize)); // a body cut short would raise
                    ResponseHarness.AssertEndsExactly(reader, transport);
                }
            }
        }

        [TestMethod]
        public void InterimHeadersAreNotPartOfFinalHead()
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 100 Continue\r\nX-Interim: a\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 1);
            ResponseHead head = reader.ReadHead(false);
            Assert.AreEqual(200, head.Status);
            Assert.AreEqual("OK", head.Reason);
            Assert.AreEqual(1, head.Count);
            Assert.IsNull(head.GetHeader("X-Interim"));
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void InterimResponsesAreCapped(int piece)
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxInterimResponses = 2;
            string two = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n";
            string final = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(two + final, piece, limits, out transport);
            Assert.AreEqual(200, reader.ReadHead(false).Status);

            reader = ResponseHarness.Reader(two + "HTTP/1.1 100 Continue\r\n\r\n" + final, piece, limits, out transport);
            Assert.ThrowsException(typeof(HttpException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.WillClose);
        }

        [TestMethod]
        public void InterimHeadUsesTheSameLimits()
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxHeaderCount = 1;
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 100 Continue\r\nA: 1\r\nB: 2\r\n\r\nHTTP/1.1 200 OK\r\n\r\n", 0, limits, out transport);
            Assert.ThrowsException(typeof(HttpException), () => reader.ReadHead(false));
        }

        [DataRow(0)]
        [DataRow(1)]
        public void EndOfStreamAfterContinueIsRemoteDisconnected(int piece)
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 100 Continue\r\n\r\n", piece);
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => reader.ReadHead(false));
        }

        [TestMethod]
        public void SwitchingProtocolsIsFinal()
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\nraw", 0);
            Assert.AreEqual(101, reader.ReadHead(false).Status);
            Assert.AreEqual((int)ResponseReader.Phase.Done, (int)reader.Framing);
            Assert.IsTrue(ResponseHarness.IsDone(reader));
            Assert.IsTrue(reader.WillClose);
            Assert.AreEqual(3, reader.Buffered);
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void PartialReadsAreClippedToContentLength(int piece)
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nTextHTTP/1.1", piece);
            reader.ReadHead(false);
            Assert.AreEqual(4L, ResponseHarness.Length(reader));
            byte[] block = new byte[10];
            int total = 0;
            while (total < 2)
            {
                total += reader.ReadBody(block, total, 2 - total);
            }

            Assert.AreEqual(2L, ResponseHarness.Length(reader));
            Assert.IsFalse(ResponseHarness.IsDone(reader));
            while (total < 4)
            {
                total += reader.ReadBody(block, total, 10 - total);
            }

            Assert.AreEqual("Text", TestBytes.Text(block, 0, 4));
            Assert.IsTrue(ResponseHarness.IsDone(reader));
            Assert.AreEqual(0L, ResponseHarness.Length(reader));
            Assert.AreEqual(0, reader.ReadBody(block, 0, 10));
        }

        [TestMethod]
        public void ReadOfZeroBytesReturnsZeroWithoutEndingTheBody()
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\n\r\nText", 0);
            reader.ReadHead(false);
            Assert.AreEqual(0, reader.ReadBody(new byte[4], 0, 0));
            Assert.IsFalse(ResponseHarness.IsDone(reader));
            Assert.AreEqual("Text", ResponseHarness.ReadBody(reader, 4));
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void CloseDelimitedBodyEndsAtEndOfStream(int piece)
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nAll of this\r\nis body", piece);
            reader.ReadHead(false);
            Assert.AreEqual((int)ResponseReader.Phase.UntilClose, (int)reader.Framing);
            Assert.AreEqual(-1L, ResponseHarness.Length(reader));
            Assert.IsTrue(reader.WillClose);
            Assert.AreEqual("All of this\r\nis body", ResponseHarness.ReadBody(reader, 5)); // not cut short: no exception
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void ShortContentLengthBodyEndsEarly(int piece)
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nText", piece);
            reader.ReadHead(false);
            // The bytes that came, then an error (never a clean end), the missing count in it.
            byte[] block = new byte[16];
            int read = 0;
            IncompleteReadException error = null;
            try
            {
                int n;
                while ((n = reader.ReadBody(block, read, 3)) > 0)
                {
                    read += n;
                }
            }
            catch (IncompleteReadException e)
            {
                error = e;
            }

            Assert.AreEqual("Text", TestBytes.Text(block, 0, read));
            Assert.IsNotNull(error);
            Assert.AreEqual(6L, error.Expected);
            Assert.AreEqual(0, error.Partial.Length);
            Assert.AreEqual(6L, ResponseHarness.Length(reader));
            Assert.IsTrue(reader.WillClose);
            Assert.IsNull(reader.Transport);
            Assert.ThrowsException(typeof(IncompleteReadException), () => reader.ReadBody(new byte[4], 0, 4));
        }

        [TestMethod]
        public void HugeContentLengthWithShortBodyEndsEarlyWithoutAllocating()
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nabc", 0);
            reader.ReadHead(false);
            byte[] block = new byte[16];
            Assert.AreEqual(3, reader.ReadBody(block, 0, 16));
            Assert.AreEqual("abc", TestBytes.Text(block, 0, 3));
            Assert.ThrowsException(typeof(IncompleteReadException), () => reader.ReadBody(block, 0, 16));
            Assert.AreEqual(9223372036854775807L - 3, ResponseHarness.Length(reader));
        }

        [TestMethod]
        public void EmptyReceiveBufferReceivesStraightIntoCallerBuffer()
        {
            ScriptedTransport transport;
            string head = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n";
            ResponseReader reader = ResponseHarness.Reader(head + "0123456789", head.Length, new HttpLimits(), out transport);
            reader.ReadHead(false);
            Assert.AreEqual(0, reader.Buffered);
            byte[] mine = new byte[16];
            transport.PieceSize = 0;
            Assert.AreEqual(10, reader.ReadBody(mine, 3, 16 - 3));
            Assert.IsTrue(transport.LastReceiveBuffer == mine);
            Assert.AreEqual("0123456789", TestBytes.Text(mine, 3, 10));
            Assert.IsTrue(ResponseHarness.IsDone(reader));
        }

        [TestMethod]
        public void ContentLengthNeverReceivesPastTheBody()
        {
            ScriptedTransport transport;
            string head = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n";
            ResponseReader reader = ResponseHarness.Reader(head + "abc" + ResponseHarness.NextResponse, head.Length, new HttpLimits(), out transport);
            reader.ReadHead(false);
            transport.PieceSize = 0;
            byte[] mine = new byte[64];
            Assert.AreEqual(3, reader.ReadBody(mine, 0, 64));
            Assert.AreEqual(ResponseHarness.NextResponse.Length, transport.Remaining);
            ResponseHarness.AssertEndsExactly(reader, transport);
        }

        [TestMethod]
        public void ReadHeadBeforeBodyIsReadIsResponseNotReady()
        {
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nText" + ResponseHarness.NextResponse, 0, out transport);
            reader.ReadHead(false);
            Assert.ThrowsException(typeof(ResponseNotReadyException), () => reader.ReadHead(false));
            Assert.AreEqual("Text", ResponseHarness.ReadBody(reader, 8));
            ResponseHarness.AssertEndsExactly(reader, transport);
        }

        [TestMethod]
        public void InvalidContentLengthFailsTheReader()
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello", 0);
            Assert.ThrowsException(typeof(HttpException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.WillClose);
            Assert.ThrowsException(typeof(HttpException), () => reader.ReadBody(new byte[8], 0, 8));
        }

        [TestMethod]
        public void ResetDuringBodyPropagatesAndSticks()
        {
            ScriptedTransport transport;
            string script = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc";
            ResponseReader reader = ResponseHarness.Reader(script + "defghij", 0, new HttpLimits(), out transport);
            transport.ResetAt = script.Length;
            reader.ReadHead(false);
            byte[] block = new byte[10];
            Assert.AreEqual(3, reader.ReadBody(block, 0, 10));
            Assert.ThrowsException(typeof(IOException), () => reader.ReadBody(block, 0, 10));
            Assert.IsTrue(reader.WillClose);
            Assert.ThrowsException(typeof(IOException), () => reader.ReadBody(block, 0, 10));
        }

        [TestMethod]
        public void AttachStartsAfreshOnANewTransport()
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 abc\r\n\r\n", 0);
            Assert.ThrowsException(typeof(BadStatusLineException), () => reader.ReadHead(false));
            reader.Attach(new ScriptedTransport(ResponseHarness.NextResponse, 1));
            Assert.IsFalse(reader.WillClose);
            ResponseHarness.AssertNextResponseFollows(reader);
        }

        [TestMethod]
        public void ReadHeadWithoutTransportIsNotConnected()
        {
            ResponseReader reader = new ResponseReader(new HttpLimits(), 16);
            Assert.ThrowsException(typeof(NotConnectedException), () => reader.ReadHead(false));
        }

        [TestMethod]
        public void KeepAliveSequenceStaysInSync()
        {
            // One response per request: each arrives after the previous one was read.
            string[] responses = new string[]
            {
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6;x=y\r\nsecond\r\n0\r\nT: 1\r\n\r\n",
                "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfifth"
            };
            string[] bodies = new string[] { "first", "second", "", "fifth" };
            int[] readSizes = new int[] { 2, 4, 4, 64 };
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                ScriptedTransport transport;
                ResponseReader reader = ResponseHarness.Reader(responses[0], piece, out transport);
                for (int i = 0; i < responses.Length; i++)
                {
                    if (i > 0)
                    {
                        transport.Append(TestBytes.Of(responses[i]));
                    }

                    ResponseHead head = reader.ReadHead(false);
                    Assert.AreEqual(i == 2 ? 304 : 200, head.Status);
                    Assert.AreEqual(bodies[i], ResponseHarness.ReadBody(reader, readSizes[i]));
                    Assert.IsFalse(reader.WillClose);
                    Assert.AreEqual(0, reader.Buffered);
                    Assert.AreEqual(0, transport.Remaining);
                    Assert.IsFalse(transport.IsClosed);
                }

                transport.Append(TestBytes.Of(ResponseHarness.NextResponse));
                ResponseHarness.AssertNextResponseFollows(reader);
            }
        }

        [TestMethod]
        public void PipelinedResponsesAreNeverReadAsLaterAnswers()
        {
            // The same responses sent at once: what came with the first is unasked.
            string first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst";
            string script = first
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6;x=y\r\nsecond\r\n0\r\nT: 1\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n";
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(script, 0, out transport);
            reader.ReadHead(false);
            Assert.IsFalse(reader.WillClose);
            Assert.AreEqual("first", ResponseHarness.ReadBody(reader, 2));
            Assert.IsTrue(reader.WillClose);
            Assert.IsTrue(transport.IsClosed);
            Assert.AreEqual(script.Length - first.Length, reader.Buffered);
            Assert.ThrowsException(typeof(NotConnectedException), () => reader.ReadHead(false));
        }

        // A complete response, then bytes nobody asked for yet in the same receive.
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "GARBAGE", false)]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", "H", false)]
        [DataRow("HTTP/1.1 204 No Content\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n", false)]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", "ok", true)]
        public void UnaskedBytesCloseTheConnection(string response, string unasked, bool requestWasHead)
        {
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader(response + unasked, 0, out transport);
            reader.ReadHead(requestWasHead);
            ResponseHarness.ReadBody(reader, 64);
            Assert.IsTrue(transport.IsClosed);
            Assert.IsTrue(reader.WillClose);
            Assert.AreEqual(unasked.Length, reader.Buffered);
            Assert.ThrowsException(typeof(NotConnectedException), () => reader.ReadHead(false));

            // Arriving later, the same bytes are the answer to the next request.
            reader = ResponseHarness.Reader(response, 0, out transport);
            reader.ReadHead(requestWasHead);
            ResponseHarness.ReadBody(reader, 64);
            Assert.IsFalse(transport.IsClosed);
            Assert.IsFalse(reader.WillClose);
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void InterimResponsesInTheSameReceiveAreNotUnasked(int piece)
        {
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", piece, out transport);
            Assert.AreEqual(200, reader.ReadHead(false).Status);
            Assert.AreEqual("ok", ResponseHarness.ReadBody(reader, 64));
            Assert.IsFalse(reader.WillClose);
            Assert.IsFalse(transport.IsClosed);
        }

        [DataRow(0)]
        [DataRow(1)]
        public void ReceivedNothingTellsWhetherAnyByteArrived(int piece)
        {
            // End of stream or a reset before the first byte: nothing arrived.
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader("", piece, out transport);
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.ReceivedNothing);

            reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\n\r\n", piece, out transport);
            transport.ResetAt = 0;
            Assert.ThrowsException(typeof(IOException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.ReceivedNothing);

            // After part of a status line: something arrived.
            reader = ResponseHarness.Reader("HTTP/1.1 2", piece, out transport);
            Assert.ThrowsException(typeof(BadStatusLineException), () => reader.ReadHead(false));
            Assert.IsFalse(reader.ReceivedNothing);

            reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\n\r\n", piece, out transport);
            transport.ResetAt = 5;
            Assert.ThrowsException(typeof(IOException), () => reader.ReadHead(false));
            Assert.IsFalse(reader.ReceivedNothing);

            // An interim response is part of the answer, also when ReadContinue consumed it.
            reader = ResponseHarness.Reader("HTTP/1.1 100 Continue\r\n\r\n", piece, out transport);
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => reader.ReadHead(false));
            Assert.IsFalse(reader.ReceivedNothing);

            reader = ResponseHarness.Reader("HTTP/1.1 100 Continue\r\n\r\n", piece, out transport);
            Assert.IsTrue(reader.ReadContinue());
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => reader.ReadHead(false));
            Assert.IsFalse(reader.ReceivedNothing);
        }

        [TestMethod]
        public void ReceivedNothingStartsAfreshAfterAKeptResponse()
        {
            // A kept-alive socket the server closed before the next answer: nothing of it arrived.
            ScriptedTransport transport;
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 0, out transport);
            reader.ReadHead(false);
            Assert.IsFalse(reader.ReceivedNothing);
            Assert.AreEqual("ok", ResponseHarness.ReadBody(reader, 8));
            Assert.IsFalse(transport.IsClosed);
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.ReceivedNothing);

            // A reset there too.
            reader = ResponseHarness.Reader("HTTP/1.1 204 No Content\r\n\r\n", 0, out transport);
            reader.ReadHead(false);
            Assert.AreEqual("", ResponseHarness.ReadBody(reader, 8));
            transport.ResetAt = transport.Position;
            Assert.ThrowsException(typeof(IOException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.ReceivedNothing);
        }
    }
}
