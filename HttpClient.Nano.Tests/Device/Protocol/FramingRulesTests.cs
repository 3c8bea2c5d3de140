using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    /// <summary>The framing and reuse decision of <see cref="ResponseReader.Decide"/> (RFC 9112 section 6.3).</summary>
    [TestClass]
    public class FramingRulesTests
    {
        private const int None = (int)ResponseReader.Phase.Done;
        private const int Length = (int)ResponseReader.Phase.Length;
        private const int Chunked = (int)ResponseReader.Phase.Chunked;
        private const int UntilClose = (int)ResponseReader.Phase.UntilClose;

        // status line, fields (CRLF-separated), request was HEAD -> framing, length, will close
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 5", false, Length, 5L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 0", false, Length, 0L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 5, 5", false, Length, 5L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 5\r\nContent-Length: 5", false, Length, 5L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 9223372036854775807", false, Length, 9223372036854775807L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 007", false, Length, 7L, false)]
        [DataRow("HTTP/1.1 200 OK", "", false, UntilClose, -1L, true)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", false, Chunked, -1L, false)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: CHUNKED", false, Chunked, -1L, false)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: gzip, chunked", false, Chunked, -1L, false)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: \t chunked \t ", false, Chunked, -1L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length:\t 5 \t", false, Length, 5L, false)]
        [DataRow("HTTP/1.1 200 OK", "Connection: \tclose\t \r\nContent-Length: 1", false, Length, 1L, true)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked", false, Chunked, -1L, false)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: chunked, gzip", false, UntilClose, -1L, true)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: gzip", false, UntilClose, -1L, true)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\nContent-Length: 5", false, Chunked, -1L, true)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 5\r\nTransfer-Encoding: chunked", false, Chunked, -1L, true)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\nContent-Length: bogus", false, Chunked, -1L, true)]
        [DataRow("HTTP/1.0 200 OK", "Transfer-Encoding: chunked\r\nConnection: keep-alive", false, Chunked, -1L, true)]
        [DataRow("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\nContent-Length: 5", true, None, 0L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 14432", true, None, 0L, false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: bogus", true, None, 0L, false)]
        [DataRow("HTTP/1.1 204 No Content", "Content-Length: 5", false, None, 0L, false)]
        [DataRow("HTTP/1.1 304 Not Modified", "Transfer-Encoding: chunked", false, None, 0L, false)]
        [DataRow("HTTP/1.1 100 Continue", "", false, None, 0L, false)]
        [DataRow("HTTP/1.1 103 Early Hints", "Link: </a>", false, None, 0L, false)]
        [DataRow("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", false, None, 0L, true)]
        [DataRow("HTTP/1.1 205 Reset Content", "Content-Length: 0", false, Length, 0L, false)]
        public void FramingFollowsRfc9112(string statusLine, string fields, bool requestWasHead, int framing, long length, bool willClose)
        {
            ResponseHead head = ResponseHarness.Head(statusLine + "\r\n" + (fields.Length > 0 ? fields + "\r\n" : "") + "\r\n");
            ResponseReader rules = new ResponseReader(new HttpLimits(), 16);
            rules.Decide(head, requestWasHead);
            Assert.AreEqual(framing, (int)rules.Framing);
            Assert.AreEqual(length, ResponseHarness.Length(rules));
            Assert.AreEqual(framing == None || length == 0, ResponseHarness.IsDone(rules));
            Assert.AreEqual(willClose, rules.WillClose);
        }

        [DataRow("Content-Length: -1")]
        [DataRow("Content-Length: +5")]
        [DataRow("Content-Length: 5x")]
        [DataRow("Content-Length: 0x10")]
        [DataRow("Content-Length: 5 6")]
        [DataRow("Content-Length: 5.0")]
        [DataRow("Content-Length:")]
        [DataRow("Content-Length: 5,")]
        [DataRow("Content-Length: ,5")]
        [DataRow("Content-Length: 5, 6")]
        [DataRow("Content-Length: 5\r\nContent-Length: 6")]
        [DataRow("Content-Length: 9223372036854775808")]
        [DataRow("Content-Length: 99999999999999999999999")]
        public void InvalidContentLengthIsHttpException(string fields)
        {
            ResponseHead head = ResponseHarness.Head("HTTP/1.1 200 OK\r\n" + fields + "\r\n\r\n");
            ResponseReader rules = new ResponseReader(new HttpLimits(), 16);
            Assert.ThrowsException(typeof(HttpException), () => rules.Decide(head, false));
        }

        // Persistence, CPython's rules.
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 0", false)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 0\r\nConnection: close", true)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 0\r\nConnection: CLOSE", true)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 0\r\nConnection: Upgrade, Close", true)]
        [DataRow("HTTP/1.1 200 OK", "Content-Length: 0\r\nConnection: keep-alive", false)]
        [DataRow("HTTP/1.0 200 OK", "Content-Length: 0", true)]
        [DataRow("HTTP/1.0 200 OK", "Content-Length: 0\r\nConnection: Keep-Alive", false)]
        [DataRow("HTTP/1.0 200 OK", "Content-Length: 0\r\nKeep-Alive: timeout=5", false)]
        [DataRow("HTTP/1.0 200 OK", "Content-Length: 0\r\nProxy-Connection: keep-alive", false)]
        [DataRow("HTTP/1.0 200 OK", "Content-Length: 0\r\nProxy-Connection: close", true)]
        [DataRow("HTTP/1.0 200 OK", "Connection: keep-alive", true)]
        [DataRow("HTTP/1.0 204 No Content", "", true)]
        [DataRow("HTTP/1.1 204 No Content", "Connection: close", true)]
        public void WillCloseFollowsPersistenceRules(string statusLine, string fields, bool willClose)
        {
            ResponseHead head = ResponseHarness.Head(statusLine + "\r\n" + (fields.Length > 0 ? fields + "\r\n" : "") + "\r\n");
            ResponseReader rules = new ResponseReader(new HttpLimits(), 16);
            rules.Decide(head, false);
            Assert.AreEqual(willClose, rules.WillClose);
        }
    }
}
