using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    /// <summary>
    /// HttpTransfer over scripted sockets: Location resolution (RFC 3986 section 5.4), the
    /// redirect rules (method and body, same socket or a new one, credentials), and resumable
    /// downloads (Range and If-Range, Content-Range checks, restarts, bounded retries).
    /// </summary>
    [TestClass]
    public class HttpTransferTests
    {
        private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        private const string Whole = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nETag: \"v1\"\r\nLast-Modified: Tue, 01 Dec 2026 10:00:00 GMT\r\n\r\n0123456789";

        private static int _progressCalls;
        private static long _progressDone;
        private static long _progressTotal;

        private static string Redirect(int status, string location)
        {
            return "HTTP/1.1 " + status.ToString() + " Moved\r\n" + (location == null ? "" : "Location: " + location + "\r\n") + "Content-Length: 5\r\n\r\nmoved";
        }

        private static string Partial(string range, string body)
        {
            return "HTTP/1.1 206 Partial Content\r\nContent-Range: " + range + "\r\nContent-Length: " + body.Length.ToString() + "\r\n\r\n" + body;
        }

        private static HttpTransfer Transfer(ScriptedTransportFactory factory)
        {
            HttpTransfer transfer = new HttpTransfer();
            transfer.CreateConnection = factory;
            transfer.RetryDelay = 0;
            return transfer;
        }

        // Downloads http://example.com/file into `sink` (from `offset`, with `validator`) and
        // returns the TransferException it must end with.
        private static TransferException DownloadFailure(HttpTransfer transfer, SinkStream sink, long offset, string validator)
        {
            try
            {
                transfer.Download("http://example.com/file", sink, new byte[64], offset, validator);
            }
            catch (TransferException e)
            {
                return e;
            }

            Assert.IsTrue(false, "no exception");
            return null;
        }

        // Sends the request and returns the TransferException it must end with.
        private static TransferException RequestFailure(HttpTransfer transfer, string method, string url, object body)
        {
            try
            {
                transfer.Request(method, url, body);
            }
            catch (TransferException e)
            {
                return e;
            }

            Assert.IsTrue(false, "no exception");
            return null;
        }

        private static int Count(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part); at >= 0; at = text.IndexOf(part, at + 1))
            {
                count++;
            }

            return count;
        }

        // Records the reported progress in the static fields (the launcher makes no test instance).
        private sealed class ProgressRecorder : ITransferProgress
        {
            public void Report(long done, long total)
            {
                _progressCalls++;
                _progressDone = done;
                _progressTotal = total;
            }
        }

        [DataRow("g", "http://a/b/c/g")]
        [DataRow("./g", "http://a/b/c/g")]
        [DataRow("g/", "http://a/b/c/g/")]
        [DataRow("/g", "http://a/g")]
        [DataRow("//g", "http://g")]
        [DataRow("?y", "http://a/b/c/d;p?y")]
        [DataRow("g?y", "http://a/b/c/g?y")]
        [DataRow("#s", "http://a/b/c/d;p?q")]
        [DataRow("g#s", "http://a/b/c/g")]
        [DataRow("g?y#s", "http://a/b/c/g?y")]
        [DataRow(";x", "http://a/b/c/;x")]
        [DataRow("g;x", "http://a/b/c/g;x")]
        [DataRow("g;x?y#s", "http://a/b/c/g;x?y")]
        [DataRow("", "http://a/b/c/d;p?q")]
        [DataRow(".", "http://a/b/c/")]
        [DataRow("./", "http://a/b/c/")]
        [DataRow("..", "http://a/b/")]
        [DataRow("../", "http://a/b/")]
        [DataRow("../g", "http://a/b/g")]
        [DataRow("../..", "http://a/")]
        [DataRow("../../", "http://a/")]
        [DataRow("../../g", "http://a/g")]
        [DataRow("../../../g", "http://a/g")]
        [DataRow("../../../../g", "http://a/g")]
        [DataRow("/./g", "http://a/g")]
        [DataRow("/../g", "http://a/g")]
        [DataRow("g.", "http://a/b/c/g.")]
        [DataRow(".g", "http://a/b/c/.g")]
        [DataRow("g..", "http://a/b/c/g..")]
        [DataRow("..g", "http://a/b/c/..g")]
        [DataRow("./../g", "http://a/b/g")]
        [DataRow("./g/.", "http://a/b/c/g/")]
        [DataRow("g/./h", "http://a/b/c/g/h")]
        [DataRow("g/../h", "http://a/b/c/h")]
        [DataRow("g;x=1/./y", "http://a/b/c/g;x=1/y")]
        [DataRow("g;x=1/../y", "http://a/b/c/y")]
        [DataRow("g?y/./x", "http://a/b/c/g?y/./x")]
        [DataRow("g?y/../x", "http://a/b/c/g?y/../x")]
        [DataRow("g#s/./x", "http://a/b/c/g")]
        [DataRow("g#s/../x", "http://a/b/c/g")]
        [DataRow("g:h", "g:h")]
        [DataRow("https://o.example:8443/x/../y/./z?q=/../", "https://o.example:8443/y/z?q=/../")]
        [DataRow("HTTPS://o.example", "HTTPS://o.example")]
        public void LocationResolvesAsRfc3986Says(string reference, string expected)
        {
            Assert.AreEqual(expected, HttpTransfer.Resolve("http://a/b/c/d;p?q", reference));
        }

        [TestMethod]
        public void RelativeLocationOnTheSameOriginUsesTheSameSocket()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Redirect(301, "../b?x=1") + Ok);
            HttpTransfer transfer = Transfer(factory);
            HttpResponse response = transfer.Request("GET", "http://example.com/dir/a");
            Assert.AreEqual(200, response.Status);
            Assert.AreEqual("ok", TestBytes.Text(response.Read()));
            Assert.AreEqual(1, factory.Opened);
            string sent = factory.Transport(0).SentText;
            Assert.IsTrue(sent.IndexOf("GET /dir/a HTTP/1.1\r\n") == 0, sent);
            Assert.IsTrue(sent.IndexOf("GET /b?x=1 HTTP/1.1\r\n") > 0, sent);
            Assert.AreEqual("http://example.com/b?x=1", transfer.Url);
        }

        [DataRow(303, "POST")]
        [DataRow(302, "POST")]
        [DataRow(301, "POST")]
        [DataRow(303, "PUT")]
        public void RedirectThatDropsTheBodyContinuesAsGet(int status, string method)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Redirect(status, "/result") + Ok);
            HttpTransfer transfer = Transfer(factory);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Content-Type", "text/plain");
            headers.Add("X-Keep", "1");
            HttpResponse response = transfer.Request(method, "http://example.com/form", TestBytes.Of("data"), headers);
            Assert.AreEqual(200, response.Status);
            string sent = factory.Transport(0).SentText;
            int second = sent.IndexOf("GET /result HTTP/1.1\r\n");
            Assert.IsTrue(second > 0, sent);
            string again = sent.Substring(second);
            Assert.AreEqual(-1, again.IndexOf("Content-Type"));
            Assert.AreEqual(-1, again.IndexOf("Content-Length"));
            Assert.AreEqual(-1, again.IndexOf("data"));
            Assert.IsTrue(again.IndexOf("X-Keep: 1\r\n") > 0);
            Assert.AreEqual(2, headers.Count);
        }

        [DataRow(307, "POST")]
        [DataRow(308, "POST")]
        [DataRow(302, "PUT")]
        [DataRow(301, "DELETE")]
        public void RedirectThatKeepsTheMethodSendsTheBodyAgain(int status, string method)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Redirect(status, "/there") + Ok);
            HttpResponse response = Transfer(factory).Request(method, "http://example.com/here", TestBytes.Of("data"));
            Assert.AreEqual(200, response.Status);
            string sent = factory.Transport(0).SentText;
            int second = sent.IndexOf(method + " /there HTTP/1.1\r\n");
            Assert.IsTrue(second > 0, sent);
            Assert.IsTrue(sent.Substring(second).IndexOf("Content-Length: 4\r\n\r\ndata") > 0, sent);
        }

        [TestMethod]
        public void PermanentRedirectRewindsASeekableStream()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Redirect(308, "/there") + Ok);
            BodyStream body = new BodyStream(TestBytes.Of("stream-body"), true, false);
            Transfer(factory).Request("PUT", "http://example.com/here", body);
            Assert.AreEqual(2, Count(factory.Transport(0).SentText, "\r\n\r\nstream-body"));
        }

        [TestMethod]
        public void TemporaryRedirectWithAForwardOnlyStreamIsNotReplayable()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Redirect(307, "/there") + Ok);
            BodyStream body = new BodyStream(TestBytes.Of("once"), false, false);
            HttpTransfer transfer = Transfer(factory);
            TransferException e = RequestFailure(transfer, "POST", "http://example.com/here", body);
            Assert.AreEqual(TransferException.NotReplayable, e.Reason);
            Assert.AreEqual(307, e.Status);
            Assert.AreEqual("/there", e.Location);
        }

        [TestMethod]
        public void AnotherOriginGetsANewConnectionWithoutCredentials()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Redirect(302, "http://other.example:8080/x"), Redirect(302, "http://example.com/back"), Ok);
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Authorization", "Bearer secret");
            headers.Add("cookie", "id=1");
            headers.Add("Proxy-Authorization", "Basic xyz");
            headers.Add("X-Keep", "1");
            HttpTransfer transfer = Transfer(factory);
            HttpResponse response = transfer.Request("GET", "http://example.com/a", (byte[])null, headers);
            Assert.AreEqual(200, response.Status);
            Assert.AreEqual(3, factory.Opened);
            Assert.IsTrue(factory.Transport(0).SentText.IndexOf("Authorization: Bearer secret") > 0);
            for (int i = 1; i < 3; i++)
            {
                string sent = factory.Transport(i).SentText;
                Assert.AreEqual(-1, sent.IndexOf("secret"), sent);
                Assert.AreEqual(-1, sent.IndexOf("id=1"), sent);
                Assert.AreEqual(-1, sent.IndexOf("xyz"), sent);
                Assert.IsTrue(sent.IndexOf("X-Keep: 1\r\n") > 0, sent);
            }

            Assert.IsTrue(factory.Transport(1).SentText.IndexOf("GET /x HTTP/1.1\r\nHost: other.example:8080\r\n") == 0);
            Assert.IsTrue(factory.Transport(0).IsClosed);
            Assert.AreEqual(4, headers.Count);
        }

        [TestMethod]
        public void RedirectLoopStopsAfterMaxRedirects()
        {
            string loop = Redirect(302, "/loop");
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, loop + loop + loop + loop);
            HttpTransfer transfer = Transfer(factory);
            transfer.MaxRedirects = 2;
            TransferException e = RequestFailure(transfer, "GET", "http://example.com/loop", null);
            Assert.AreEqual(TransferException.TooManyRedirects, e.Reason);
            Assert.AreEqual(302, e.Status);
            Assert.AreEqual("/loop", e.Location);

            Assert.AreEqual(3, Count(factory.Transport(0).SentText, "GET /loop "));
        }

        [DataRow("")]
        [DataRow("ftp://example.com/file")]
        [DataRow("http://user:pw@example.com/")]
        [DataRow("http://example.com:99999/")]
        [DataRow("mailto:someone@example.com")]
        public void UnusableLocationIsBadLocation(string location)
        {
            // "" stands for no Location at all (a null DataRow argument is not allowed).
            location = location.Length == 0 ? null : location;
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Redirect(301, location) + Ok);
            TransferException e = RequestFailure(Transfer(factory), "GET", "http://example.com/a", null);
            Assert.AreEqual(TransferException.BadLocation, e.Reason);
            Assert.AreEqual(301, e.Status);
            Assert.AreEqual(location, e.Location);
        }

        [DataRow("ftp://example.com/")]
        [DataRow("example.com/a")]
        [DataRow("http://u@example.com/")]
        public void RequestNeedsAnAbsoluteHttpUrl(string url)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Ok);
            Assert.ThrowsException(typeof(InvalidUrlException), () => Transfer(factory).Request("GET", url));
            Assert.AreEqual(0, factory.Opened);
        }

        [TestMethod]
        public void DownloadResumesWithRangeAndIfRangeAfterAReset()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Whole, Partial("bytes 4-9/10", "456789"));
            factory.Transport(0).ResetAt = Whole.Length - 6;
            SinkStream sink = new SinkStream(false);
            HttpTransfer transfer = Transfer(factory);
            _progressCalls = 0;
            transfer.Progress = new ProgressRecorder();
            Assert.AreEqual(10L, transfer.Download("http://example.com/file", sink, new byte[3]));
            Assert.AreEqual("0123456789", sink.Text);
            Assert.AreEqual(10L, transfer.Total);
            Assert.AreEqual("\"v1\"", transfer.Validator);
            string resumed = factory.Transport(1).SentText;
            Assert.IsTrue(resumed.IndexOf("\r\nRange: bytes=4-\r\nIf-Range: \"v1\"\r\n") > 0, resumed);
            Assert.AreEqual(10L, _progressDone);
            Assert.AreEqual(10L, _progressTotal);
            Assert.IsTrue(_progressCalls >= 4 && _progressCalls <= 6);
        }

        [TestMethod]
        public void WeakEtagLeavesLastModifiedAsTheValidator()
        {
            string weak = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nETag: W/\"w\"\r\nLast-Modified: Tue, 01 Dec 2026 10:00:00 GMT\r\n\r\n0123";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, weak, Partial("bytes 2-3/4", "23"));
            factory.Transport(0).ResetAt = weak.Length - 2;
            SinkStream sink = new SinkStream(true);
            HttpTransfer transfer = Transfer(factory);
            Assert.AreEqual(4L, transfer.Download("http://example.com/file", sink, new byte[16]));
            Assert.AreEqual(4L, transfer.Total);
            Assert.AreEqual("0123", sink.Text);
            Assert.IsTrue(factory.Transport(1).SentText.IndexOf("If-Range: Tue, 01 Dec 2026 10:00:00 GMT\r\n") > 0);
        }

        [TestMethod]
        public void ShortBodyIsResumed()
        {
            string cut = Whole.Substring(0, Whole.Length - 3);
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, cut, Partial("bytes 7-9/10", "789"));
            SinkStream sink = new SinkStream(false);
            Assert.AreEqual(10L, Transfer(factory).Download("http://example.com/file", sink, new byte[64]));
            Assert.AreEqual("0123456789", sink.Text);
        }

        [DataRow("bytes 3-9/10")]
        [DataRow("bytes 5-9/10")]
        [DataRow("bytes 4-9/11")]
        [DataRow("bytes 4-9/*")]
        [DataRow("bytes 4-3/10")]
        [DataRow("bytes 4-10/10")]
        [DataRow("items 4-9/10")]
        [DataRow("bytes 4-9")]
        [DataRow("bytes */10")]
        public void ContentRangeThatLiesIsBadRange(string range)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Whole, Partial(range, "456789"));
            factory.Transport(0).ResetAt = Whole.Length - 6;
            SinkStream sink = new SinkStream(true);
            TransferException e = DownloadFailure(Transfer(factory), sink, 0, null);
            Assert.AreEqual(TransferException.BadRange, e.Reason);
            Assert.AreEqual(206, e.Status);

            Assert.AreEqual("0123", sink.Text);
        }

        [TestMethod]
        public void BodyLongerThanItsContentRangeIsLengthMismatch()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Whole, "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 4-5/10\r\nContent-Length: 6\r\n\r\n456789");
            factory.Transport(0).ResetAt = Whole.Length - 6;
            SinkStream sink = new SinkStream(true);
            TransferException e = DownloadFailure(Transfer(factory), sink, 0, null);
            Assert.AreEqual(TransferException.LengthMismatch, e.Reason);

            Assert.AreEqual("0123", sink.Text);
        }

        [TestMethod]
        public void PartialContentNobodyAskedForIsBadRange()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Partial("bytes 0-9/10", "0123456789"));
            SinkStream sink = new SinkStream(true);
            TransferException e = DownloadFailure(Transfer(factory), sink, 0, null);
            Assert.AreEqual(TransferException.BadRange, e.Reason);
            Assert.AreEqual(206, e.Status);
            Assert.AreEqual("http://example.com/file", e.Location);

            Assert.AreEqual("", sink.Text);
        }

        [DataRow(416, 7)]
        [DataRow(404, 5)]
        [DataRow(500, 5)]
        public void StatusADownloadCannotUseIsTyped(int status, int reason)
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, "HTTP/1.1 " + status.ToString() + " No\r\nContent-Length: 2\r\n\r\nno");
            SinkStream sink = new SinkStream(true);
            TransferException e = DownloadFailure(Transfer(factory), sink, 4, "\"v1\"");
            Assert.AreEqual(reason, e.Reason);
            Assert.AreEqual(status, e.Status);

            Assert.AreEqual("", sink.Text);
        }

        [TestMethod]
        public void WholeResourceAgainRestartsASeekableDestination()
        {
            string changed = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nETag: \"v2\"\r\n\r\nabcdef";
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Whole, changed);
            factory.Transport(0).ResetAt = Whole.Length - 6;
            SinkStream sink = new SinkStream(true);
            sink.Write(TestBytes.Of("kept:"), 0, 5);
            HttpTransfer transfer = Transfer(factory);
            Assert.AreEqual(10L, transfer.Download("http://example.com/file", sink, new byte[64]));
            Assert.AreEqual("kept:abcdef", sink.Text);
            Assert.AreEqual("\"v2\"", transfer.Validator);
            Assert.AreEqual(6L, transfer.Total);
        }

        [TestMethod]
        public void WholeResourceAgainFailsAForwardOnlyDestination()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Whole, Whole);
            factory.Transport(0).ResetAt = Whole.Length - 6;
            SinkStream sink = new SinkStream(false);
            TransferException e = DownloadFailure(Transfer(factory), sink, 0, null);
            Assert.AreEqual(TransferException.Changed, e.Reason);
            Assert.AreEqual(200, e.Status);

            Assert.AreEqual("0123", sink.Text);
        }

        [TestMethod]
        public void DownloadResumesAfterARebootFromTheSavedValidator()
        {
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Partial("bytes 4-9/10", "456789"));
            SinkStream sink = new SinkStream(false);
            HttpTransfer transfer = Transfer(factory);
            Assert.AreEqual(6L, transfer.Download("http://example.com/file", sink, new byte[64], 4, "\"v1\""));
            Assert.AreEqual("456789", sink.Text);
            Assert.AreEqual(10L, transfer.Total);
            Assert.IsTrue(factory.Transport(0).SentText.IndexOf("Range: bytes=4-\r\nIf-Range: \"v1\"\r\n") > 0);
        }

        [TestMethod]
        public void RetriesAreBounded()
        {
            string rest = Partial("bytes 4-9/10", "456789");
            ScriptedTransportFactory factory = new ScriptedTransportFactory(0, Whole, rest, rest);
            factory.Transport(0).ResetAt = Whole.Length - 6;
            factory.Transport(1).ResetAt = rest.Length - 3;

            SinkStream sink = new SinkStream(false);
            HttpTransfer transfer = Transfer(factory);
            transfer.MaxRetries = 1;
            TransferException e = DownloadFailure(transfer, sink, 0, null);
            Assert.AreEqual(TransferException.Interrupted, e.Reason);
            Assert.AreEqual(206, e.Status);
            Assert.IsNotNull(e.InnerException);

            Assert.AreEqual("0123456", sink.Text);

            Assert.AreEqual(2, factory.Opened);
        }
    }
}
