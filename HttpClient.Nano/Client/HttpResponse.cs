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
        // A full Read() of a body whose length is announced allocates that length at once only up
        // to this size; beyond it the array grows as bytes really arrive, so a hostile
        // "Content-Length: 9223372036854775807" cannot make the client allocate it.
        private const int MaxUpFrontAllocation = 16 * 1024;
        private const int InitialGrowableAllocation = 256;

        private static readonly byte[] Empty = new byte[0];

        private HttpConnection _connection;
        private ResponseReader _reader;
        private ITransport _transport;
        private ResponseHead _head;
        private string _reason;
        private HttpHeaders _headers;
        private long _length;

        internal HttpResponse()
        {
        }

        /// <summary>HTTP version of the response: 10 for HTTP/1.0, 11 for HTTP/1.1.</summary>
        public int Version { get; private set; }

        /// <summary>Status code, e.g. 200 (compare with <see cref="HttpStatus"/> constants).</summary>
        public int Status { get; private set; }

        /// <summary>The reason phrase, e.g. "OK"; may be empty.</summary>
        public string Reason
        {
            get
            {
                if (_reason == null && _head != null)
                {
                    _reason = _head.Reason;
                }

                return _reason;
            }
        }

        /// <summary>Whether the connection will be closed after this response (Python's will_close).</summary>
        public bool WillClose { get; private set; }

        /// <summary>Bytes of body still to read when the length is known, else -1 (Python's length).</summary>
        public long Length
        {
            get { return _length; }
        }

        /// <summary>True once the body has been read to its end or the response was closed (Python's isclosed()).</summary>
        public bool IsClosed
        {
            get { return _reader == null; }
        }

        /// <summary>Every header field in received order; built on first use (allocates).</summary>
        public HttpHeaders Headers
        {
            get
            {
                RequireHead();
                if (_headers == null)
                {
                    HttpHeaders headers = new HttpHeaders();
                    for (int i = 0; i < _head.Count; i++)
                    {
                        headers.Add(_head.GetName(i), _head.GetValue(i));
                    }

                    _headers = headers;
                }

                return _headers;
            }
        }

        /// <summary>The value of header <paramref name="name"/> (duplicates joined with ", "), or null.</summary>
        /// <param name="name">The field name, any case.</param>
        public string GetHeader(string name)
        {
            RequireHead();
            return _head.GetHeader(name);
        }

        /// <summary>The value of header <paramref name="name"/>, or <paramref name="defaultValue"/> when absent.</summary>
        /// <param name="name">The field name, any case.</param>
        /// <param name="defaultValue">What to return when the header is absent.</param>
        public string GetHeader(string name, string defaultValue)
        {
            string value = GetHeader(name);
            return value == null ? defaultValue : value;
        }

        /// <summary>Every header field as a name/value pair, in received order (allocates).</summary>
        public HttpHeader[] GetHeaders()
        {
            RequireHead();
            HttpHeader[] fields = new HttpHeader[_head.Count];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = new HttpHeader(_head.GetName(i), _head.GetValue(i));
            }

            return fields;
        }

        /// <summary>
        /// Reads the rest of the body. Throws <see cref="IncompleteReadException"/> (with the
        /// bytes that arrived) when the body ends before its announced length.
        /// </summary>
        public byte[] Read()
        {
            if (_reader == null)
            {
                return Empty;
            }

            int initial = _length >= 0 && _length <= MaxUpFrontAllocation ? (int)_length : InitialGrowableAllocation;
            byte[] body = new byte[initial];
            int filled = 0;
            while (true)
            {
                if (filled == body.Length)
                {
                    body = Grow(body, filled);
                }

                int read;
                try
                {
                    read = ReadBody(body, filled, body.Length - filled);
                }
                catch (IncompleteReadException e)
                {
                    throw new IncompleteReadException(Copy(body, filled), e.Expected);
                }

                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            if (_length > 0)
            {
                long expected = _length;
                throw new IncompleteReadException(Copy(body, filled), expected);
            }

            return filled == body.Length ? body : Copy(body, filled);
        }

        /// <summary>
        /// Reads up to <paramref name="amount"/> bytes, waiting until that many arrived or the body
        /// ended; returns fewer only at the end, and an empty array after it. Read(0) returns an
        /// empty array and leaves the response open.
        /// </summary>
        /// <param name="amount">Most bytes to return.</param>
        public byte[] Read(int amount)
        {
            if (amount < 0)
            {
                throw new ArgumentOutOfRangeException("amount");
            }

            if (_reader == null || amount == 0)
            {
                return Empty;
            }

            if (_length >= 0 && amount > _length)
            {
                amount = (int)_length;
            }

            byte[] chunk = new byte[amount];
            int filled = 0;
            while (filled < amount)
            {
                int read;
                try
                {
                    read = ReadBody(chunk, filled, amount - filled);
                }
                catch (IncompleteReadException e)
                {
                    throw new IncompleteReadException(Copy(chunk, filled), e.Expected);
                }

                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return filled == amount ? chunk : Copy(chunk, filled);
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes of body into <paramref name="buffer"/> and
        /// returns how many: at least 1 while the body lasts (it waits for them), 0 only at its
        /// end. Allocates nothing; data goes straight from the socket into the buffer when it can.
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

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (_reader == null || count == 0)
            {
                return 0;
            }

            return ReadBody(buffer, offset, count);
        }

        /// <summary>
        /// Ends the response. If its body was not read to the end, the connection cannot be
        /// reused and is closed; the next request opens a new one.
        /// </summary>
        public void Close()
        {
            if (_reader == null)
            {
                return;
            }

            _reader = null;
            Release(false);
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        /// <summary>
        /// Reads the head from <paramref name="reader"/>. Whether the response owns the socket is
        /// decided by the connection after this returns, through <see cref="TakeTransport"/>.
        /// </summary>
        internal void Begin(HttpConnection connection, ResponseReader reader, bool requestWasHead)
        {
            _connection = connection;
            _reader = reader;
            _transport = null;
            _reason = null;
            _headers = null;
            _head = reader.ReadHead(requestWasHead);
            Version = _head.Version;
            Status = _head.Status;
            WillClose = reader.WillClose;
            _length = reader.Length;
            if (reader.Framing == BodyFraming.None)
            {
                _length = 0;
                _reader = null;
            }
        }

        /// <summary>Gives the response the socket (a closing response owns it, as in CPython).</summary>
        internal void TakeTransport(ITransport transport)
        {
            _transport = transport;
            if (_reader == null)
            {
                Release(true);
            }
        }

        internal ResponseHead Head
        {
            get { return _head; }
        }

        private int ReadBody(byte[] buffer, int offset, int count)
        {
            if (_reader == null)
            {
                return 0;
            }

            int read;
            try
            {
                read = _reader.ReadBody(buffer, offset, count);
            }
            catch
            {
                _reader = null;
                Release(false);
                throw;
            }

            if (read == 0)
            {
                bool endedEarly = _reader.EndedEarly;
                bool chunked = _reader.Framing == BodyFraming.Chunked;
                _reader = null;
                Release(!endedEarly);
                if (endedEarly && chunked)
                {
                    // As CPython: a chunked body cut short is an error for every kind of read.
                    throw new IncompleteReadException(Empty, -1);
                }

                return 0;
            }

            if (_length > 0)
            {
                _length -= read;
                if (_length == 0)
                {
                    _reader = null;
                    Release(true);
                }
            }

            return read;
        }

        // The body is over (completely or not): hand the connection back or close the socket.
        private void Release(bool complete)
        {
            if (_transport != null)
            {
                _transport.Close();
                _transport = null;
            }
            else if (_connection != null)
            {
                _connection.OnResponseDone(complete && !WillClose);
            }
        }

        private void RequireHead()
        {
            if (_head == null)
            {
                throw new ResponseNotReadyException();
            }
        }

        private static byte[] Grow(byte[] array, int filled)
        {
            byte[] larger = new byte[array.Length * 2];
            Array.Copy(array, larger, filled);
            return larger;
        }

        private static byte[] Copy(byte[] array, int count)
        {
            byte[] copy = new byte[count];
            Array.Copy(array, copy, count);
            return copy;
        }
    }
}
