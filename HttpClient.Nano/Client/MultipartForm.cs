using System;
using System.IO;
using System.Text;

namespace HttpNano
{
    /// <summary>
    /// A multipart/form-data body (RFC 7578) of text fields and files, read as a stream: pass it
    /// to <see cref="HttpConnection.Request(string, string, Stream, HttpHeaders, bool)"/> or
    /// <see cref="HttpTransfer.Request(string, string, object, HttpHeaders)"/> with a Content-Type
    /// header of <see cref="ContentType"/>. Its exact <see cref="Length"/> is known before it is
    /// sent, so it goes out with Content-Length, never chunked; files are read from their streams
    /// as it is sent, never held whole. It seeks back (a replay, a 307 or 308) when every file
    /// stream can seek. Add every part before sending; the parts' streams stay the caller's.
    /// </summary>
    public sealed class MultipartForm : Stream
    {
        /// <summary>"multipart/form-data; boundary=...", the Content-Type to send the form with.</summary>
        public readonly string ContentType;

        private readonly string _boundary;

        // Part i is a byte[] (text) or a Stream (a file); its size is at 2i in _sizes, a file
        // stream's start position at 2i + 1. The close delimiter stays the last part.
        private object[] _parts = new object[8];
        private long[] _sizes = new long[16];
        private int _count;
        private long _length;
        private long _position;
        private int _part;
        private long _at;

        // A file stream cannot seek: the form is read once, front to back.
        private bool _once;

        /// <summary>Creates an empty form with a boundary of its own, unpredictable (random and the clock).</summary>
        public MultipartForm()
        {
            // Two random numbers and the clock: the device's Random may start from a fixed seed.
            Random random = new Random();
            _boundary = random.Next().ToString() + DateTime.UtcNow.Ticks.ToString() + random.Next().ToString();
            ContentType = "multipart/form-data; boundary=" + _boundary;
            Append("\r\n--" + _boundary + "--\r\n", 0);
        }

        /// <summary>True: the form can be read.</summary>
        public override bool CanRead
        {
            get { return true; }
        }

        /// <summary>True, so that its length is known (Content-Length); seeking back fails when a file stream cannot seek.</summary>
        public override bool CanSeek
        {
            get { return true; }
        }

        /// <summary>False.</summary>
        public override bool CanWrite
        {
            get { return false; }
        }

        /// <summary>The exact length of the body in bytes.</summary>
        public override long Length
        {
            get { return _length; }
        }

        /// <summary>
        /// The position in the body. It can be set only to where it is or back to 0, the start,
        /// and back to 0 only when every file stream can seek (<see cref="NotSupportedException"/>
        /// otherwise): what sending the form again needs.
        /// </summary>
        public override long Position
        {
            get
            {
                return _position;
            }

            set
            {
                if (value != _position)
                {
                    if (value != 0 || _once)
                    {
                        throw new NotSupportedException();
                    }

                    // Read rewinds each file stream as it comes to it.
                    _part = 0;
                    _at = 0;
                    _position = 0;
                }
            }
        }

        /// <summary>Adds a text field, sent as UTF-8.</summary>
        /// <param name="name">The field name (no quote, CR or LF).</param>
        /// <param name="value">The value.</param>
        public void AddField(string name, string value)
        {
            Add(name, null, null, value, null, 0);
        }

        /// <summary>Adds a file, read from <paramref name="content"/> when the form is sent.</summary>
        /// <param name="name">The field name (no quote, CR or LF).</param>
        /// <param name="fileName">The file name (no quote, CR or LF).</param>
        /// <param name="contentType">Its media type, or null for application/octet-stream.</param>
        /// <param name="content">The file's bytes, from its position.</param>
        /// <param name="length">How many bytes it gives, or -1 for the rest of a stream that can seek.</param>
        public void AddFile(string name, string fileName, string contentType, Stream content, long length = -1)
        {
            Add(name, fileName, contentType, null, content, length);
        }

        /// <summary>Reads the next bytes of the body.</summary>
        public override int Read(byte[] buffer, int offset, int count)
        {
            while (count > 0 && _part < _count)
            {
                long left = _sizes[2 * _part] - _at;
                if (left <= 0)
                {
                    _part++;
                    _at = 0;
                    continue;
                }

                int n = left < count ? (int)left : count;
                Stream stream = _parts[_part] as Stream;
                if (stream == null)
                {
                    Array.Copy((byte[])_parts[_part], (int)_at, buffer, offset, n);
                }
                else
                {
                    if (_at == 0 && !_once)
                    {
                        stream.Position = _sizes[2 * _part + 1];
                    }

                    n = stream.Read(buffer, offset, n);
                    if (n <= 0)
                    {
                        // The Content-Length already went out: a short file would break the message.
                        throw new IOException("file part too short");
                    }
                }

                _at += n;
                _position += n;
                return n;
            }

            return 0;
        }

#if NANOFRAMEWORK_1_0
        /// <summary>Not supported: the client reads through byte arrays.</summary>
        public override int Read(SpanByte buffer)
        {
            throw new NotSupportedException();
        }
#endif

        /// <summary>Not supported: set <see cref="Position"/> (to 0) instead.</summary>
        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        /// <summary>Nothing to flush.</summary>
        public override void Flush()
        {
        }

        /// <summary>Not supported.</summary>
        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }

        /// <summary>Not supported.</summary>
        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }

        // Adds a part: its delimiter and headers (RFC 7578 section 4.2; the CRLF before the
        // delimiter ends the previous part), a text value or the file stream.
        private void Add(string name, string fileName, string contentType, string value, Stream content, long length)
        {
            // Quotes and line breaks would end the quoted name or the header early.
            string head = name + fileName;
            if (head.IndexOf('"') >= 0 || head.IndexOf('\r') >= 0 || head.IndexOf('\n') >= 0)
            {
                throw new ArgumentException();
            }

            head = (_count > 1 ? "\r\n--" : "--") + _boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
            if (content != null)
            {
                head += "; filename=\"" + fileName + "\"\r\nContent-Type: " + (contentType == null ? "application/octet-stream" : contentType);
            }

            Append(head + "\r\n\r\n" + value, 0);
            if (content != null)
            {
                Append(content, length < 0 ? content.Length - content.Position : length);
            }
        }

        // Adds a part before the close delimiter: a stream of `size` bytes, or text, kept in UTF-8
        // (a part's head and a field's value: small, encoded whole by the platform's encoder).
        private void Append(object part, long size)
        {
            string text = part as string;
            if (text != null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                size = bytes.Length;
                part = bytes;
            }

            if (_count == _parts.Length)
            {
                object[] parts = new object[2 * _count];
                Array.Copy(_parts, parts, _count);
                _parts = parts;
                long[] sizes = new long[4 * _count];
                Array.Copy(_sizes, sizes, 2 * _count);
                _sizes = sizes;
            }

            int at = _count++;
            if (at > 0)
            {
                at--;
                _parts[at + 1] = _parts[at];
                _sizes[2 * at + 2] = _sizes[2 * at];
            }

            _parts[at] = part;
            _sizes[2 * at] = size;
            _length += size;
            Stream stream = part as Stream;
            if (stream != null)
            {
                _once |= !stream.CanSeek;
                _sizes[2 * at + 1] = _once ? 0 : stream.Position;
            }
        }
    }
}
