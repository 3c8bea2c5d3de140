using System;
using System.IO;

namespace HttpNano.Tests
{
    /// <summary>
    /// A download destination in memory: writes land at the position, seekable and truncatable
    /// (SetLength) or forward-only like an OTA writer.
    /// </summary>
    internal sealed class SinkStream : Stream
    {
        private readonly bool _seekable;
        private byte[] _data = new byte[64];
        private int _length;
        private int _position;

        public SinkStream(bool seekable)
        {
            _seekable = seekable;
        }

        /// <summary>The bytes written, as Latin-1 text.</summary>
        public string Text
        {
            get { return TestBytes.Text(_data, 0, _length); }
        }

        public override bool CanRead
        {
            get { return false; }
        }

        public override bool CanSeek
        {
            get { return _seekable; }
        }

        public override bool CanWrite
        {
            get { return true; }
        }

        public override long Length
        {
            get { return _length; }
        }

        public override long Position
        {
            get
            {
                return _position;
            }

            set
            {
                if (!_seekable)
                {
                    throw new NotSupportedException();
                }

                _position = (int)value;
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            while (_position + count > _data.Length)
            {
                byte[] more = new byte[_data.Length * 2];
                Array.Copy(_data, more, _length);
                _data = more;
            }

            Array.Copy(buffer, offset, _data, _position, count);
            _position += count;
            if (_position > _length)
            {
                _length = _position;
            }
        }

        public override void SetLength(long value)
        {
            if (!_seekable)
            {
                throw new NotSupportedException();
            }

            _length = (int)value;
            if (_position > _length)
            {
                _position = _length;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }

#if NANOFRAMEWORK_1_0
        public override int Read(SpanByte buffer)
        {
            throw new NotSupportedException();
        }
#endif

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        public override void Flush()
        {
        }
    }
}
