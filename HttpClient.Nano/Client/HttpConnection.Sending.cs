using System;
using System.IO;
using System.Text;

namespace HttpNano
{
    /// <summary>
    /// The send engine of <see cref="HttpConnection"/>: framing headers, the head and the body
    /// (byte array, text, stream; Content-Length or chunked), "Expect: 100-continue", and the one
    /// replay of a request that a stale keep-alive socket killed.
    /// <code>
    ///   SendRequest -> SendHead -> Transmit: head [+ small body] | head, (AwaitContinue), body
    ///                     |  failure on a kept-alive socket, nothing of the answer received,
    ///                     |  request replayable (RFC 9110 section 9.2.2) -> Close, Replay -> SendHead
    ///                     +- any other failure -> EndFailedSend (the early answer stays, or Close)
    /// </code>
    /// A request may be sent again only when its method is idempotent (GET, HEAD, OPTIONS,
    /// TRACE, PUT, DELETE) or it carries an Idempotency-Key header, and its body can be sent
    /// again: a POST that unlocks a door never runs twice on its own.
    /// </summary>
    public partial class HttpConnection
    {
        private const string IdempotencyKeyName = "Idempotency-Key";

        // Python's _send_request: framing headers by CPython's rules, the caller's headers, then
        // the head and body.
        private void SendRequest(string method, string url, object body, long bodyLength, HttpHeaders headers, bool encodeChunked)
        {
            PutRequest(method, url, headers != null && headers.Contains(HostName), headers != null && headers.Contains("Accept-Encoding"));

            // Idle until SendHead: a rejected header (or body length) leaves nothing half-sent,
            // the request never started.
            _state = State.Idle;
            bool expect = ExpectContinue && (bodyLength > 0 || bodyLength == RequestWriter.UnknownLength)
                && (headers == null || !headers.Contains(ExpectName));
            long contentLength;
            int framing = RequestWriter.Decide(_writer.MethodExpectsBody, bodyLength,
                headers != null && headers.Contains(RequestWriter.ContentLengthHeader),
                headers != null && headers.Contains(RequestWriter.TransferEncodingHeader),
                encodeChunked, out contentLength);
            if (framing == RequestWriter.AddContentLength)
            {
                _writer.WriteHeader(RequestWriter.ContentLengthHeader, contentLength);
            }
            else if (framing == RequestWriter.AddChunked)
            {
                _writer.WriteHeader(RequestWriter.TransferEncodingHeader, RequestWriter.ChunkedValue);
            }

            if (expect)
            {
                _writer.WriteHeader(ExpectName, "100-continue");
            }

            if (headers != null)
            {
                for (int i = 0; i < headers.Count; i++)
                {
                    _writer.WriteHeader(headers.GetName(i), headers.GetValue(i));
                }

                if (headers.Contains(IdempotencyKeyName))
                {
                    _replayable = RetryOnStaleConnection;
                }
            }

            Stream stream = body as Stream;
            if (stream != null)
            {
                _replayable &= stream.CanSeek;
                if (_replayable)
                {
                    _bodyStart = stream.Position;
                }
            }

            _body = body;
            _chunked = framing == RequestWriter.AddChunked || framing == RequestWriter.ChunkEncodeOnly;
            _expect = expect;
            _writer.EndHeaders();
            SendHead();
        }

        // The head is complete: send it and the body. A failure on a socket that already carried
        // a response, before anything of this request's answer came back, is a stale keep-alive
        // close: a replayable request goes out once more on a new socket (Replay, which comes
        // back here with no socket, so never twice).
        private void SendHead()
        {
            _state = State.RequestSent;
            ResponseReader reader = _reader;
            bool reused = false;
            if (reader != null && reader.Transport != null)
            {
                reused = reader.Served;

                // Only a head that goes out asks for an answer: while the previous response is
                // still being read, the bytes behind it are now this request's (not unasked).
                reader.AnswerAsked = reader.State != ResponseReader.Phase.Done;
            }

            try
            {
                Transmit();
            }
            catch
            {
                if (!reused || !_replayable)
                {
                    EndFailedSend();
                    throw;
                }

                Close();
                Replay();
            }
        }

        // After a failed send the request is over. When the server already answered (Python's
        // test_epipe: a 401 and a reset while the body was still going out), that answer is the
        // socket's last and stays readable by GetResponse; the next request drops it if it was
        // not read. Otherwise the socket is closed. The check never throws, so the failure that
        // brought us here is the one the caller sees.
        private void EndFailedSend()
        {
            ResponseReader reader = _reader;
            if (_state == State.RequestSent && reader != null && reader.Transport != null && reader.Transport.PeerClosed())
            {
                _state = State.Idle;
                reader.LastAnswer = true;
            }
            else
            {
                Close();
            }
        }

        // Sends the request once more, on a new socket (the old one is closed): never twice. A
        // failed rewind leaves the connection as closed as a failed send would.
        private void Replay()
        {
            _replayable = false;
            Stream stream = _body as Stream;
            if (stream != null)
            {
                stream.Position = _bodyStart;
            }

            SendHead();
        }

        // The head in the writer's buffer and the recorded body, over the socket (opened if needed).
        private void Transmit()
        {
            byte[] bytes = _body as byte[];
            int head = _writer.Length;
            if (!_expect && bytes != null && !_chunked && head + bytes.Length <= Scratch().Length)
            {
                // A small body rides along with the head in one send.
                Array.Copy(_writer.Buffer, 0, _scratch, 0, head);
                Array.Copy(bytes, 0, _scratch, head, bytes.Length);
                SendRaw(_scratch, 0, head + bytes.Length);
                return;
            }

            SendRaw(_writer.Buffer, 0, head);
            if (_expect && !AwaitContinue())
            {
                return;
            }

            bool afterChunk = false;
            if (bytes != null)
            {
                if (!_chunked)
                {
                    SendRaw(bytes, 0, bytes.Length);
                    return;
                }

                if (bytes.Length > 0)
                {
                    SendRaw(Scratch(), 0, RequestWriter.ChunkHeader(bytes.Length, false, _scratch, 0));
                    SendRaw(bytes, 0, bytes.Length);
                    afterChunk = true;
                }
            }
            else if (_body != null)
            {
                afterChunk = SendPieces();
            }

            if (_chunked && _body != null)
            {
                SendRaw(Scratch(), 0, RequestWriter.LastChunk(afterChunk, _scratch, 0));
            }
        }

        // A text or stream body, a block at a time through the scratch buffer; true when a chunk
        // went out (the last chunk then starts with the CRLF that closes it).
        private bool SendPieces()
        {
            byte[] scratch = Scratch();
            string text = _body as string;
            Stream stream = _body as Stream;
            bool afterChunk = false;
            int charIndex = 0;
            while (true)
            {
                int count;
                if (text != null)
                {
                    if (charIndex >= text.Length)
                    {
                        break;
                    }

                    // At least 4 bytes, the longest character, so every turn moves on: the
                    // scratch buffer has MaxLastChunkLength bytes past a block for them.
                    count = EncodeUtf8(text, ref charIndex, scratch, DataOffset, BlockSize < 4 ? 4 : BlockSize);
                }
                else
                {
                    try
                    {
                        count = stream.Read(scratch, DataOffset, BlockSize);
                    }
                    catch
                    {
                        // The caller's source failed, not the socket: sending it again cannot help.
                        _replayable = false;
                        throw;
                    }

                    if (count <= 0)
                    {
                        break;
                    }
                }

                int start = DataOffset;
                if (_chunked)
                {
                    int headerLength = (afterChunk ? 2 : 0) + Ascii.HexLength(count) + 2;
                    start = DataOffset - headerLength;
                    RequestWriter.ChunkHeader(count, afterChunk, scratch, start);
                    afterChunk = true;
                }

                SendRaw(scratch, start, DataOffset + count - start);
            }

            return afterChunk;
        }

        // The head went out with "Expect: 100-continue": true to send the body ("100 Continue",
        // or no answer within ContinueTimeout), false when a final response came first. Once the
        // body goes out after the wait, the request is not sent again.
        private bool AwaitContinue()
        {
            ResponseReader reader = _reader;
            if (reader.Transport.Poll(ContinueTimeout < 0 ? 0 : ContinueTimeout))
            {
                reader.Start(Timeout, ResponseTimeout);
                try
                {
                    if (!reader.ReadContinue())
                    {
                        return false;
                    }
                }
                catch
                {
                    _replayable &= reader.ReceivedNothing;
                    throw;
                }
            }

            _replayable = false;
            return true;
        }

        private void SendRaw(byte[] data, int offset, int count)
        {
            ResponseReader reader = _reader;
            if (reader == null || reader.Transport == null)
            {
                Connect();
                reader = _reader;
            }

            if (DebugLevel > 0)
            {
                TcpTransport.Debug("send: '" + TcpTransport.Escape(data, offset, count) + "'");
            }

            reader.Transport.Send(data, offset, count);
        }

        // A block-sized buffer for stream and string bodies, allocated on first use and again
        // when BlockSize changed.
        private byte[] Scratch()
        {
            if (BlockSize <= 0)
            {
                throw new ArgumentOutOfRangeException("BlockSize");
            }

            int length = RequestWriter.MaxChunkHeaderLength + BlockSize + RequestWriter.MaxLastChunkLength;
            if (_scratch == null || _scratch.Length != length)
            {
                _scratch = new byte[length];
            }

            return _scratch;
        }

        /// <summary>
        /// UTF-8 of string bodies through the platform's encoder (nanoFramework.System.Text's
        /// native <c>Encoding.UTF8.GetBytes(string, int, int, byte[], int)</c>, the same overload
        /// on .NET): a lone surrogate becomes U+FFFD on both. Encodes characters from
        /// <paramref name="charIndex"/> on into at most <paramref name="count"/> bytes (at least
        /// 4) at <paramref name="offset"/>, as many as surely fit (up to 2 bytes may stay free),
        /// never splitting a surrogate pair;
        /// advances <paramref name="charIndex"/> and returns the bytes written. With a null
        /// <paramref name="buffer"/> nothing is written and the rest of the text is counted
        /// (through a small buffer of its own): the bytes its encoding needs.
        /// </summary>
        internal static int EncodeUtf8(string text, ref int charIndex, byte[] buffer, int offset, int count)
        {
            int length = text.Length;
            int total = 0;
            if (buffer == null)
            {
                buffer = new byte[CountPiece * 3];
                while (charIndex < length)
                {
                    total += EncodePiece(text, ref charIndex, length - charIndex < CountPiece ? length - charIndex : CountPiece, buffer, 0);
                }

                return total;
            }

            while (charIndex < length)
            {
                int room = count - total;

                // Characters that surely fit: each takes at most 3 bytes (a pair 4 for 2). The
                // last two bytes of a block may stay unused: the next block takes the rest.
                int n = room / 3;
                if (n == 0)
                {
                    break;
                }

                if (n > length - charIndex)
                {
                    n = length - charIndex;
                }

                int written = EncodePiece(text, ref charIndex, n, buffer, offset + total);
                if (written == 0 && n == 1)
                {
                    // One character asked for, but it was the first half of a pair: both halves.
                    if (room < 4)
                    {
                        break;
                    }

                    written = EncodePiece(text, ref charIndex, 2, buffer, offset + total);
                }

                total += written;
            }

            return total;
        }

        // Characters per piece when counting.
        private const int CountPiece = 64;

        // Encodes text[i, i + n) at buffer[at], one character fewer when i + n would split a
        // surrogate pair; advances i and returns the bytes written. A last character that reads
        // as a high surrogate is either a pair's first half (split when a low surrogate follows,
        // on .NET) or, on nanoFramework, whose indexer gives the high half for both, either half:
        // there a piece that ends inside a pair encodes no more bytes than one a character
        // shorter, as the native encoder stops before half a pair.
        private static int EncodePiece(string text, ref int i, int n, byte[] buffer, int at)
        {
            int end = i + n;
            Encoding utf8 = Encoding.UTF8;
            int written;
            if (end < text.Length && (text[end - 1] & 0xFC00) == 0xD800)
            {
                written = utf8.GetBytes(text, i, n - 1, buffer, at);
                int whole;
                if ((text[end] & 0xFC00) == 0xDC00 || (whole = utf8.GetBytes(text, i, n, buffer, at)) == written)
                {
                    end--;
                }
                else
                {
                    written = whole;
                }
            }
            else
            {
                written = utf8.GetBytes(text, i, n, buffer, at);
            }

            i = end;
            return written;
        }
    }
}
