using System;
using System.IO;
using HttpNano.Tests.Host.Servers;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// A read-only stream of <paramref name="length"/> <see cref="BodyPattern"/> bytes, seekable
    /// or not, that hands out at most <c>maxRead</c> bytes per Read (so reads come in odd sizes).
    /// Nothing is held in memory, so it can stand for a body of any size.
    /// </summary>
    internal sealed class PatternStream : Stream
    {
        private readonly long _length;
        private readonly bool _seekable;
        private readonly int _maxRead;
        private long _position;

        public PatternStream(long length, bool seekable, int maxRead = int.MaxValue)
        {
            _length = length;
            _seekable = seekable;
            _maxRead = maxRead;
        }

        /// <summary>How many Read calls were made.</summary>
        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => _seekable;

        public override bool CanWrite => false;

        public override long Length => _seekable ? _length : throw new NotSupportedException();

        public override long Position
        {
            get => _seekable ? _position : throw new NotSupportedException();
            set
            {
                if (!_seekable)
                {
                    throw new NotSupportedException();
                }

                _position = value;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            int n = (int)Math.Min(Math.Min(count, _maxRead), _length - _position);
            if (n <= 0)
            {
                return 0;
            }

            BodyPattern.Fill(buffer, offset, n, _position);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }
    }
}
