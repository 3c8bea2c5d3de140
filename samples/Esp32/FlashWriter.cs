using System;
using System.IO;

namespace HttpNano.Samples.Esp32
{
    /// <summary>
    /// Stands for an OTA partition writer: takes a download block by block and keeps a running
    /// checksum where a real one would write flash (and check the image's own hash at the end). It
    /// moves forward only; the single step back is erasing everything (<c>SetLength(0)</c>), which
    /// lets <see cref="HttpTransfer.Download"/> start over when the server sends the whole resource
    /// again. <see cref="Length"/> is what the writer holds: the offset a resume starts from.
    /// </summary>
    internal sealed class FlashWriter : Stream
    {
        private long _written;
        private uint _checksum;

        /// <summary>The checksum of the bytes written (djb2).</summary>
        internal uint Checksum => _checksum;

        public override bool CanRead => false;

        // True so that a download whose resume got a 200 may erase and start over.
        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => _written;

        /// <summary>The end of what was written; it can only be "set" to where it is.</summary>
        public override long Position
        {
            get { return _written; }
            set
            {
                if (value != _written)
                {
                    throw new NotSupportedException();
                }
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            // A real writer: esp_ota_write (or a file on I:\ or the SD card).
            uint checksum = _checksum;
            for (int i = offset; i < offset + count; i++)
            {
                checksum = (checksum << 5) + checksum + buffer[i];
            }

            _checksum = checksum;
            _written += count;
        }

        /// <summary>Only 0: erase the partition and start over.</summary>
        public override void SetLength(long value)
        {
            if (value != 0)
            {
                throw new NotSupportedException();
            }

            _written = 0;
            _checksum = 0;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // nanoFramework's Stream requires this overload.
        public override int Read(SpanByte buffer) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    }
}
