using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class RequestWriterTests
    {
        private const string AcceptIdentity = "Accept-Encoding: identity\r\n";

        [TestMethod]
        public void GetHeadHasRequestLineHostAcceptEncodingAndEmptyLine()
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("GET", "/foo", "example.com", false);
            writer.EndHeaders();
            AssertWritten("GET /foo HTTP/1.1\r\nHost: example.com\r\n" + AcceptIdentity + "\r\n", writer);
        }

        [DataRow("")]
        [DataRow("/")]
        public void EmptyUrlMeansRoot(string url)
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("GET", url);
            AssertWritten("GET / HTTP/1.1\r\n", writer);
        }

        [TestMethod]
        public void NullUrlMeansRoot()
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("HEAD", null);
            AssertWritten("HEAD / HTTP/1.1\r\n", writer);
        }

        [TestMethod]
        public void SkipHostLeavesHostOut()
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("GET", "/", null, false);
            writer.EndHeaders();
            AssertWritten("GET / HTTP/1.1\r\n" + AcceptIdentity + "\r\n", writer);
        }

        [TestMethod]
        public void SkipAcceptEncodingLeavesItOut()
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("GET", "/", "h", true);
            writer.EndHeaders();
            AssertWritten("GET / HTTP/1.1\r\nHost: h\r\n\r\n", writer);
        }

        [DataRow("http://other.org:8080/x", "other.org:8080")]
        [DataRow("https://other.org/x?q=1", "other.org")]
        [DataRow("http://other.org?q=1", "other.org")]
        [DataRow("http://other.org#frag", "other.org")]
        [DataRow("http://other.org", "other.org")]
        [DataRow("http://[::1]:81/", "[::1]:81")]
        [DataRow("http:///x", "example.com")]
        [DataRow("/http://other.org/", "example.com")]
        [DataRow("httpfoo/x", "example.com")]
        [DataRow("HTTP://other.org/", "example.com")]
        public void AbsoluteFormUrlNamesItsOwnHost(string url, string expectedHost)
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("GET", url, "example.com", true);
            AssertWritten("GET " + url + " HTTP/1.1\r\nHost: " + expectedHost + "\r\n", writer);
        }

        [DataRow("HEAD", true, false)]
        [DataRow("head", true, false)]
        [DataRow("HeAd", true, false)]
        [DataRow("HEADS", false, false)]
        [DataRow("GET", false, false)]
        [DataRow("POST", false, true)]
        [DataRow("put", false, true)]
        [DataRow("Patch", false, true)]
        [DataRow("PATCHES", false, false)]
        [DataRow("XPUT", false, false)]
        public void MethodKindIsFoundWhileWriting(string method, bool isHead, bool expectsBody)
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest(method, "/", "h", false);
            Assert.AreEqual(isHead, writer.MethodIsHead);
            Assert.AreEqual(expectsBody, writer.MethodExpectsBody);
        }

        [TestMethod]
        public void HostLineFollowsAChangedHostValue()
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("GET", "/", "one.example", true);
            AssertWritten("GET / HTTP/1.1\r\nHost: one.example\r\n", writer);
            writer.PutRequest("GET", "/", "two.example:81", true);
            AssertWritten("GET / HTTP/1.1\r\nHost: two.example:81\r\n", writer);
        }

        // A request with the very same strings reuses the bytes the last one wrote: each head
        // below must still be exactly what its own arguments ask for.
        [TestMethod]
        public void RepeatedRequestWritesTheSameHeadAndOnlyThat()
        {
            RequestWriter writer = new RequestWriter();
            string url = "/poll";
            string host = "example.com";
            string usual = "GET /poll HTTP/1.1\r\nHost: example.com\r\n" + AcceptIdentity;
            for (int i = 0; i < 2; i++)
            {
                writer.PutRequest("GET", url, host, false);
                AssertWritten(usual, writer);
                writer.WriteHeader("X-Round", (long)i);
                writer.EndHeaders();
                AssertWritten(usual + "X-Round: " + i + "\r\n\r\n", writer);
            }

            writer.PutRequest("GET", url, null, false);
            AssertWritten("GET /poll HTTP/1.1\r\n" + AcceptIdentity, writer);
            writer.PutRequest("GET", url, host, true);
            AssertWritten("GET /poll HTTP/1.1\r\nHost: example.com\r\n", writer);
            writer.PutRequest("GET", url, host, false);
            AssertWritten(usual, writer);
            writer.PutRequest("GET", url, "other.example", false);
            AssertWritten("GET /poll HTTP/1.1\r\nHost: other.example\r\n" + AcceptIdentity, writer);
            writer.PutRequest("HEAD", url, "other.example", false);
            AssertWritten("HEAD /poll HTTP/1.1\r\nHost: other.example\r\n" + AcceptIdentity, writer);
            Assert.IsTrue(writer.MethodIsHead);

            // Anything written over the kept bytes (a head started directly) is not reused.
            writer.StartRequest("HEAD", url);
            writer.WriteHeader("X", "y");
            writer.PutRequest("HEAD", url, "other.example", false);
            AssertWritten("HEAD /poll HTTP/1.1\r\nHost: other.example\r\n" + AcceptIdentity, writer);
        }

        // An absolute URL names its own Host: repeating it with skipHost leaves Host out.
        [TestMethod]
        public void RepeatedAbsoluteUrlFollowsSkipHost()
        {
            RequestWriter writer = new RequestWriter();
            string url = "http://other.org/x";
            writer.PutRequest("GET", url, "connection.example", false);
            AssertWritten("GET http://other.org/x HTTP/1.1\r\nHost: other.org\r\n" + AcceptIdentity, writer);
            writer.PutRequest("GET", url, "connection.example", false);
            AssertWritten("GET http://other.org/x HTTP/1.1\r\nHost: other.org\r\n" + AcceptIdentity, writer);
            writer.PutRequest("GET", url, null, false);
            AssertWritten("GET http://other.org/x HTTP/1.1\r\n" + AcceptIdentity, writer);
        }

        [TestMethod]
        public void RejectedHostValueKeepsNothingForTheNextRequest()
        {
            RequestWriter writer = new RequestWriter();
            string url = "/poll";
            writer.PutRequest("GET", url, "example.com", false);
            Assert.ThrowsException(typeof(ArgumentException), () => writer.PutRequest("GET", url, "bad\nhost", false));
            writer.PutRequest("GET", url, "example.com", false);
            AssertWritten("GET /poll HTTP/1.1\r\nHost: example.com\r\n" + AcceptIdentity, writer);
        }

        [DataRow("Foo", " bar ", "Foo:  bar \r\n")]
        [DataRow("Bar", "\tbaz\t", "Bar: \tbaz\t\r\n")]
        [DataRow("Authorization", "Bearer mytoken", "Authorization: Bearer mytoken\r\n")]
        [DataRow("LatinHeader", "\u00ff", "LatinHeader: \u00ff\r\n")]
        [DataRow("Utf8Header", "\u00c3\u0080", "Utf8Header: \u00c3\u0080\r\n")]
        [DataRow("C1-Control", "next\u0085line", "C1-Control: next\u0085line\r\n")]
        [DataRow("Embedded-Fold-Space", "is\r\n allowed", "Embedded-Fold-Space: is\r\n allowed\r\n")]
        [DataRow("Embedded-Fold-Tab", "is\r\n\tallowed", "Embedded-Fold-Tab: is\r\n\tallowed\r\n")]
        [DataRow("Empty", "", "Empty: \r\n")]
        public void HeaderIsWrittenAsGiven(string name, string value, string expected)
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("GET", "/");
            int before = writer.Length;
            writer.WriteHeader(name, value);
            AssertWritten("GET / HTTP/1.1\r\n" + expected, writer);
            Assert.AreEqual(before + expected.Length, writer.Length);
        }

        [DataRow(42L, "42")]
        [DataRow(0L, "0")]
        [DataRow(-5L, "-5")]
        [DataRow(-10L, "-10")]
        [DataRow(9223372036854775807L, "9223372036854775807")]
        [DataRow(-9223372036854775808L, "-9223372036854775808")]
        public void NumberValueIsFormattedInDecimal(long value, string expected)
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("PUT", "/");
            writer.WriteHeader("Content-length", value);
            AssertWritten("PUT / HTTP/1.1\r\nContent-length: " + expected + "\r\n", writer);
        }

        [DataRow("IterA|IterB", "IterHeader: IterA\r\n\tIterB\r\n")]
        [DataRow("one", "IterHeader: one\r\n")]
        [DataRow("a|b|c", "IterHeader: a\r\n\tb\r\n\tc\r\n")]
        public void SeveralValuesGoOnContinuationLines(string joinedValues, string expected)
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("GET", "/");
            writer.WriteHeader("IterHeader", joinedValues.Split('|'));
            AssertWritten("GET / HTTP/1.1\r\n" + expected, writer);
        }

        [TestMethod]
        public void NoValuesGiveAnEmptyField()
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("GET", "/");
            writer.WriteHeader("X", new string[0]);
            AssertWritten("GET / HTTP/1.1\r\nX: \r\n", writer);
        }

        [DataRow("GET\r\n")]
        [DataRow("G ET")]
        [DataRow("")]
        public void InvalidMethodIsRejectedBeforeWriting(string method)
        {
            RequestWriter writer = new RequestWriter();
            Assert.ThrowsException(typeof(ArgumentException), () => writer.StartRequest(method, "/"));
            Assert.AreEqual(0, writer.Length);
        }

        [DataRow("/a b")]
        [DataRow("/\r\nX: y")]
        [DataRow("/\u007f")]
        public void InvalidUrlIsRejectedBeforeWriting(string url)
        {
            RequestWriter writer = new RequestWriter();
            Assert.ThrowsException(typeof(InvalidUrlException), () => writer.StartRequest("GET", url));
            Assert.AreEqual(0, writer.Length);
        }

        [DataRow("Invalid:Name", "v", false)]
        [DataRow(" Lead", "v", false)]
        [DataRow("Name", "bad\r\nvalue", false)]
        [DataRow("Name", "bad\nvalue", false)]
        [DataRow("Name", "\u0100", false)]
        [DataRow("Name", "one|bad\r", true)]
        public void InvalidHeaderIsRejectedAndNothingIsWritten(string name, string value, bool several)
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("GET", "/");
            int before = writer.Length;
            if (several)
            {
                Assert.ThrowsException(typeof(ArgumentException), () => writer.WriteHeader(name, value.Split('|')));
            }
            else
            {
                Assert.ThrowsException(typeof(ArgumentException), () => writer.WriteHeader(name, value));
            }

            Assert.AreEqual(before, writer.Length);
        }

        [TestMethod]
        public void InvalidNameOfNumberHeaderIsRejected()
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest("GET", "/");
            int before = writer.Length;
            Assert.ThrowsException(typeof(ArgumentException), () => writer.WriteHeader("Content Length", 5L));
            Assert.AreEqual(before, writer.Length);
        }

        [TestMethod]
        public void HeadThatDoesNotFitGrowsTheBufferOnceAndKeepsIt()
        {
            RequestWriter writer = new RequestWriter(16);
            byte[] small = writer.Buffer;
            writer.PutRequest("GET", "/a/rather/long/path", "example.com", false);
            writer.WriteHeader("X-Long", "0123456789012345678901234567890123456789");
            writer.EndHeaders();
            AssertWritten("GET /a/rather/long/path HTTP/1.1\r\nHost: example.com\r\n" + AcceptIdentity
                + "X-Long: 0123456789012345678901234567890123456789\r\n\r\n", writer);
            Assert.IsTrue(writer.Buffer.Length > small.Length);

            byte[] grown = writer.Buffer;
            writer.PutRequest("GET", "/", "h", true);
            writer.EndHeaders();
            AssertWritten("GET / HTTP/1.1\r\nHost: h\r\n\r\n", writer);
            Assert.IsTrue(object.ReferenceEquals(grown, writer.Buffer));
        }

        [TestMethod]
        public void StartRequestDiscardsThePreviousHead()
        {
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("POST", "/first", "h", false);
            writer.WriteHeader("Content-Length", 3L);
            writer.EndHeaders();
            writer.StartRequest("GET", "/second");
            writer.EndHeaders();
            AssertWritten("GET /second HTTP/1.1\r\n\r\n", writer);
        }

        [TestMethod]
        public void NewHeadEmptiesTheOldOneAndKeepsTheBuffer()
        {
            RequestWriter writer = new RequestWriter();
            byte[] buffer = writer.Buffer;
            writer.PutRequest("GET", "/", "h", false);
            writer.WriteHeader("X-Old", "1");
            writer.StartRequest("GET", "/");
            Assert.AreEqual(16, writer.Length);
            Assert.IsTrue(object.ReferenceEquals(buffer, writer.Buffer));
        }

        [TestMethod]
        public void SameStringsReuseTheRequestLineAndOthersReplaceIt()
        {
            RequestWriter writer = new RequestWriter();
            string url = "/poll";
            writer.PutRequest("HEAD", url, "h", true);
            writer.EndHeaders();
            writer.PutRequest("HEAD", url, "h", true);
            writer.EndHeaders();
            AssertWritten("HEAD /poll HTTP/1.1\r\nHost: h\r\n\r\n", writer);
            Assert.IsTrue(writer.MethodIsHead);

            // A rejected method may have overwritten the start of the line: it is written anew.
            Assert.ThrowsException(typeof(ArgumentException), () => writer.StartRequest("XY Z", url));
            writer.PutRequest("HEAD", url, "h", true);
            writer.EndHeaders();
            AssertWritten("HEAD /poll HTTP/1.1\r\nHost: h\r\n\r\n", writer);

            writer.PutRequest("POST", url, "h", true);
            writer.EndHeaders();
            AssertWritten("POST /poll HTTP/1.1\r\nHost: h\r\n\r\n", writer);
            Assert.IsFalse(writer.MethodIsHead);
            Assert.IsTrue(writer.MethodExpectsBody);

            writer.StartRequest("POST", null);
            writer.EndHeaders();
            AssertWritten("POST / HTTP/1.1\r\n\r\n", writer);
            writer.StartRequest("POST", null);
            writer.EndHeaders();
            AssertWritten("POST / HTTP/1.1\r\n\r\n", writer);
        }

        [TestMethod]
        public void NonPositiveCapacityIsRejected()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RequestWriter(0));
        }

        [DataRow("[2001::]:81", "GET /foo HTTP/1.1\r\nHost: [2001::]:81\r\n" + AcceptIdentity + "\r\n")]
        [DataRow("[2001:102A::]", "GET /foo HTTP/1.1\r\nHost: [2001:102A::]\r\n" + AcceptIdentity + "\r\n")]
        [DataRow("[fe80::%2]", "GET /foo HTTP/1.1\r\nHost: [fe80::]\r\n" + AcceptIdentity + "\r\n")]
        [DataRow("[fe80::%2]:81", "GET /foo HTTP/1.1\r\nHost: [fe80::]:81\r\n" + AcceptIdentity + "\r\n")]
        [DataRow("example.com:8080", "GET /foo HTTP/1.1\r\nHost: example.com:8080\r\n" + AcceptIdentity + "\r\n")]
        [DataRow("example.com:80", "GET /foo HTTP/1.1\r\nHost: example.com\r\n" + AcceptIdentity + "\r\n")]
        public void HostArgumentBecomesTheHostHeader(string hostArgument, string expected)
        {
            int port;
            string host = RequestWriter.ParseHost(hostArgument, RequestWriter.NoPort, 80, out port);
            RequestWriter writer = new RequestWriter();
            writer.PutRequest("GET", "/foo", RequestWriter.HostValue(host, port, 80), false);
            writer.EndHeaders();
            AssertWritten(expected, writer);
        }

        [TestMethod]
        public void PostHeadWithContentLengthMatchesPython()
        {
            RequestWriter writer = new RequestWriter();
            long contentLength;
            int framing = RequestWriter.Decide(true, 12, false, false, false, out contentLength);
            writer.PutRequest("POST", "/", "example.com", false);
            Assert.AreEqual(RequestWriter.AddContentLength, framing);
            writer.WriteHeader(RequestWriter.ContentLengthHeader, contentLength);
            writer.WriteHeader("Content-Type", "text/plain");
            writer.EndHeaders();
            AssertWritten("POST / HTTP/1.1\r\nHost: example.com\r\n" + AcceptIdentity
                + "Content-Length: 12\r\nContent-Type: text/plain\r\n\r\n", writer);
        }

        private static void AssertWritten(string expected, RequestWriter writer)
        {
            byte[] written = new byte[writer.Length];
            Array.Copy(writer.Buffer, 0, written, 0, writer.Length);
            TestBytes.AreEqual(TestBytes.Of(expected), written);
        }
    }
}
