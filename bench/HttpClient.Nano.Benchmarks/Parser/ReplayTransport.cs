using System;

namespace HttpNano.Benchmarks.Parser
{
    /// <summary>
    /// An in-memory <see cref="TcpTransport"/> (its members overridden) that hands out one prepared byte stream, at most
    /// <see cref="SegmentSize"/> bytes per Receive (as a socket would), and can be rewound
    /// without allocating. Receive returns 0 at the end of the stream.
    /// </summary>
    internal sealed class ReplayTransport : TcpTransport
    {
        private readonly byte[] _stream;
        private int _position;

        public ReplayTransport(byte[] stream, int segmentSize) : base(null)
        {
            _stream = stream;
            SegmentSize = segmentSize;
        }

        public int SegmentSize { get; }

        public void Rewind() => _position = 0;

        public override int Receive(byte[] buffer, int offset, int count)
        {
            int left = _stream.Length - _position;
            int n = Math.Min(Math.Min(count, left), SegmentSize);
            Buffer.BlockCopy(_stream, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        // An in-memory byte source: always ready, never closed while idle, no timeouts.
        public override bool Poll(int milliseconds) => true;

        public override bool PeerClosed() => false;

        public override void SetReceiveTimeout(int milliseconds)
        {
        }

        public override void Send(byte[] buffer, int offset, int count)
        {
        }

        public override void Close()
        {
        }
    }
}
