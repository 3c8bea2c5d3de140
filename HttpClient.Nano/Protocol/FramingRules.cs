namespace HttpNano
{
    /// <summary>
    /// Decides, once per response, how its body is delimited and whether the connection can be
    /// reused afterwards, by the precedence of RFC 9112 section 6.3:
    /// <list type="number">
    /// <item>a response to HEAD, or status 1xx, 204 or 304: no body, whatever the fields say;</item>
    /// <item>Transfer-Encoding whose final coding is chunked: chunked (a Content-Length next to
    /// it is ignored, and the connection is not reused: that mix is how responses get smuggled);
    /// any other Transfer-Encoding: read until close;</item>
    /// <item>a valid Content-Length: that many bytes; an invalid one (not digits only, more
    /// than 64 bits, or a list of differing values) is an unrecoverable error;</item>
    /// <item>otherwise: read until close.</item>
    /// </list>
    /// Reuse follows CPython: HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with
    /// "Connection: keep-alive", a Keep-Alive field or "Proxy-Connection: keep-alive".
    /// Allocates nothing.
    /// </summary>
    internal sealed class FramingRules
    {
        private const int ContentLength = ResponseHead.ContentLength;
        private const int TransferEncoding = ResponseHead.TransferEncoding;
        private const int Connection = ResponseHead.Connection;
        private const int KeepAliveToken = ResponseHead.KeepAlive;

        /// <summary>How the body ends.</summary>
        public BodyFraming Framing { get; private set; }

        /// <summary>Body length for <see cref="BodyFraming.ContentLength"/>, 0 for <see cref="BodyFraming.None"/>, else -1.</summary>
        public long Length { get; private set; }

        /// <summary>Whether the connection must be closed after this response.</summary>
        public bool WillClose { get; private set; }

        /// <summary>
        /// Applies the rules to <paramref name="head"/>. Throws <see cref="HttpException"/> for an
        /// invalid Content-Length (the response must be discarded and the connection closed).
        /// </summary>
        public void Decide(ResponseHead head, bool requestWasHead)
        {
            int status = head.Status;
            bool close = PeerWantsClose(head) || status == 101;
            bool hasTransferEncoding = head.IndexOf(TransferEncoding, 0) >= 0;

            if (requestWasHead || status < 200 || status == 204 || status == 304)
            {
                Set(BodyFraming.None, 0, close);
            }
            else if (hasTransferEncoding)
            {
                // An HTTP/1.0 message with Transfer-Encoding, or one that also has Content-Length,
                // has suspect framing: use it for this response, then drop the connection.
                bool suspect = head.Version == 10 || head.IndexOf(ContentLength, 0) >= 0;
                if (FinalCodingIsChunked(head))
                {
                    Set(BodyFraming.Chunked, -1, close || suspect);
                }
                else
                {
                    Set(BodyFraming.UntilClose, -1, true);
                }
            }
            else if (head.IndexOf(ContentLength, 0) >= 0)
            {
                Set(BodyFraming.ContentLength, ParseContentLength(head), close);
            }
            else
            {
                Set(BodyFraming.UntilClose, -1, true);
            }
        }

        private void Set(BodyFraming framing, long length, bool willClose)
        {
            Framing = framing;
            Length = length;
            WillClose = willClose;
        }

        private static bool PeerWantsClose(ResponseHead head)
        {
            if (head.Version == 11)
            {
                return head.HasToken(Connection, ResponseHead.Close);
            }

            return !(head.HasToken(Connection, KeepAliveToken)
                || head.IndexOf(ResponseHead.KeepAlive, 0) >= 0
                || head.HasToken(ResponseHead.ProxyConnection, KeepAliveToken));
        }

        // The last coding of the last Transfer-Encoding field, e.g. "gzip, chunked" -> chunked.
        private static bool FinalCodingIsChunked(ResponseHead head)
        {
            int last = -1;
            for (int i = head.IndexOf(TransferEncoding, 0); i >= 0; i = head.IndexOf(TransferEncoding, i + 1))
            {
                last = i;
            }

            byte[] b = head.Buffer;
            int start = head.ValueOffset(last);
            int end = start + head.ValueLength(last);
            int codingStart = end;
            while (codingStart > start && b[codingStart - 1] != ',')
            {
                codingStart--;
            }

            while (codingStart < end && Ascii.IsWhitespace(b[codingStart]))
            {
                codingStart++;
            }

            return ResponseHead.EqualsKnown(b, codingStart, end - codingStart, ResponseHead.Chunked);
        }

        // Every element of every Content-Length field must be the same run of digits.
        private static long ParseContentLength(ResponseHead head)
        {
            long length = -1;
            byte[] b = head.Buffer;
            for (int i = head.IndexOf(ContentLength, 0); i >= 0; i = head.IndexOf(ContentLength, i + 1))
            {
                int at = head.ValueOffset(i);
                int end = at + head.ValueLength(i);
                while (true)
                {
                    while (at < end && Ascii.IsWhitespace(b[at]))
                    {
                        at++;
                    }

                    long value = 0;
                    int digits = 0;
                    while (at < end && b[at] >= '0' && b[at] <= '9')
                    {
                        int digit = b[at] - '0';
                        if (value > (long.MaxValue - digit) / 10)
                        {
                            throw InvalidContentLength();
                        }

                        value = value * 10 + digit;
                        digits++;
                        at++;
                    }

                    while (at < end && Ascii.IsWhitespace(b[at]))
                    {
                        at++;
                    }

                    if (digits == 0 || (length >= 0 && value != length) || (at < end && b[at] != ','))
                    {
                        throw InvalidContentLength();
                    }

                    length = value;
                    if (at == end)
                    {
                        break;
                    }

                    at++; // the comma
                }
            }

            return length;
        }

        private static HttpException InvalidContentLength()
        {
            return new HttpException("invalid Content-Length");
        }
    }
}
