// Source: nanoframework/System.IO.Streams, System.IO.Streams/Stream.cs (1.x line: Read(SpanByte)).
// ReadByte/WriteByte allocate a one-byte array per call on the device: never use them.
namespace System.IO
{
    /// <summary>A sequence of bytes.</summary>
    [Serializable]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        /// <summary>Whether the stream can be read.</summary>
        public abstract bool CanRead { get; }

        /// <summary>Whether the stream can seek.</summary>
        public abstract bool CanSeek { get; }

        /// <summary>Whether the stream can time out.</summary>
        public virtual bool CanTimeout => throw null;

        /// <summary>Whether the stream can be written.</summary>
        public abstract bool CanWrite { get; }

        /// <summary>The length in bytes.</summary>
        public abstract long Length { get; }

        /// <summary>The position.</summary>
        public abstract long Position { get; set; }

        /// <summary>The read timeout in milliseconds.</summary>
        public virtual int ReadTimeout
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>The write timeout in milliseconds.</summary>
        public virtual int WriteTimeout
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>Closes the stream.</summary>
        public virtual void Close() { throw null; }

        /// <summary>Copies the rest of this stream to another.</summary>
        public void CopyTo(Stream destination) { throw null; }

        /// <summary>Closes the stream.</summary>
        public void Dispose() { throw null; }

        /// <summary>Releases resources.</summary>
        protected virtual void Dispose(bool disposing) { throw null; }

        /// <summary>Flushes buffered data.</summary>
        public abstract void Flush();

        /// <summary>Sets the position.</summary>
        public abstract long Seek(long offset, SeekOrigin origin);

        /// <summary>Sets the length.</summary>
        public abstract void SetLength(long value);

        /// <summary>Reads into a span.</summary>
        public abstract int Read(SpanByte buffer);

        /// <summary>Reads up to <paramref name="count"/> bytes; 0 at the end of the stream.</summary>
        public abstract int Read(byte[] buffer, int offset, int count);

        /// <summary>Reads one byte (allocates on the device).</summary>
        public virtual int ReadByte() { throw null; }

        /// <summary>Writes <paramref name="count"/> bytes.</summary>
        public abstract void Write(byte[] buffer, int offset, int count);

        /// <summary>Writes one byte (allocates on the device).</summary>
        public virtual void WriteByte(byte value) { throw null; }
    }
}
