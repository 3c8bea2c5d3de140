using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class RequestBodyRulesTests
    {
        [DataRow("POST")]
        [DataRow("PUT")]
        [DataRow("PATCH")]
        [DataRow("post")]
        [DataRow("Patch")]
        public void NoBodyGetsContentLengthZeroForMethodsExpectingOne(string method)
        {
            long length;
            int framing = RequestWriter.Decide(ExpectsBody(method), RequestWriter.NoBody, false, false, false, out length);
            Assert.AreEqual(RequestWriter.AddContentLength, framing);
            Assert.AreEqual(0L, length);
        }

        [DataRow("GET")]
        [DataRow("CONNECT")]
        [DataRow("DELETE")]
        [DataRow("HEAD")]
        [DataRow("OPTIONS")]
        [DataRow("TRACE")]
        [DataRow("POSTS")]
        public void NoBodyGetsNoFramingForOtherMethods(string method)
        {
            long length;
            int framing = RequestWriter.Decide(ExpectsBody(method), RequestWriter.NoBody, false, false, false, out length);
            Assert.AreEqual(RequestWriter.AsGiven, framing);
            Assert.AreEqual(-1L, length);
        }

        [DataRow("GET", 0L)]
        [DataRow("HEAD", 0L)]
        [DataRow("DELETE", 0L)]
        [DataRow("POST", 0L)]
        [DataRow("GET", 1L)]
        [DataRow("OPTIONS", 1L)]
        [DataRow("PUT", 1L)]
        [DataRow("POST", 12L)]
        [DataRow("POST", 5000000000L)]
        public void KnownLengthIsSentForEveryMethod(string method, long bodyLength)
        {
            long length;
            int framing = RequestWriter.Decide(ExpectsBody(method), bodyLength, false, false, false, out length);
            Assert.AreEqual(RequestWriter.AddContentLength, framing);
            Assert.AreEqual(bodyLength, length);
        }

        [DataRow("POST", false)]
        [DataRow("GET", false)]
        [DataRow("PUT", true)]
        public void UnknownLengthIsChunked(string method, bool encodeChunked)
        {
            long length;
            int framing = RequestWriter.Decide(ExpectsBody(method), RequestWriter.UnknownLength, false, false, encodeChunked, out length);
            Assert.AreEqual(RequestWriter.AddChunked, framing);
            Assert.AreEqual(-1L, length);
        }

        [DataRow(-1L, false, false)]
        [DataRow(12L, false, false)]
        [DataRow(-2L, false, false)]
        [DataRow(-2L, true, true)]
        [DataRow(12L, true, false)]
        public void CallersContentLengthIsKeptAndNeverChunkEncoded(long bodyLength, bool callerSentTransferEncoding, bool encodeChunked)
        {
            long length;
            int framing = RequestWriter.Decide(ExpectsBody("POST"), bodyLength, true, callerSentTransferEncoding, encodeChunked, out length);
            Assert.AreEqual(RequestWriter.AsGiven, framing);
            Assert.AreEqual(-1L, length);
        }

        [DataRow(-2L, false, RequestWriter.AsGiven)]
        [DataRow(12L, false, RequestWriter.AsGiven)]
        [DataRow(-1L, false, RequestWriter.AsGiven)]
        [DataRow(-2L, true, RequestWriter.ChunkEncodeOnly)]
        [DataRow(12L, true, RequestWriter.ChunkEncodeOnly)]
        public void CallersTransferEncodingSendsBodyAsGivenUnlessEncodeChunked(long bodyLength, bool encodeChunked, int expected)
        {
            long length;
            int framing = RequestWriter.Decide(ExpectsBody("POST"), bodyLength, false, true, encodeChunked, out length);
            Assert.AreEqual(expected, framing);
            Assert.AreEqual(-1L, length);
        }

        [TestMethod]
        public void EncodeChunkedAloneDoesNotChangeAKnownLength()
        {
            long length;
            int framing = RequestWriter.Decide(ExpectsBody("POST"), 3, false, false, true, out length);
            Assert.AreEqual(RequestWriter.AddContentLength, framing);
            Assert.AreEqual(3L, length);
        }

        [TestMethod]
        public void NegativeLengthOtherThanTheMarkersIsRejected()
        {
            long length;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => RequestWriter.Decide(ExpectsBody("POST"), -3, false, false, false, out length));
        }

        // Whether the method expects a body, as the writer finds it while writing the request line.
        private static bool ExpectsBody(string method)
        {
            RequestWriter writer = new RequestWriter();
            writer.StartRequest(method, "/");
            return writer.MethodExpectsBody;
        }
    }
}
