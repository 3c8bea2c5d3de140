using System;
using System.IO;

namespace HttpNano
{
    /// <summary>
    /// Passes a stream through and keeps the first bytes read from it, so that a failed TLS
    /// handshake can tell whether the server answered in plain HTTP ("HTTP/").
    /// </summary>
    internal sealed class FirstBytesStream : Stream
    {
        private const int Kept = 5;
        private readonly Stream _inner;
        private readonly byte[] _first = new byte[Kept];
        private int _firstCount;

        internal FirstBytesStream(Stream inner)
        {
            _inner = inner;
        }

        /// <summary>Whether the first bytes received were "HTTP/".</summary>
        internal bool StartedWithHttp
        {
            get
            {
                return _firstCount == Kept && _first[0] == (byte)'H' && _first[1] == (byte)'T'
                    && _first[2] == (byte)'T' && _first[3] == (byte)'P' && _first[4] == (byte)'/';
            }
        }

        public override bool CanRead => _inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => _inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int ReadTimeout
        {
            get => _inner.ReadTimeout;
            set => _inner.ReadTimeout = value;
        }

        public override int WriteTimeout
        {
            get => _inner.WriteTimeout;
            set => _inner.WriteTimeout = value;
        }

        public override bool CanTimeout => _inner.CanTimeout;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            Keep(buffer.AsSpan(offset, read));
            return read;
        }

        // Host-only: .NET's SslStream reads its inner stream through Read(Span<byte>) even on the
        // synchronous path used here; without this override every read would go through a pooled copy.
        public override int Read(Span<byte> buffer)
        {
            int read = _inner.Read(buffer);
            Keep(buffer.Slice(0, read));
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

        public override void Flush() => _inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            int n = Math.Min(Kept - _firstCount, bytes.Length);
            if (n > 0)
            {
                bytes.Slice(0, n).CopyTo(_first.AsSpan(_firstCount));
                _firstCount += n;
            }
        }
    }
}
