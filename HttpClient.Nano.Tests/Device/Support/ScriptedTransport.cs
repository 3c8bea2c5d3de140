using System;
using System.IO;

namespace HttpNano.Tests
{
    /// <summary>
    /// An <see cref="ITransport"/> that serves a prepared byte script instead of a socket: at
    /// most <see cref="PieceSize"/> bytes per Receive (1 = byte by byte, 0 = all that fits),
    /// then end of stream (Receive returns 0) or, if <see cref="ResetAt"/> is set, an
    /// <see cref="IOException"/> like a connection reset once that many bytes were served.
    /// Everything sent is recorded. Allocates nothing while receiving.
    /// </summary>
    public sealed class ScriptedTransport : ITransport
    {
        private byte[] _script;
        private int _position;
        private byte[] _sent = new byte[256];
        private int _sentCount;

        /// <summary>Serves <paramref name="script"/> in pieces of <paramref name="pieceSize"/> bytes (0: unlimited).</summary>
        public ScriptedTransport(byte[] script, int pieceSize)
        {
            _script = script;
            PieceSize = pieceSize;
            ResetAt = -1;
        }

        /// <summary>Serves the Latin-1 bytes of <paramref name="script"/>.</summary>
        public ScriptedTransport(string script, int pieceSize) : this(TestBytes.Of(script), pieceSize)
        {
        }

        /// <summary>Most bytes per Receive; 0 means as many as the caller asks for.</summary>
        public int PieceSize { get; set; }

        /// <summary>Script offset at which Receive throws <see cref="IOException"/>; -1 (default): end of stream instead.</summary>
        public int ResetAt { get; set; }

        /// <summary>Bytes served so far.</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>Script bytes not served yet.</summary>
        public int Remaining
        {
            get { return _script.Length - _position; }
        }

        /// <summary>Number of Receive calls.</summary>
        public int ReceiveCalls { get; private set; }

        /// <summary>The buffer the last Receive wrote into (shows whether data went straight to the caller).</summary>
        public byte[] LastReceiveBuffer { get; private set; }

        /// <summary>Whether <see cref="Close"/> or <see cref="Dispose"/> was called.</summary>
        public bool IsClosed { get; private set; }

        /// <summary>Number of bytes sent.</summary>
        public int SentCount
        {
            get { return _sentCount; }
        }

        /// <summary>A copy of the bytes sent.</summary>
        public byte[] Sent
        {
            get
            {
                byte[] copy = new byte[_sentCount];
                Array.Copy(_sent, 0, copy, 0, _sentCount);
                return copy;
            }
        }

        /// <summary>The bytes sent, as Latin-1 text.</summary>
        public string SentText
        {
            get { return TestBytes.Text(_sent, 0, _sentCount); }
        }

        /// <summary>Adds bytes to the end of the script (e.g. the answer to a later request).</summary>
        public void Append(byte[] more)
        {
            _script = TestBytes.Concat(_script, more);
        }

        /// <summary>Serves the script again from its start (allocation tests replay one script).</summary>
        public void Rewind()
        {
            _position = 0;
        }

        /// <summary>Forgets what was sent.</summary>
        public void ClearSent()
        {
            _sentCount = 0;
        }

        /// <inheritdoc />
        /// <remarks>Like the device's sockets and TLS: one receive fills one range, never more.</remarks>
        public int Receive(byte[] buffer, int offset, int count)
        {
            if (IsClosed)
            {
                throw new ObjectDisposedException("ScriptedTransport");
            }

            if (count <= 0)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            ReceiveCalls++;
            LastReceiveBuffer = buffer;
            int end = ResetAt >= 0 && ResetAt < _script.Length ? ResetAt : _script.Length;
            if (_position >= end)
            {
                if (ResetAt >= 0)
                {
                    throw new IOException("connection reset");
                }

                return 0;
            }

            int n = end - _position;
            if (n > count)
            {
                n = count;
            }

            if (PieceSize > 0 && n > PieceSize)
            {
                n = PieceSize;
            }

            Array.Copy(_script, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        /// <summary>A send that would take the bytes sent past this count fails with an IOException (a socket the peer reset); -1: never.</summary>
        public int SendFailsAfter { get; set; } = -1;

        /// <summary>Poll reports nothing to receive until this many bytes have been sent (a server that waits for the body).</summary>
        public int QuietUntilSent { get; set; }

        /// <summary>Makes PeerClosed report false even at the end of the script: a close the client cannot see yet.</summary>
        public bool HidesClose { get; set; }

        /// <summary>The last receive timeout set, in milliseconds.</summary>
        public int ReceiveTimeout { get; private set; }

        /// <summary>How many times Poll was called.</summary>
        public int PollCalls { get; private set; }

        /// <inheritdoc />
        public bool Poll(int milliseconds)
        {
            PollCalls++;
            return _sentCount >= QuietUntilSent;
        }

        /// <inheritdoc />
        public bool PeerClosed()
        {
            return !HidesClose && ResetAt < 0 && _position >= _script.Length;
        }

        /// <inheritdoc />
        public void SetReceiveTimeout(int milliseconds)
        {
            ReceiveTimeout = milliseconds;
        }

        /// <inheritdoc />
        public void Send(byte[] buffer, int offset, int count)
        {
            if (IsClosed)
            {
                throw new ObjectDisposedException("ScriptedTransport");
            }

            if (SendFailsAfter >= 0 && _sentCount + count > SendFailsAfter)
            {
                throw new IOException("connection reset");
            }

            if (_sentCount + count > _sent.Length)
            {
                int size = _sent.Length * 2;
                while (size < _sentCount + count)
                {
                    size *= 2;
                }

                byte[] grown = new byte[size];
                Array.Copy(_sent, 0, grown, 0, _sentCount);
                _sent = grown;
            }

            Array.Copy(buffer, offset, _sent, _sentCount, count);
            _sentCount += count;
        }

        /// <inheritdoc />
        public void Close()
        {
            IsClosed = true;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Close();
        }
    }
}
