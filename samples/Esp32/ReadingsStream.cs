using System;
using System.IO;

namespace HttpNano.Samples.Esp32
{
    /// <summary>
    /// Sensor readings as CSV lines ("sequence,millivolts\n"), produced while the request body is
    /// sent: nothing is buffered beyond one line. The stream cannot seek, so its length is unknown
    /// and HttpConnection sends it with Transfer-Encoding: chunked. Read allocates nothing.
    /// </summary>
    internal sealed class ReadingsStream : Stream
    {
        private const int MaxLineLength = 24;

        private readonly int _count;
        private readonly byte[] _line = new byte[MaxLineLength];
        private int _sequence;
        private int _lineLength;
        private int _lineOffset;

        /// <summary>A stream of <paramref name="count"/> readings.</summary>
        internal ReadingsStream(int count)
        {
            _count = count;
        }

        /// <summary>
        /// The bytes a stream of <paramref name="count"/> readings holds, for a multipart part, whose
        /// length must be known before it is sent: formats every line once and keeps none.
        /// </summary>
        internal static long LengthOf(int count)
        {
            ReadingsStream stream = new ReadingsStream(count);
            long length = 0;
            for (int i = 0; i < count; i++)
            {
                stream.FormatLine(i, Sample(i));
                length += stream._lineLength;
            }

            return length;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get { throw new NotSupportedException(); }
            set { throw new NotSupportedException(); }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int copied = 0;
            while (copied < count)
            {
                if (_lineOffset == _lineLength)
                {
                    if (_sequence == _count)
                    {
                        break;
                    }

                    FormatLine(_sequence, Sample(_sequence));
                    _sequence++;
                }

                int n = _lineLength - _lineOffset;
                if (n > count - copied)
                {
                    n = count - copied;
                }

                Array.Copy(_line, _lineOffset, buffer, offset + copied, n);
                _lineOffset += n;
                copied += n;
            }

            return copied;
        }

        // The client reads through byte[]; nanoFramework's Stream requires this overload.
        public override int Read(SpanByte buffer) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Stands in for an ADC read: a slow ramp with a little ripple, in millivolts.</summary>
        private static int Sample(int sequence)
        {
            return 1650 + (sequence % 200) - ((sequence * 7) % 13);
        }

        private void FormatLine(int sequence, int millivolts)
        {
            _lineLength = 0;
            _lineOffset = 0;
            AppendNumber(sequence);
            _line[_lineLength++] = (byte)',';
            AppendNumber(millivolts);
            _line[_lineLength++] = (byte)'\n';
        }

        private void AppendNumber(int value)
        {
            int start = _lineLength;
            do
            {
                _line[_lineLength++] = (byte)('0' + value % 10);
                value /= 10;
            }
            while (value > 0);

            // Digits were written least significant first.
            for (int i = start, j = _lineLength - 1; i < j; i++, j--)
            {
                byte digit = _line[i];
                _line[i] = _line[j];
                _line[j] = digit;
            }
        }
    }
}
