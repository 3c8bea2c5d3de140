using System;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// A receive-only <see cref="TcpTransport"/> (its members overridden) over a byte array: at most <c>pieceSize</c> bytes
    /// per Receive (0: as many as asked for), then end of stream.
    /// </summary>
    internal sealed class PieceTransport : TcpTransport
    {
        private readonly byte[] _data;
        private readonly int _pieceSize;
        private int _position;

        public PieceTransport(byte[] data, int offset, int pieceSize) : base(null)
        {
            _data = data;
            _position = offset;
            _pieceSize = pieceSize;
        }

        /// <summary>Offset of the next byte to serve.</summary>
        public int Position => _position;

        public override int Receive(byte[] buffer, int offset, int count)
        {
            FuzzCheckException.Check(count > 0, "Receive asked for " + count + " bytes");
            int n = Math.Min(_data.Length - _position, count);
            if (_pieceSize > 0)
            {
                n = Math.Min(n, _pieceSize);
            }

            Array.Copy(_data, _position, buffer, offset, n);
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
            throw new FuzzCheckException("the response reader sent bytes");
        }

        public override void Close()
        {
        }
    }
}
