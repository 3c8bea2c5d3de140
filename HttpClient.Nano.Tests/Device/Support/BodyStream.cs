using System;
using System.IO;

namespace HttpNano.Tests
{
    /// <summary>
    /// A request body source over bytes, seekable or forward-only; one that fails gives its
    /// bytes and then, instead of the end, throws as a broken source would.
    /// </summary>
    internal sealed class BodyStream : Stream
    {
        private readonly byte[] _data;
        private readonly bool _seekable;
        private readonly bool _fails;
        private int _position;

        public BodyStream(byte[] data, bool seekable, bool fails)
        {
            _data = data;
            _seekable = seekable;
            _fails = fails;
        }

        public override bool CanRead
        {
            get { return true; }
        }

        public override bool CanSeek
        {
            get { return _seekable; }
        }

        public override bool CanWrite
        {
            get { return false; }
        }

        public override long Length
        {
            get { return _data.Length; }
        }

        public override long Position
        {
            get { return _position; }
            set { _position = (int)value; }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _data.Length - _position;
            if (_fails && n <= 0)
            {
                throw new IOException("source failed");
            }

            if (n > count)
            {
                n = count;
            }

            Array.Copy(_data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

#if NANOFRAMEWORK_1_0
        public override int Read(SpanByte buffer)
        {
            throw new NotSupportedException();
        }
#endif

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new NotSupportedException();
        }
    }
}
