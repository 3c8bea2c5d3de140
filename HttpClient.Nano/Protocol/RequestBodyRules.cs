using System;

namespace HttpNano
{
    /// <summary>
    /// CPython's rules for framing a request body (HTTPConnection._send_request and
    /// _get_content_length), decided once per request without allocating:
    /// <code>
    ///   caller sent Content-Length     -> AsGiven (kept even if wrong; never chunk-encoded)
    ///   caller sent Transfer-Encoding  -> ChunkEncodeOnly if encodeChunked, else AsGiven
    ///   no body                        -> Content-Length: 0 when the method expects a body
    ///                                     (POST, PUT, PATCH in any case: servers may answer
    ///                                     411 Length Required without one), nothing otherwise
    ///   body of known length (even 0)  -> Content-Length: that length, for every method
    ///   body of unknown length         -> Transfer-Encoding: chunked, chunk-encoded
    /// </code>
    /// </summary>
    internal static class RequestBodyRules
    {
        /// <summary>Body length meaning "no body at all" (Python's body=None).</summary>
        public const long NoBody = -1;

        /// <summary>Body length meaning "a stream whose length is not known in advance".</summary>
        public const long UnknownLength = -2;

        /// <summary>The header name written for <see cref="RequestBodyFraming.ContentLength"/>.</summary>
        public const string ContentLengthHeader = "Content-Length";

        /// <summary>The header name written for <see cref="RequestBodyFraming.Chunked"/>.</summary>
        public const string TransferEncodingHeader = "Transfer-Encoding";

        /// <summary>The header value written for <see cref="RequestBodyFraming.Chunked"/>.</summary>
        public const string ChunkedValue = "chunked";

        /// <summary>
        /// Decides the framing. <paramref name="methodExpectsBody"/> is
        /// <see cref="RequestWriter.MethodExpectsBody"/>, found while the request line was written.
        /// <paramref name="bodyLength"/> is the body's byte count,
        /// <see cref="NoBody"/> or <see cref="UnknownLength"/>; the two flags say whether the
        /// caller's headers hold Content-Length or Transfer-Encoding (any case).
        /// <paramref name="contentLength"/> is the value to send with
        /// <see cref="RequestBodyFraming.ContentLength"/>, else -1.
        /// </summary>
        public static RequestBodyFraming Decide(bool methodExpectsBody, long bodyLength, bool callerSentContentLength,
            bool callerSentTransferEncoding, bool encodeChunked, out long contentLength)
        {
            contentLength = -1;
            if (bodyLength < UnknownLength)
            {
                throw new ArgumentOutOfRangeException("bodyLength");
            }

            if (callerSentContentLength)
            {
                return RequestBodyFraming.AsGiven;
            }

            if (callerSentTransferEncoding)
            {
                return encodeChunked ? RequestBodyFraming.ChunkEncodeOnly : RequestBodyFraming.AsGiven;
            }

            if (bodyLength == UnknownLength)
            {
                return RequestBodyFraming.Chunked;
            }

            if (bodyLength == NoBody)
            {
                if (!methodExpectsBody)
                {
                    return RequestBodyFraming.AsGiven;
                }

                bodyLength = 0;
            }

            contentLength = bodyLength;
            return RequestBodyFraming.ContentLength;
        }
    }
}
