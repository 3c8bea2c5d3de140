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
    ///   PutRequest adds         "Host: example.com\r\n"          (unless skipHost)
    ///                           "Accept-Encoding: identity\r\n"  (unless skipAcceptEncoding)
    ///   WriteHeader*            "Name: value\r\n"
    ///   EndHeaders              "\r\n"        then send Buffer[0..Length)
    /// </code>
    /// Which call may follow which is the connection's state machine; the writer only formats.
    /// Caller strings are validated in the same pass that copies them (one byte per char, the
    /// length read once) and committed only when valid, so a rejected header leaves the head as
    /// it was. The fixed texts are bytes copied with Array.Copy: the Host line is encoded once
    /// per Host value (once per connection), the rest once per process. Numbers are formatted in
    /// place, so a request whose strings already exist allocates nothing. The buffer is
    /// allocated once; when a head does not fit it grows (to at least twice its size) and the
    /// larger buffer is kept.
    /// </summary>
    internal sealed class RequestWriter
    {
        /// <summary>Initial buffer size: room for a typical small request head.</summary>
        public const int DefaultCapacity = 512;

        // Offsets into Fixed: " HTTP/1.1\r\n", "Accept-Encoding: identity\r\n", "Host: ".
        private const int VersionLength = 11;
        private const int AcceptEncodingLength = 27;
        private const int HostNameStart = VersionLength + AcceptEncodingLength;
        private const int HostNameLength = 6;

        // "head", "post", "put" and "patch", one byte per char (case folded), first char highest.
        private const long HeadMethod = 0x68656164;
        private const long PostMethod = 0x706F7374;
        private const long PutMethod = 0x707574;
        private const long PatchMethod = 0x7061746368;

        private static readonly byte[] Fixed = Ascii.GetBytes(" HTTP/1.1\r\nAccept-Encoding: identity\r\nHost: ");

        /// <summary>The head written so far is <c>Buffer[0..Length)</c>.</summary>
        public byte[] Buffer;

        /// <summary>Number of bytes of the head written so far.</summary>
        public int Length;

        /// <summary>Whether the method of the head is HEAD (any case): its response has no body.</summary>
        public bool MethodIsHead;

        /// <summary>
        /// Whether the method is POST, PUT or PATCH (any case): servers may answer 411 Length
        /// Required when these come without a length, even with no body.
        /// </summary>
        public bool MethodExpectsBody;

        private int _urlStart;
        private string _hostValue;
        private byte[] _hostLine;

        /// <summary>Creates a writer with a buffer of <paramref name="capacity"/> bytes.</summary>
        public RequestWriter(int capacity = DefaultCapacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            Buffer = new byte[capacity];
        }

        /// <summary>Forgets the head written so far; the buffer is kept.</summary>
        public void Reset()
        {
            Length = 0;
        }

        /// <summary>
        /// Python's putrequest: the request line, then Host (unless <paramref name="hostValue"/>
        /// is null, which stands for skipHost) and Accept-Encoding: identity (unless skipped;
        /// this client decodes no content coding). An absolute-form URL supplies its own Host
        /// value; otherwise <paramref name="hostValue"/> is the connection's cached
        /// <see cref="HostHeader.Compute"/>.
        /// </summary>
        public void PutRequest(string method, string url, string hostValue, bool skipAcceptEncoding)
        {
            StartRequest(method, url);
            if (hostValue != null)
            {
                int start;
                int length;
                if (Buffer[_urlStart] == 'h' && HostHeader.TryFindAbsoluteAuthority(url, out start, out length))
                {
                    // Validated with the URL by StartRequest: no control character, no space.
                    int at = Reserve(Length, HostNameLength + length + 2);
                    Array.Copy(Fixed, HostNameStart, Buffer, at, HostNameLength);
                    at += HostNameLength;
                    for (int i = 0; i < length; i++)
                    {
                        Buffer[at++] = (byte)url[start + i];
                    }

                    Length = CrLf(at);
                }
                else
                {
                    if ((object)hostValue != (object)_hostValue)
                    {
                        _hostLine = HostLine(hostValue);
                        _hostValue = hostValue;
                    }

                    Append(_hostLine, 0, _hostLine.Length);
                }
            }

            if (!skipAcceptEncoding)
            {
                Append(Fixed, VersionLength, AcceptEncodingLength);
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
            int methodLength = method == null ? 0 : method.Length;
            int urlLength = url == null ? 0 : url.Length;
            if (urlLength == 0)
            {
                url = "/";
                urlLength = 1;
            }

            Reserve(0, methodLength + 1 + urlLength + VersionLength);
            byte[] b = Buffer;

            int at = HeaderValidation.CopyToken(method, methodLength, b, 0, HeaderValidation.InvalidMethod);
            b[at++] = Ascii.Space;
            _urlStart = at;
            at = HeaderValidation.CopyUrl(url, urlLength, b, at);
            Array.Copy(Fixed, 0, b, at, VersionLength);
            Length = at + VersionLength;

            // The method's kind, from the bytes just written (tokens: | 0x20 folds only letters).
            long folded = 0;
            if (methodLength <= 5)
            {
                for (int i = 0; i < methodLength; i++)
                {
                    folded = folded << 8 | (uint)(b[i] | 0x20);
                }
            }

            MethodIsHead = folded == HeadMethod;
            MethodExpectsBody = folded == PostMethod || folded == PutMethod || folded == PatchMethod;
        }

        /// <summary>Writes "name: value". Python's putheader with one string value.</summary>
        /// <exception cref="ArgumentException">The name is not a token, or the value holds a bare CR/LF or a char above 0xFF.</exception>
        public void WriteHeader(string name, string value)
        {
            int valueLength = value == null ? 0 : value.Length;
            int at = WriteName(name, valueLength + 2);
            at = HeaderValidation.CopyValue(value, valueLength, Buffer, at);
            Length = CrLf(at);
        }

        /// <summary>Writes "name: value" with the number in decimal, formatted without allocating.</summary>
        /// <exception cref="ArgumentException">The name is not a token.</exception>
        public void WriteHeader(string name, long value)
        {
            int at = WriteName(name, Ascii.MaxDecimalLength + 2);
            byte[] b = Buffer;
            if (value >= 0)
            {
                at += Ascii.WriteDecimal(value, b, at);
            }
            else
            {
                b[at++] = (byte)'-';
                long high = -(value / 10); // split off the last digit so long.MinValue cannot overflow
                int last = -(int)(value % 10);
                if (high > 0)
                {
                    at += Ascii.WriteDecimal(high, b, at);
                }

                b[at++] = (byte)('0' + last);
            }

            Length = CrLf(at);
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

            int at = WriteName(name, 2);
            for (int i = 0; i < values.Length; i++)
            {
                string value = values[i];
                int valueLength = value == null ? 0 : value.Length;
                at = Reserve(at, valueLength + 5);
                if (i > 0)
                {
                    Buffer[at++] = Ascii.Cr;
                    Buffer[at++] = Ascii.Lf;
                    Buffer[at++] = Ascii.Tab;
                }

                at = HeaderValidation.CopyValue(value, valueLength, Buffer, at);
            }

            Length = CrLf(at);
        }

        /// <summary>Ends the head with the empty line; <c>Buffer[0..Length)</c> is then ready to send.</summary>
        public void EndHeaders()
        {
            Length = CrLf(Reserve(Length, 2));
        }

        // "name: " after the committed head, with room for `more` bytes after it; returns the end.
        // Nothing is committed: the caller sets Length once the whole field is valid.
        private int WriteName(string name, int more)
        {
            int nameLength = name == null ? 0 : name.Length;
            int at = Reserve(Length, nameLength + 2 + more);
            byte[] b = Buffer;

            at = HeaderValidation.CopyToken(name, nameLength, b, at, HeaderValidation.InvalidHeaderName);
            b[at++] = Ascii.Colon;
            b[at++] = Ascii.Space;
            return at;
        }

        // "Host: value\r\n" as bytes, the value validated as any header value.
        private static byte[] HostLine(string hostValue)
        {
            int length = hostValue.Length;
            byte[] line = new byte[HostNameLength + length + 2];
            Array.Copy(Fixed, HostNameStart, line, 0, HostNameLength);
            HeaderValidation.CopyValue(hostValue, length, line, HostNameLength);
            line[HostNameLength + length] = Ascii.Cr;
            line[HostNameLength + length + 1] = Ascii.Lf;
            return line;
        }

        private void Append(byte[] source, int offset, int count)
        {
            int at = Reserve(Length, count);
            Array.Copy(source, offset, Buffer, at, count);
            Length = at + count;
        }

        private int CrLf(int at)
        {
            Buffer[at] = Ascii.Cr;
            Buffer[at + 1] = Ascii.Lf;
            return at + 2;
        }

        /// <summary>
        /// Makes room for <paramref name="count"/> bytes after the first <paramref name="at"/>
        /// (which are kept), growing the buffer at most to what is needed or double; returns <paramref name="at"/>.
        /// </summary>
        private int Reserve(int at, int count)
        {
            int needed = at + count;
            if (needed > Buffer.Length)
            {
                int size = Buffer.Length * 2;
                if (size < needed)
                {
                    size = needed;
                }

                byte[] larger = new byte[size];
                Array.Copy(Buffer, 0, larger, 0, at);
                Buffer = larger;
            }

            return at;
        }
    }
}
