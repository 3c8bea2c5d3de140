using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// One connection accepted by <see cref="ScriptedServer"/>, and the steps a script runs on
    /// it. Steps return the connection so scripts chain: <c>c =&gt; c.ReadHead().Send("...").Close()</c>.
    /// <code>
    ///   Open --HalfClose--&gt; SendShut --Close/Reset--&gt; Closed
    ///     \-------------------Close/Reset-------------/^
    /// </code>
    /// Reads consume from a cursor over everything received so far; every byte received is kept
    /// in <see cref="Received"/>, whether a step consumed it or not. Each read step gives up
    /// after the server's step timeout with a TimeoutException, so a script never hangs. Text is
    /// Latin-1 (one byte per char) both ways.
    /// </summary>
    public sealed class ScriptedConnection
    {
        private const int DrainOnCloseMs = 1000;
        private const int DrainIdleMs = 50;
        private static readonly byte[] HeadEnd = { 13, 10, 13, 10 };
        private static readonly byte[] LineEnd = { 13, 10 };

        private readonly Socket _socket;
        private readonly int _stepTimeoutMs;
        private readonly WaitHandle _stopping;
        private readonly MemoryStream _received = new MemoryStream();
        private readonly ManualResetEventSlim _finished = new ManualResetEventSlim(false);
        private int _cursor;
        private State _state;

        internal ScriptedConnection(int index, Socket socket, int stepTimeoutMs, WaitHandle stopping)
        {
            Index = index;
            _socket = socket;
            _stepTimeoutMs = stepTimeoutMs;
            _stopping = stopping;
            _socket.NoDelay = true;
            _socket.SendTimeout = stepTimeoutMs;
        }

        private enum State
        {
            Open,
            SendShut,
            Closed,
        }

        /// <summary>0 for the first accepted connection, 1 for the next, ...</summary>
        public int Index { get; }

        /// <summary>The bytes the last read step consumed (a head, a request, N bytes, ...).</summary>
        public byte[] LastRead { get; private set; } = Array.Empty<byte>();

        /// <summary><see cref="LastRead"/> as Latin-1 text.</summary>
        public string LastReadText => Encoding.Latin1.GetString(LastRead);

        /// <summary>True once the client's FIN was seen (a read returned end of stream).</summary>
        public bool PeerClosed { get; private set; }

        /// <summary>The exception that ended the script early, or null.</summary>
        public Exception Error { get; private set; }

        /// <summary>True once the script ended and the socket is closed.</summary>
        public bool Finished => _finished.IsSet;

        /// <summary>A copy of every byte received on this connection so far.</summary>
        public byte[] Received
        {
            get
            {
                lock (_received)
                {
                    return _received.ToArray();
                }
            }
        }

        /// <summary><see cref="Received"/> as Latin-1 text.</summary>
        public string ReceivedText => Encoding.Latin1.GetString(Received);

        /// <summary>Reads through the end of a request head (CRLF CRLF).</summary>
        public ScriptedConnection ReadHead() => ReadThrough(HeadEnd);

        /// <summary>Reads through the next occurrence of <paramref name="marker"/>.</summary>
        public ScriptedConnection ReadUntil(string marker) => ReadThrough(Encoding.Latin1.GetBytes(marker));

        /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
        public ScriptedConnection ReadBytes(int count)
        {
            long deadline = Deadline();
            while (Unread < count)
            {
                if (!ReceiveSome(deadline))
                {
                    throw new EndOfStreamException("client closed before " + count + " bytes");
                }
            }

            Consume(count);
            return this;
        }

        /// <summary>
        /// Reads one whole request: its head, then a body framed by Content-Length or chunked
        /// (trailers included). <see cref="LastRead"/> holds all of it.
        /// </summary>
        public ScriptedConnection ReadRequest()
        {
            int start = _cursor;
            string head = ReadHead().LastReadText.ToLowerInvariant();
            if (head.Contains("\r\ntransfer-encoding:") && head.Contains("chunked"))
            {
                ReadChunkedBody();
            }
            else
            {
                long length = ContentLengthOf(head);
                if (length > 0)
                {
                    ReadBytes((int)length);
                }
            }

            LastRead = Slice(start, _cursor - start);
            return this;
        }

        /// <summary>Reads until the client closes its side; <see cref="LastRead"/> holds what came.</summary>
        public ScriptedConnection ReadToEnd()
        {
            long deadline = Deadline();
            while (ReceiveSome(deadline))
            {
            }

            Consume(Unread);
            return this;
        }

        /// <summary>
        /// True when at least one byte beyond what was consumed arrives within
        /// <paramref name="milliseconds"/> (or had already arrived); false on silence or FIN.
        /// Consumes nothing. For proving that a client waits (e.g. for 100 Continue).
        /// </summary>
        public bool DataArrivesWithin(int milliseconds)
        {
            long deadline = Environment.TickCount64 + milliseconds;
            while (Unread == 0)
            {
                if (Environment.TickCount64 >= deadline || PeerClosed)
                {
                    return false;
                }

                try
                {
                    if (!ReceiveSome(deadline))
                    {
                        return false;
                    }
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Sends text as Latin-1 bytes.</summary>
        public ScriptedConnection Send(string text) => Send(Encoding.Latin1.GetBytes(text));

        /// <summary>Sends bytes.</summary>
        public ScriptedConnection Send(byte[] bytes)
        {
            RequireSendable();
            _socket.Send(bytes);
            return this;
        }

        /// <summary>Sends text one byte at a time, waiting <paramref name="intervalMs"/> after each.</summary>
        public ScriptedConnection SendSlowly(string text, int intervalMs) => SendSlowly(Encoding.Latin1.GetBytes(text), intervalMs);

        /// <summary>Sends bytes one at a time, waiting <paramref name="intervalMs"/> after each.</summary>
        public ScriptedConnection SendSlowly(byte[] bytes, int intervalMs)
        {
            RequireSendable();
            for (int i = 0; i < bytes.Length; i++)
            {
                _socket.Send(bytes, i, 1, SocketFlags.None);
                Sleep(intervalMs);
            }

            return this;
        }

        /// <summary>Does nothing for <paramref name="milliseconds"/> (ends early when the server stops).</summary>
        public ScriptedConnection Sleep(int milliseconds)
        {
            if (_stopping.WaitOne(milliseconds))
            {
                throw new OperationCanceledException("server stopping");
            }

            return this;
        }

        /// <summary>
        /// Sends FIN (no more bytes from the server) and keeps the receive side open, so the
        /// script can still read what the client sends.
        /// </summary>
        public ScriptedConnection HalfClose()
        {
            RequireSendable();
            _socket.Shutdown(SocketShutdown.Send);
            _state = State.SendShut;
            return this;
        }

        /// <summary>
        /// Closes gracefully: FIN, then reads (and records) whatever the client still sends until
        /// it closes, goes quiet for 50 ms, or a second passes; then closes the socket. Reading
        /// first matters: closing a socket with unread bytes makes the kernel send RST instead.
        /// </summary>
        public ScriptedConnection Close()
        {
            if (_state == State.Closed)
            {
                return this;
            }

            try
            {
                if (_state == State.Open)
                {
                    _socket.Shutdown(SocketShutdown.Send);
                    _state = State.SendShut;
                }

                long stopAt = Environment.TickCount64 + DrainOnCloseMs;
                while (Environment.TickCount64 < stopAt && ReceiveSome(Environment.TickCount64 + DrainIdleMs))
                {
                }
            }
            catch (Exception e) when (e is SocketException || e is TimeoutException || e is ObjectDisposedException)
            {
                // The client reset or stayed open: close anyway.
            }

            _socket.Close();
            _state = State.Closed;
            return this;
        }

        /// <summary>Aborts the connection with RST (linger on, timeout zero, then close).</summary>
        public ScriptedConnection Reset()
        {
            if (_state != State.Closed)
            {
                _socket.LingerState = new LingerOption(true, 0);
                _socket.Close();
                _state = State.Closed;
            }

            return this;
        }

        /// <summary>Waits until the script ended; false on timeout.</summary>
        public bool WaitFinished(TimeSpan timeout) => _finished.Wait(timeout);

        internal void Run(Action<ScriptedConnection> script)
        {
            try
            {
                script(this);
                Close();
            }
            catch (Exception e)
            {
                Error = e;
                _state = State.Closed;
                _socket.Close();
            }
            finally
            {
                _finished.Set();
            }
        }

        /// <summary>Unblocks a step in progress by closing the socket (server shutdown).</summary>
        internal void Abort()
        {
            try
            {
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
            }

            _socket.Dispose();
        }

        private int Unread
        {
            get
            {
                lock (_received)
                {
                    return (int)_received.Length - _cursor;
                }
            }
        }

        private static long ContentLengthOf(string lowerHead)
        {
            int at = lowerHead.IndexOf("\r\ncontent-length:", StringComparison.Ordinal);
            if (at < 0)
            {
                return 0;
            }

            int start = at + "\r\ncontent-length:".Length;
            int end = lowerHead.IndexOf('\r', start);
            return long.Parse(lowerHead.Substring(start, end - start).Trim(), CultureInfo.InvariantCulture);
        }

        private void ReadChunkedBody()
        {
            while (true)
            {
                string line = ReadThrough(LineEnd).LastReadText.TrimEnd();
                int semicolon = line.IndexOf(';');
                int size = Convert.ToInt32(semicolon < 0 ? line : line.Substring(0, semicolon), 16);
                if (size == 0)
                {
                    while (ReadThrough(LineEnd).LastRead.Length != 2)
                    {
                    }

                    return;
                }

                ReadBytes(size + 2);
            }
        }

        private ScriptedConnection ReadThrough(byte[] marker)
        {
            long deadline = Deadline();
            int searchFrom = _cursor;
            while (true)
            {
                int found = Find(marker, searchFrom);
                if (found >= 0)
                {
                    Consume(found + marker.Length - _cursor);
                    return this;
                }

                searchFrom = Math.Max(_cursor, _cursor + Unread - marker.Length + 1);
                if (!ReceiveSome(deadline))
                {
                    throw new EndOfStreamException("client closed before the marker");
                }
            }
        }

        private int Find(byte[] marker, int from)
        {
            lock (_received)
            {
                ReadOnlySpan<byte> data = _received.GetBuffer().AsSpan(0, (int)_received.Length);
                int at = data.Slice(from).IndexOf(marker);
                return at < 0 ? -1 : from + at;
            }
        }

        private void Consume(int count)
        {
            LastRead = Slice(_cursor, count);
            _cursor += count;
        }

        private byte[] Slice(int start, int count)
        {
            lock (_received)
            {
                return _received.GetBuffer().AsSpan(start, count).ToArray();
            }
        }

        /// <summary>Receives what is there (waiting up to the deadline); false at end of stream.</summary>
        private bool ReceiveSome(long deadline)
        {
            if (PeerClosed)
            {
                return false;
            }

            if (_state == State.Closed)
            {
                throw new InvalidOperationException("connection closed");
            }

            long remainingMs = deadline - Environment.TickCount64;
            if (remainingMs <= 0 || !_socket.Poll(TimeSpan.FromMilliseconds(remainingMs), SelectMode.SelectRead))
            {
                throw new TimeoutException("no bytes from the client in time");
            }

            byte[] buffer = new byte[16 * 1024];
            int read = _socket.Receive(buffer);
            if (read == 0)
            {
                PeerClosed = true;
                return false;
            }

            lock (_received)
            {
                _received.Write(buffer, 0, read);
            }

            return true;
        }

        private long Deadline() => Environment.TickCount64 + _stepTimeoutMs;

        private void RequireSendable()
        {
            if (_state != State.Open)
            {
                throw new InvalidOperationException("send side closed");
            }
        }
    }
}
