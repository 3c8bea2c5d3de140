using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// A minimal blocking socket client for checking exact bytes on the wire in server
    /// self-tests: send text, read a response head, read N bytes, read to the end. Every read
    /// gives up after <see cref="Timeout"/> (a SocketException with SocketError.TimedOut).
    /// Text is Latin-1, one byte per char.
    /// </summary>
    public sealed class RawClient : IDisposable
    {
        private readonly Socket _socket;
        private readonly MemoryStream _pending = new MemoryStream();

        /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
        public RawClient(int port, int timeoutMs = 5000)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _socket.NoDelay = true;
            _socket.ReceiveTimeout = timeoutMs;
            _socket.SendTimeout = timeoutMs;
            _socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        }

        /// <summary>The underlying socket, for shutdown and option tests.</summary>
        public Socket Socket => _socket;

        /// <summary>Sends text as Latin-1 bytes.</summary>
        public RawClient Send(string text) => Send(Encoding.Latin1.GetBytes(text));

        /// <summary>Sends bytes.</summary>
        public RawClient Send(byte[] bytes)
        {
            _socket.Send(bytes);
            return this;
        }

        /// <summary>Reads through the next CRLF CRLF and returns the head, CRLF CRLF included.</summary>
        public string ReadHead() => Encoding.Latin1.GetString(ReadThrough(Encoding.Latin1.GetBytes("\r\n\r\n")));

        /// <summary>Reads through the next CRLF and returns the line without it.</summary>
        public string ReadLine()
        {
            string line = Encoding.Latin1.GetString(ReadThrough(new byte[] { 13, 10 }));
            return line.Substring(0, line.Length - 2);
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
        public byte[] ReadExactly(int count)
        {
            while (_pending.Length < count)
            {
                if (!Fill())
                {
                    throw new EndOfStreamException("closed after " + _pending.Length + " of " + count + " bytes");
                }
            }

            return Take(count);
        }

        /// <summary>Reads until the server closes and returns everything not yet read.</summary>
        public byte[] ReadToEnd()
        {
            while (Fill())
            {
            }

            return Take((int)_pending.Length);
        }

        /// <summary>
        /// Reads a chunked body (after its head was read) and returns the decoded bytes; each
        /// chunk's size is added to <paramref name="chunkSizes"/> when it is given.
        /// </summary>
        public byte[] ReadChunkedBody(System.Collections.Generic.List<int> chunkSizes = null)
        {
            MemoryStream body = new MemoryStream();
            while (true)
            {
                string sizeLine = ReadLine();
                int semicolon = sizeLine.IndexOf(';');
                int size = Convert.ToInt32(semicolon < 0 ? sizeLine : sizeLine.Substring(0, semicolon), 16);
                if (size == 0)
                {
                    while (ReadLine().Length != 0)
                    {
                    }

                    return body.ToArray();
                }

                chunkSizes?.Add(size);
                body.Write(ReadExactly(size));
                if (ReadLine().Length != 0)
                {
                    throw new InvalidDataException("chunk not followed by CRLF");
                }
            }
        }

        /// <summary>Closes the socket.</summary>
        public void Dispose() => _socket.Dispose();

        private byte[] ReadThrough(byte[] marker)
        {
            int searched = 0;
            while (true)
            {
                byte[] buffer = _pending.GetBuffer();
                for (int i = searched; i + marker.Length <= _pending.Length; i++)
                {
                    if (buffer.AsSpan(i, marker.Length).SequenceEqual(marker))
                    {
                        return Take(i + marker.Length);
                    }
                }

                searched = (int)Math.Max(0, _pending.Length - marker.Length + 1);
                if (!Fill())
                {
                    throw new EndOfStreamException("closed before the marker");
                }
            }
        }

        private bool Fill()
        {
            byte[] buffer = new byte[64 * 1024];
            int read = _socket.Receive(buffer);
            _pending.Write(buffer, 0, read);
            return read > 0;
        }

        private byte[] Take(int count)
        {
            byte[] all = _pending.ToArray();
            byte[] taken = all.AsSpan(0, count).ToArray();
            _pending.SetLength(0);
            _pending.Write(all, count, all.Length - count);
            return taken;
        }
    }
}
