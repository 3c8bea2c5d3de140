// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/NetworkStream.cs. Read(SpanByte)
// overrides System.IO.Streams' abstract member; on the device it throws NotImplementedException.
namespace System.Net.Sockets
{
    using System.IO;

    /// <summary>A stream over a connected socket.</summary>
    public class NetworkStream : Stream
    {
        /// <summary>Creates the stream; it does not own the socket.</summary>
        public NetworkStream(Socket socket) { throw null; }

        /// <summary>Creates the stream.</summary>
        public NetworkStream(Socket socket, bool ownsSocket) { throw null; }

        /// <summary>True.</summary>
        public override bool CanRead => throw null;

        /// <summary>False.</summary>
        public override bool CanSeek => throw null;

        /// <summary>True.</summary>
        public override bool CanTimeout => throw null;

        /// <summary>True.</summary>
        public override bool CanWrite => throw null;

        /// <summary>The socket's receive timeout.</summary>
        public override int ReadTimeout
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>The socket's send timeout.</summary>
        public override int WriteTimeout
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>Bytes available on the socket.</summary>
        public override long Length => throw null;

        /// <summary>Not supported.</summary>
        public override long Position
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>Whether data is waiting.</summary>
        public virtual bool DataAvailable => throw null;

        /// <summary>Waits, then closes.</summary>
        public void Close(int timeout) { throw null; }

        /// <summary>Releases the stream (and the socket if owned).</summary>
        protected override void Dispose(bool disposing) { throw null; }

        /// <summary>Does nothing.</summary>
        public override void Flush() { throw null; }

        /// <summary>Reads up to <paramref name="count"/> bytes; 0 when the peer closed.</summary>
        public override int Read(byte[] buffer, int offset, int count) { throw null; }

        /// <summary>Not implemented on the device.</summary>
        public override int Read(SpanByte buffer) { throw null; }

        /// <summary>Not supported.</summary>
        public override long Seek(long offset, SeekOrigin origin) { throw null; }

        /// <summary>Not supported.</summary>
        public override void SetLength(long value) { throw null; }

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        public override void Write(byte[] buffer, int offset, int count) { throw null; }
    }
}
