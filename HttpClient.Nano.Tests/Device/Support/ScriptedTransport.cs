using System;
using System.IO;

namespace HttpNano.Tests
{
    /// <summary>
    /// An <see cref="TcpTransport"/> (its members overridden) that serves a prepared byte script instead of a socket: at
    /// most <see cref="PieceSize"/> bytes per Receive (1 = byte by byte, 0 = all that fits),
    /// then end of stream (Receive returns 0) or, if <see cref="ResetAt"/> is set, an
    /// <see cref="IOException"/> like a connection reset once that many bytes were served.
    /// Everything sent is recorded. Allocates nothing while receiving.
    /// Like a server, it answers only what was asked: once the client has sent anything, each
    /// send that finds everything released so far consumed releases the next response of the
    /// script (interim 1xx responses with the final one; its end found from its Content-Length,
    /// chunks, status or the request's method, else the rest of the script), and a receive past
    /// what is released times out. <see cref="ServesAhead"/> serves the whole script at once,
    /// like a server that sends what nobody asked for.
    /// </summary>
    internal sealed class ScriptedTransport : TcpTransport
    {
        private byte[] _script;
        private int _position;
        private byte[] _sent = new byte[256];
        private int _sentCount;
        private int _gate = -1;

        /// <summary>Serves <paramref name="script"/> in pieces of <paramref name="pieceSize"/> bytes (0: unlimited).</summary>
        public ScriptedTransport(byte[] script, int pieceSize) : base(null)
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
            _gate = -1;
        }

        /// <summary>Serves the whole script without waiting for requests: bytes nobody asked for arrive too.</summary>
        public bool ServesAhead { get; set; }

        /// <summary>Forgets what was sent.</summary>
        public void ClearSent()
        {
            _sentCount = 0;
        }

        /// <inheritdoc/>
        /// <remarks>Like the device's sockets and TLS: one receive fills one range, never more.</remarks>
        public override int Receive(byte[] buffer, int offset, int count)
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
            bool held = _gate >= 0 && !ServesAhead && _gate < end;
            if (held)
            {
                end = _gate;
            }

            if (_position >= end)
            {
                if (held)
                {
                    throw new TimeoutException("the scripted server waits for a request");
                }

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

        /// <summary>The wait the last <see cref="Poll"/> was asked for, in milliseconds.</summary>
        public int LastPollWait { get; private set; }

        /// <inheritdoc/>
        public override bool Poll(int milliseconds)
        {
            PollCalls++;
            LastPollWait = milliseconds;
            return _sentCount >= QuietUntilSent;
        }

        /// <inheritdoc/>
        public override bool PeerClosed()
        {
            return !HidesClose && ResetAt < 0 && _position >= _script.Length;
        }

        /// <inheritdoc/>
        public override void SetReceiveTimeout(int milliseconds)
        {
            ReceiveTimeout = milliseconds;
        }

        /// <inheritdoc/>
        public override void Send(byte[] buffer, int offset, int count)
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
            if (_position >= _gate)
            {
                _gate = ResponseEnd(_gate < 0 ? 0 : _gate, _sent, _sentCount);
            }

            _sentCount += count;
        }

        // Where the response that starts at script offset start ends, for the request whose
        // bytes start at requestStart of sent: interim 1xx heads go with the final one; the body
        // by the request's method, the status, chunks or Content-Length; otherwise (or if the
        // script does not parse) the rest of the script.
        private int ResponseEnd(int start, byte[] sent, int requestStart)
        {
            bool noBody = StartsWith(sent, requestStart, "HEAD ");
            bool connect = StartsWith(sent, requestStart, "CONNECT ");
            int at = start;
            while (true)
            {
                int headEnd = HeadEnd(at);
                int status = headEnd < 0 || at + 12 > _script.Length ? -1 : Digits(at + 9, 3, 10);
                if (status < 0)
                {
                    return _script.Length;
                }

                if (status >= 100 && status < 200 && status != 101)
                {
                    at = headEnd;
                    continue;
                }

                if (noBody || status == 204 || status == 304 || connect && status / 100 == 2)
                {
                    return headEnd;
                }

                if (Find(at, headEnd, "\ntransfer-encoding:") >= 0)
                {
                    return Find(at, headEnd, "chunked") >= 0 ? ChunksEnd(headEnd) : _script.Length;
                }

                int digits = Find(at, headEnd, "\ncontent-length:");
                if (digits < 0)
                {
                    return _script.Length;
                }

                while (digits < headEnd && _script[digits] == ' ')
                {
                    digits++;
                }

                int length = 0;
                while (digits < headEnd && _script[digits] >= '0' && _script[digits] <= '9' && length < 100000000)
                {
                    length = length * 10 + _script[digits++] - '0';
                }

                return headEnd + length < _script.Length ? headEnd + length : _script.Length;
            }
        }

        // The offset after the first occurrence of lowerText in script[from, to), letters
        // matched in either case, or -1. Allocates nothing (allocation tests count this too).
        private int Find(int from, int to, string lowerText)
        {
            for (int i = from; i + lowerText.Length <= to; i++)
            {
                int j = 0;
                while (j < lowerText.Length && (_script[i + j] | (lowerText[j] >= 'a' ? 0x20 : 0)) == lowerText[j])
                {
                    j++;
                }

                if (j == lowerText.Length)
                {
                    return i + j;
                }
            }

            return -1;
        }

        // The offset after the empty line that ends the head starting at start, or -1.
        private int HeadEnd(int start)
        {
            for (int i = start; i < _script.Length; i++)
            {
                if (_script[i] == '\n')
                {
                    if (i + 1 < _script.Length && _script[i + 1] == '\n')
                    {
                        return i + 2;
                    }

                    if (i + 2 < _script.Length && _script[i + 1] == '\r' && _script[i + 2] == '\n')
                    {
                        return i + 3;
                    }
                }
            }

            return -1;
        }

        // The offset after the last chunk and trailers that start at start.
        private int ChunksEnd(int start)
        {
            int at = start;
            while (at < _script.Length)
            {
                int size = Digits(at, 16, 16);
                int lineEnd = at;
                while (lineEnd < _script.Length && _script[lineEnd] != '\n')
                {
                    lineEnd++;
                }

                if (size < 0 || lineEnd >= _script.Length)
                {
                    break;
                }

                if (size == 0)
                {
                    // The trailers end at the first empty line, found like the end of a head.
                    int end = HeadEnd(lineEnd);
                    return end < 0 ? _script.Length : end;
                }

                at = lineEnd + 1 + size;
                at += at < _script.Length && _script[at] == '\r' ? 2 : 1;
            }

            return _script.Length;
        }

        // The number in up to max digits of the given base at offset, or -1 without a digit.
        private int Digits(int offset, int max, int numberBase)
        {
            int value = -1;
            for (int i = offset; i < _script.Length && i < offset + max; i++)
            {
                int c = _script[i] | 0x20;
                int digit = c >= '0' && c <= '9' ? c - '0' : numberBase == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (digit < 0)
                {
                    break;
                }

                value = (value < 0 ? 0 : value) * numberBase + digit;
            }

            return value;
        }

        private static bool StartsWith(byte[] bytes, int offset, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (offset + i >= bytes.Length || bytes[offset + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <inheritdoc/>
        public override void Close()
        {
            IsClosed = true;
        }
    }
}
