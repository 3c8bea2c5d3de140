using System;

namespace HttpNano
{
    /// <summary>
    /// Chunked transfer coding for request bodies (RFC 9112 section 7.1) without copying the
    /// data: only the framing is written, into a small scratch buffer, and the caller sends each
    /// piece of data straight from where it lies.
    /// <code>
    ///   piece 1:  "&lt;hex&gt;\r\n"        data
    ///   piece n:  "\r\n&lt;hex&gt;\r\n"    data     (the CRLF that ends the previous chunk rides along)
    ///   end:      "\r\n0\r\n\r\n"                 ("0\r\n\r\n" when no chunk was sent)
    /// </code>
    /// An empty piece must not be sent at all: a zero-size chunk would end the body, so
    /// <see cref="WriteChunkHeader"/> refuses one and callers skip empty reads. Sizes are written
    /// in lower-case hex (CPython writes upper case; both are valid).
    /// </summary>
    internal static class ChunkEncoder
    {
        /// <summary>Longest chunk header: CRLF of the previous chunk, 8 hex digits, CRLF.</summary>
        public const int MaxChunkHeaderLength = 12;

        /// <summary>Longest end of body: CRLF of the previous chunk, then "0\r\n\r\n".</summary>
        public const int MaxLastChunkLength = 7;

        /// <summary>
        /// Writes the framing that goes before a piece of <paramref name="dataLength"/> bytes and
        /// returns its length. <paramref name="afterChunk"/> says a chunk was already sent, whose
        /// closing CRLF is written first.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The piece is empty (it would end the body).</exception>
        public static int WriteChunkHeader(int dataLength, bool afterChunk, byte[] buffer, int offset)
        {
            if (dataLength <= 0)
            {
                throw new ArgumentOutOfRangeException("dataLength");
            }

            int at = offset;
            if (afterChunk)
            {
                at += WriteCrLf(buffer, at);
            }

            at += Ascii.WriteHex(dataLength, buffer, at);
            at += WriteCrLf(buffer, at);
            return at - offset;
        }

        /// <summary>
        /// Writes the end of a chunked body, the last chunk with no trailers, and returns its
        /// length: "0\r\n\r\n", preceded by the CRLF that closes the previous chunk when
        /// <paramref name="afterChunk"/> is true.
        /// </summary>
        public static int WriteLastChunk(bool afterChunk, byte[] buffer, int offset)
        {
            int at = offset;
            if (afterChunk)
            {
                at += WriteCrLf(buffer, at);
            }

            buffer[at++] = (byte)'0';
            at += WriteCrLf(buffer, at);
            at += WriteCrLf(buffer, at);
            return at - offset;
        }

        private static int WriteCrLf(byte[] buffer, int offset)
        {
            buffer[offset] = Ascii.Cr;
            buffer[offset + 1] = Ascii.Lf;
            return 2;
        }
    }
}
