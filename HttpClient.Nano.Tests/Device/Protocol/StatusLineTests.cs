using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class StatusLineTests
    {
        [DataRow("HTTP/1.1 200 OK\r\n\r\n", 11, 200, "OK")]
        [DataRow("HTTP/1.0 404 Not Found\r\n\r\n", 10, 404, "Not Found")]
        [DataRow("HTTP/1.1 200\r\n\r\n", 11, 200, "")]
        [DataRow("HTTP/1.1 200 \r\n\r\n", 11, 200, "")]
        [DataRow("HTTP/1.1 999 Top\r\n\r\n", 11, 999, "Top")]
        [DataRow("HTTP/1.1 100 Continue\r\n\r\n", 11, 100, "Continue")]
        [DataRow("HTTP/1.1  500   Server  Error \r\n\r\n", 11, 500, "Server  Error")]
        [DataRow("HTTP/1.1 200 OK\n\n", 11, 200, "OK")]
        [DataRow("HTTP/1.1 200 caf\u00e9 \u00ff\r\n\r\n", 11, 200, "caf\u00e9 \u00ff")]
        public void ValidStatusLineParses(string text, int version, int status, string reason)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                int consumed;
                ResponseHead parser = ResponseHarness.ParseHead(text + ResponseHarness.NextResponse, piece, out consumed);
                Assert.IsTrue(parser.IsComplete);
                Assert.AreEqual(text.Length, consumed);
                Assert.AreEqual(version, parser.Version);
                Assert.AreEqual(status, parser.Status);
                Assert.AreEqual(reason, parser.Reason);
                Assert.AreEqual(0, parser.Count);
            }
        }

        [DataRow("HTTP/1.1 400.100 Not Ok", "HTTP/1.1 400.100 Not Ok")]
        [DataRow("HTTP/1.1 2000 OK", "HTTP/1.1 2000 OK")]
        [DataRow("HTTP/1.1 20 OK", "HTTP/1.1 20 OK")]
        [DataRow("HTTP/1.1 099 Low", "HTTP/1.1 099 Low")]
        [DataRow("HTTP/1.1 abc OK", "HTTP/1.1 abc OK")]
        [DataRow("HTTP/1.1 +20 OK", "HTTP/1.1 +20 OK")]
        [DataRow("HTTP/1.1", "HTTP/1.1")]
        [DataRow("HTTP/1.1 ", "HTTP/1.1 ")]
        [DataRow("ICY 200 OK", "ICY 200 OK")]
        [DataRow("http/1.1 200 OK", "http/1.1 200 OK")]
        [DataRow("", "")]
        [DataRow("<html>", "<html>")]
        public void MalformedStatusLineIsBadStatusLine(string line, string reported)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                BadStatusLineException error = null;
                try
                {
                    int consumed;
                    ResponseHarness.ParseHead(line + "\r\nX: y\r\n\r\n", piece, out consumed);
                }
                catch (BadStatusLineException e)
                {
                    error = e;
                }

                Assert.IsNotNull(error);
                Assert.AreEqual(typeof(BadStatusLineException).Name, error.GetType().Name);
                Assert.AreEqual(reported, error.Line);
            }
        }

        [DataRow("HTTP/2.0 200 OK", "HTTP/2.0")]
        [DataRow("HTTP/1.2 200 OK", "HTTP/1.2")]
        [DataRow("HTTP/0.9 200 OK", "HTTP/0.9")]
        [DataRow("HTTP/ 200 OK", "HTTP/")]
        public void OtherVersionIsUnknownProtocol(string line, string version)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                UnknownProtocolException error = null;
                try
                {
                    int consumed;
                    ResponseHarness.ParseHead(line + "\r\n\r\n", piece, out consumed);
                }
                catch (UnknownProtocolException e)
                {
                    error = e;
                }

                Assert.IsNotNull(error);
                Assert.AreEqual(version, error.Version);
            }
        }

        [TestMethod]
        public void BadStatusCodeWinsOverUnknownVersion()
        {
            // CPython validates the code before the version.
            int consumed;
            Assert.ThrowsException(typeof(BadStatusLineException), () => ResponseHarness.ParseHead("HTTP/2.0 abc\r\n\r\n", 0, out consumed));
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void StatusLineLongerThanLimitIsLineTooLong(int piece)
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxLineLength = 20;
            int consumed;
            // 20 bytes with CRLF: accepted.
            ResponseHead fits = ResponseHarness.ParseHead("HTTP/1.1 200 abcde\r\n\r\n", piece, limits, out consumed);
            Assert.IsTrue(fits.IsComplete);

            LineTooLongException error = null;
            try
            {
                ResponseHarness.ParseHead("HTTP/1.1 200 abcdef\r\n\r\n", piece, limits, out consumed);
            }
            catch (LineTooLongException e)
            {
                error = e;
            }

            Assert.IsNotNull(error);
            Assert.AreEqual(LineTooLongException.StatusLine, error.LineType);
        }

        [TestMethod]
        public void EndlessStatusLineFailsWithoutWaitingForLineEnd()
        {
            HttpLimits limits = new HttpLimits();
            limits.MaxLineLength = 64;
            ResponseHead parser = new ResponseHead(limits);
            byte[] bytes = new byte[100];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)'H';
            }

            parser.Reset(bytes, 0);
            Assert.AreEqual(64, parser.Parse(bytes, 0, 64));
            Assert.ThrowsException(typeof(LineTooLongException), () => parser.Parse(bytes, 64, 1));
        }

        [TestMethod]
        public void ErrorIsSticky()
        {
            byte[] bytes = TestBytes.Of("HTTP/1.1 abc\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");
            ResponseHead parser = new ResponseHead(new HttpLimits());
            parser.Reset(bytes, 0);
            Assert.ThrowsException(typeof(BadStatusLineException), () => parser.Parse(bytes, 0, 14));
            Assert.ThrowsException(typeof(BadStatusLineException), () => parser.Parse(bytes, 14, 3));
            Assert.IsFalse(parser.IsComplete);
        }

        [TestMethod]
        public void ResetAfterCompleteHeadParsesAgain()
        {
            byte[] bytes = TestBytes.Of("HTTP/1.1 200 OK\r\nA: 1\r\n\r\nHTTP/1.0 301 Moved\r\n\r\n");
            ResponseHead parser = new ResponseHead(new HttpLimits());
            parser.Reset(bytes, 0);
            int first = parser.Parse(bytes, 0, bytes.Length);
            Assert.AreEqual(25, first);
            Assert.AreEqual(0, parser.Parse(bytes, first, bytes.Length - first));
            parser.Reset(bytes, first);
            Assert.AreEqual(bytes.Length - first, parser.Parse(bytes, first, bytes.Length - first));
            Assert.AreEqual(301, parser.Status);
            Assert.AreEqual(10, parser.Version);
            Assert.AreEqual(0, parser.Count);
            Assert.AreEqual("Moved", parser.Reason);
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(7)]
        public void NothingBeforeEndOfStreamIsRemoteDisconnected(int piece)
        {
            ResponseReader reader = ResponseHarness.Reader("", piece);
            Assert.ThrowsException(typeof(RemoteDisconnectedException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.WillClose);
        }

        [DataRow("HTTP/1.1 200 O", "HTTP/1.1 200 O")]
        [DataRow("HTTP/1.1 200 OK\r", "HTTP/1.1 200 OK")]
        [DataRow("H", "H")]
        public void EndOfStreamInsideStatusLineIsBadStatusLine(string script, string reported)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                ResponseReader reader = ResponseHarness.Reader(script, piece);
                BadStatusLineException error = null;
                try
                {
                    reader.ReadHead(false);
                }
                catch (BadStatusLineException e)
                {
                    error = e;
                }

                Assert.IsNotNull(error);
                Assert.AreEqual("BadStatusLineException", error.GetType().Name);
                Assert.AreEqual(reported, error.Line);
            }
        }

        [DataRow("HTTP/1.1 200 OK\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Le")]
        [DataRow("HTTP/1.1 200 OK\r\nA: 1\r\n\r")]
        public void EndOfStreamInsideHeadersIsHttpException(string script)
        {
            foreach (int piece in ResponseHarness.PieceSizes)
            {
                ResponseReader reader = ResponseHarness.Reader(script, piece);
                Assert.ThrowsException(typeof(HttpException), () => reader.ReadHead(false));
                Assert.IsTrue(reader.WillClose);
            }
        }

        [TestMethod]
        public void BadStatusLineLeavesReaderFailed()
        {
            ResponseReader reader = ResponseHarness.Reader("HTTP/1.1 abc\r\n\r\n" + ResponseHarness.NextResponse, 0);
            Assert.ThrowsException(typeof(BadStatusLineException), () => reader.ReadHead(false));
            Assert.IsTrue(reader.WillClose);
            Assert.ThrowsException(typeof(BadStatusLineException), () => reader.ReadHead(false));
            Assert.ThrowsException(typeof(BadStatusLineException), () => reader.ReadBody(new byte[4], 0, 4));
        }
    }
}
