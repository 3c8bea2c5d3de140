using System;

namespace HttpNano
{
    /// <summary>
    /// A response from <see cref="HttpConnection.GetResponse"/> (Python's HTTPResponse): status,
    /// headers and a body read with <see cref="Read()"/>, <see cref="Read(int)"/> or
    /// <see cref="ReadInto"/>. Headers stay as byte ranges in the connection's receive buffer
    /// until asked for. To stay allocation-free, a connection reuses its response object once
    /// the body has been read: a response is valid until the next GetResponse on the same
    /// connection.
    /// </summary>
    public sealed class HttpResponse : IDisposable
    {
        // Pieces of a body of unknown length grow up to this size; the waste of the last piece
        // is bounded by it, so buffering costs about the body twice (pieces, then the result).
        private const int MaxPiece = 4096;
        private const int FirstPiece = 256;

        /// <summary>HTTP version of the response: 10 for HTTP/1.0, 11 for HTTP/1.1.</summary>
        public int Version;

        /// <summary>Status code, e.g. 200 (compare with <see cref="HttpStatus"/> constants).</summary>
        public int Status;

        internal ResponseHead Head;

        private ResponseReader _reader;
        private string _reason;
        private HttpHeaders _headers;

        internal HttpResponse()
        {
        }

        /// <summary>The reason phrase, e.g. "OK"; may be empty.</summary>
        public string Reason
        {
            get
            {
                if (_reason == null)
                {
                    _reason = Head.Reason;
                }

                return _reason;
            }
        }

        /// <summary>Whether the connection will be closed after this response (Python's will_close).</summary>
        public bool WillClose
        {
            get { return _reader.WillClose; }
        }

        /// <summary>Bytes of body still to read when the length is known, else -1 (Python's length).</summary>
        public long Length
        {
            get { return _reader.Framing <= ResponseReader.Phase.Length ? _reader.Left : -1; }
        }

        /// <summary>True once the body has been read to its end or the response was closed (Python's isclosed()).</summary>
        public bool IsClosed
        {
            get { return _reader.State == ResponseReader.Phase.Done; }
        }

        /// <summary>Every header field in received order; built on first use (allocates).</summary>
        public HttpHeaders Headers
        {
            get
            {
                if (_headers == null)
                {
                    _headers = HeadersOf(Head);
                }

                return _headers;
            }
        }

        /// <summary>Every field of <paramref name="head"/> in received order, as strings (allocates).</summary>
        internal static HttpHeaders HeadersOf(ResponseHead head)
        {
            HttpHeaders headers = new HttpHeaders();
            for (int i = 0; i < head.Count; i++)
            {
                headers.Add(head.GetName(i), head.GetValue(i));
            }

            return headers;
        }

        /// <summary>The value of header <paramref name="name"/> (duplicates joined with ", "), or <paramref name="defaultValue"/> when absent.</summary>
        /// <param name="name">The field name, any case.</param>
        /// <param name="defaultValue">What to return when the header is absent (null unless given).</param>
        public string GetHeader(string name, string defaultValue = null)
        {
            string value = Head.GetHeader(name);
            return value == null ? defaultValue : value;
        }

        /// <summary>Every header field as a name/value pair, in received order (allocates).</summary>
        public HttpHeader[] GetHeaders()
        {
            return Headers.ToArray();
        }

        /// <summary>
        /// Reads the rest of the body into one array. A body of known length is received into an
        /// array of exactly that length, allocating nothing else; a chunked or close-delimited
        /// one is buffered in pieces and joined (about twice its size in all). Throws
        /// <see cref="IncompleteReadException"/> (with the bytes that arrived) when the body ends
        /// before its announced length, <see cref="ResponseTooLargeException"/> for a body above
        /// <see cref="HttpLimits.MaxReadBytes"/>. Any failure, running out of memory included,
        /// closes the connection.
        /// </summary>
        public byte[] Read()
        {
            ResponseReader reader = _reader;
            if (IsClosed)
            {
                return new byte[0];
            }

            int limit = reader.MaxReadBytes;
            try
            {
                long length = Length;
                if (length >= 0)
                {
                    // A Content-Length body (an open one is never of length 0).
                    if (length > limit)
                    {
                        throw new ResponseTooLargeException(new byte[0], limit);
                    }

                    // A body cut short raises IncompleteReadException from Read(int).
                    return Read((int)length);
                }

                // Unknown length: full pieces, then the last one, joined when the body ends.
                byte[][] pieces = new byte[8][];
                int count = 0;
                int total = 0;
                byte[] piece = new byte[FirstPiece];
                while (true)
                {
                    int want = piece.Length;
                    if (limit - total < want)
                    {
                        // Never read more than one byte past the limit.
                        want = limit - total + 1;
                    }

                    int filled = Fill(piece, 0, want, pieces, count, total);
                    total += filled;
                    if (total > limit)
                    {
                        throw new ResponseTooLargeException(Join(pieces, count, piece, filled, total), limit);
                    }

                    if (filled < want)
                    {
                        return Join(pieces, count, piece, filled, total);
                    }

                    if (count == pieces.Length)
                    {
                        byte[][] more = new byte[count * 2][];
                        Array.Copy(pieces, more, count);
                        pieces = more;
                    }

                    pieces[count++] = piece;
                    piece = new byte[total < MaxPiece ? total : MaxPiece];
                }
            }
            catch (Exception)
            {
                // Whatever stopped the read (the limit, a short body, no memory): the socket may
                // hold the rest of the body, so it is never reused.
                reader.Finish(false);
                throw;
            }
        }

        /// <summary>
        /// Reads up to <paramref name="amount"/> bytes, waiting until that many arrived or the body
        /// ended; returns fewer only at the end, and an empty array after it. Read(0) returns an
        /// empty array and leaves the response open. A body cut short (the connection ended
        /// before its Content-Length or inside the chunks) raises
        /// <see cref="IncompleteReadException"/> with the bytes that came (CPython returns them).
        /// </summary>
        /// <param name="amount">Most bytes to return.</param>
        public byte[] Read(int amount)
        {
            if (amount < 0)
            {
                throw new ArgumentOutOfRangeException("amount");
            }

            if (IsClosed || amount == 0)
            {
                return new byte[0];
            }

            long length = Length;
            if (length >= 0 && amount > length)
            {
                amount = (int)length;
            }

            byte[] chunk = new byte[amount];
            int filled = Fill(chunk, 0, amount, null, 0, 0);
            return filled == amount ? chunk : Join(null, 0, chunk, filled, filled);
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes of body into <paramref name="buffer"/> and
        /// returns how many: at least 1 while the body lasts (it waits for them), 0 only at its
        /// end. Allocates nothing; data goes straight from the socket into the buffer when it can.
        /// A body cut short is never a clean end: after the bytes that came, the next call raises
        /// <see cref="IncompleteReadException"/> (<c>Expected</c>: bytes still missing, -1 when
        /// chunked) and the connection is closed (CPython returns 0).
        /// </summary>
        /// <param name="buffer">Where to put the bytes.</param>
        /// <param name="offset">First position to fill.</param>
        /// <param name="count">Most bytes to read.</param>
        public int ReadInto(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if ((offset | count) < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            // A closed response reads 0, even after an error the reader keeps raising.
            ResponseReader reader = _reader;
            return reader.State == ResponseReader.Phase.Done ? 0 : reader.ReadBody(buffer, offset, count);
        }

        /// <summary>
        /// Ends the response. If its body was not read to the end, the connection cannot be
        /// reused and is closed; the next request opens a new one.
        /// </summary>
        public void Close()
        {
            if (!IsClosed)
            {
                _reader.Finish(false);
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>
        /// Reads the head from <paramref name="reader"/>, which owns the response from now on;
        /// a response without a body is finished at once.
        /// </summary>
        internal void Begin(ResponseReader reader, bool requestWasHead)
        {
            _reader = reader;
            _reason = null;
            _headers = null;
            ResponseHead head = reader.ReadHead(requestWasHead);
            Head = head;
            Version = head.Version;
            Status = head.Status;
            if (IsClosed)
            {
                reader.Finish(true);
            }
        }

        // Reads into array[from, to) until it is full or the body ends; returns the new fill.
        // Invalid or cut-short chunked framing is raised with every byte read so far: the
        // earlier pieces of Read() too.
        private int Fill(byte[] array, int from, int to, byte[][] pieces, int count, int total)
        {
            while (from < to)
            {
                int read;
                try
                {
                    read = _reader.ReadBody(array, from, to - from);
                }
                catch (IncompleteReadException e)
                {
                    throw new IncompleteReadException(Join(pieces, count, array, from, total + from), e.Expected);
                }

                if (read == 0)
                {
                    break;
                }

                from += read;
            }

            return from;
        }

        // The pieces, then `filled` bytes of `last`, in one array of `total` bytes.
        private static byte[] Join(byte[][] pieces, int count, byte[] last, int filled, int total)
        {
            byte[] all = new byte[total];
            int at = 0;
            for (int i = 0; i < count; i++)
            {
                Array.Copy(pieces[i], 0, all, at, pieces[i].Length);
                at += pieces[i].Length;
            }

            Array.Copy(last, 0, all, at, filled);
            return all;
        }
    }
}
