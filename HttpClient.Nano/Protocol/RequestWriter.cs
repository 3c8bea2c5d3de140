using System;

namespace HttpNano
{
    /// <summary>
    /// Writes a request head into one byte buffer owned by the connection, so that the request
    /// line and every header go out in a single send. The calls mirror CPython's putrequest /
    /// putheader / endheaders:
    /// <code>
    ///   Reset
    ///   StartRequest            "GET /x HTTP/1.1\r\n"
    ///   [WriteHost]             "Host: example.com\r\n"          (skipped with skipHost)
    ///   [WriteAcceptEncoding]   "Accept-Encoding: identity\r\n"  (skipped with skipAcceptEncoding)
    ///   WriteHeader*            "Name: value\r\n"
    ///   EndHeaders              "\r\n"        then send Buffer[0..Length)
    /// </code>
    /// Which call may follow which is the connection's state machine; the writer only formats.
    /// Strings are validated and copied one byte per char; numbers are formatted in place, so a
    /// request whose strings already exist allocates nothing. The buffer is allocated once; when
    /// a head does not fit it grows (to at least twice its size) and the larger buffer is kept.
    /// </summary>
    internal sealed class RequestWriter
    {
        /// <summary>Initial buffer size: room for a typical small request head.</summary>
        public const int DefaultCapacity = 512;

        private const string Version = " HTTP/1.1";
        private const string Separator = ": ";
        private const string ValueJoin = "\r\n\t";
        private const string HostName = "Host";
        private const string AcceptEncodingName = "Accept-Encoding";
        private const string Identity = "identity";

        private byte[] _buffer;
        private int _length;

        /// <summary>Creates a writer with a buffer of <paramref name="capacity"/> bytes.</summary>
        public RequestWriter(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _buffer = new byte[capacity];
        }

        /// <summary>Creates a writer with a buffer of <see cref="DefaultCapacity"/> bytes.</summary>
        public RequestWriter() : this(DefaultCapacity) { }

        /// <summary>The head written so far is <c>Buffer[0..Length)</c>.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Number of bytes of the head written so far.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Forgets the head written so far; the buffer is kept.</summary>
        public void Reset()
        {
            _length = 0;
        }

        /// <summary>
        /// Python's putrequest: the request line, then Host (unless <paramref name="hostValue"/>
        /// is null, which stands for skipHost) and Accept-Encoding: identity (unless skipped).
        /// An absolute-form URL supplies its own Host value.
        /// </summary>
        public void PutRequest(string method, string url, string hostValue, bool skipAcceptEncoding)
        {
            StartRequest(method, url);
            if (hostValue != null)
            {
                WriteHost(url, hostValue);
            }

            if (!skipAcceptEncoding)
            {
                WriteAcceptEncodingIdentity();
            }
        }

        /// <summary>
        /// Starts a new head with "METHOD url HTTP/1.1"; an empty or null URL means "/".
        /// Discards anything written before.
        /// </summary>
        /// <exception cref="ArgumentException">The method is not a token, or the URL is not ASCII.</exception>
        /// <exception cref="InvalidUrlException">The URL holds a control character or space.</exception>
        public void StartRequest(string method, string url)
        {
            if (url == null || url.Length == 0)
            {
                url = "/";
            }

            HeaderValidation.ValidateMethod(method);
            HeaderValidation.ValidateUrl(url);
            _length = 0;
            Reserve(method.Length + 1 + url.Length + Version.Length + 2);
            Append(method);
            _buffer[_length++] = Ascii.Space;
            Append(url);
            Append(Version);
            AppendCrLf();
        }

        /// <summary>
        /// Writes the Host header: the authority of an absolute-form <paramref name="url"/>, else
        /// <paramref name="hostValue"/> (the connection's cached <see cref="HostHeader.Compute"/>).
        /// </summary>
        public void WriteHost(string url, string hostValue)
        {
            int start;
            int length;
            if (url != null && HostHeader.TryFindAbsoluteAuthority(url, out start, out length))
            {
                // Validated with the URL by StartRequest: no control character, no space.
                Reserve(HostName.Length + Separator.Length + length + 2);
                Append(HostName);
                Append(Separator);
                Append(url, start, length);
                AppendCrLf();
                return;
            }

            WriteHeader(HostName, hostValue);
        }

        /// <summary>Writes "Accept-Encoding: identity": this client decodes no content coding.</summary>
        public void WriteAcceptEncodingIdentity()
        {
            WriteTrustedHeader(AcceptEncodingName, Identity);
        }

        /// <summary>Writes "name: value". Python's putheader with one string value.</summary>
        /// <exception cref="ArgumentException">The name is not a token, or the value holds a bare CR/LF or a char above 0xFF.</exception>
        public void WriteHeader(string name, string value)
        {
            HeaderValidation.ValidateHeaderName(name);
            HeaderValidation.ValidateHeaderValue(value);
            WriteTrustedHeader(name, value);
        }

        /// <summary>Writes "name: value" with the number in decimal, formatted without allocating.</summary>
        /// <exception cref="ArgumentException">The name is not a token.</exception>
        public void WriteHeader(string name, long value)
        {
            HeaderValidation.ValidateHeaderName(name);
            Reserve(name.Length + Separator.Length + Ascii.MaxDecimalLength + 2);
            Append(name);
            Append(Separator);
            AppendSignedDecimal(value);
            AppendCrLf();
        }

        /// <summary>
        /// Writes one field with several values, joined as Python's putheader joins them: each
        /// later value on a continuation line ("\r\n\t"). No values gives an empty field value.
        /// </summary>
        /// <exception cref="ArgumentException">The name is not a token, or a value is invalid.</exception>
        public void WriteHeader(string name, string[] values)
        {
            if (values == null)
            {
                throw new ArgumentNullException("values");
            }

            HeaderValidation.ValidateHeaderName(name);
            int size = name.Length + Separator.Length + 2;
            for (int i = 0; i < values.Length; i++)
            {
                HeaderValidation.ValidateHeaderValue(values[i]);
                size += values[i].Length + (i > 0 ? ValueJoin.Length : 0);
            }

            Reserve(size);
            Append(name);
            Append(Separator);
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    Append(ValueJoin);
                }

                Append(values[i]);
            }

            AppendCrLf();
        }

        /// <summary>Ends the head with the empty line; <c>Buffer[0..Length)</c> is then ready to send.</summary>
        public void EndHeaders()
        {
            Reserve(2);
            AppendCrLf();
        }

        private void WriteTrustedHeader(string name, string value)
        {
            Reserve(name.Length + Separator.Length + value.Length + 2);
            Append(name);
            Append(Separator);
            Append(value);
            AppendCrLf();
        }

        /// <summary>Makes room for <paramref name="count"/> more bytes, growing the buffer at most to what is needed or double.</summary>
        private void Reserve(int count)
        {
            int needed = _length + count;
            if (needed <= _buffer.Length)
            {
                return;
            }

            int size = _buffer.Length * 2;
            if (size < needed)
            {
                size = needed;
            }

            byte[] larger = new byte[size];
            Array.Copy(_buffer, 0, larger, 0, _length);
            _buffer = larger;
        }

        private void Append(string text)
        {
            _length += Ascii.GetBytes(text, _buffer, _length);
        }

        private void Append(string text, int start, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _buffer[_length + i] = (byte)text[start + i];
            }

            _length += count;
        }

        private void AppendCrLf()
        {
            _buffer[_length++] = Ascii.Cr;
            _buffer[_length++] = Ascii.Lf;
        }

        private void AppendSignedDecimal(long value)
        {
            if (value >= 0)
            {
                _length += Ascii.WriteDecimal(value, _buffer, _length);
                return;
            }

            _buffer[_length++] = (byte)'-';
            long high = -(value / 10); // split off the last digit so long.MinValue cannot overflow
            int last = -(int)(value % 10);
            if (high > 0)
            {
                _length += Ascii.WriteDecimal(high, _buffer, _length);
            }

            _buffer[_length++] = (byte)('0' + last);
        }
    }
}
