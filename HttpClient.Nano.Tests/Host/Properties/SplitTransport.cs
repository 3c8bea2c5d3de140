using System;

namespace HttpNano.Tests.Host.Properties
{
    /// <summary>
    /// Serves a byte script in pieces whose sizes come from a list (cycled), then end of stream:
    /// any split of a response stream, as a network may deliver it.
    /// </summary>
    internal sealed class SplitTransport : TcpTransport
    {
        private byte[] _script;
        private readonly int[] _pieces;
        private int _position;
        private int _next;

        public SplitTransport(byte[] script, int[] pieces) : base(null)
        {
            _script = script;
            _pieces = pieces;
        }

        /// <summary>Script bytes not served yet.</summary>
        public int Remaining => _script.Length - _position;

        /// <summary>Whether the reader closed it.</summary>
        public bool IsClosed { get; private set; }

        /// <summary>Adds bytes to the script (the answer to a later request).</summary>
        public void Append(byte[] more) => _script = ResponseSplitProperties.Concat(_script, more);

        public override int Receive(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            int n = Math.Min(Math.Min(count, _pieces[_next++ % _pieces.Length]), _script.Length - _position);
            Array.Copy(_script, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        // An in-memory byte source: always ready, never closed while idle, no timeouts.
        public override bool Poll(int milliseconds) => true;

        public override bool PeerClosed() => false;

        public override void SetReceiveTimeout(int milliseconds)
        {
        }

        public override void Send(byte[] buffer, int offset, int count) => throw new InvalidOperationException("nothing is sent");

        public override void Close()
        {
            IsClosed = true;
        }
    }
}
