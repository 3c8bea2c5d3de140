using System.IO;

namespace HttpNano
{
    public partial class HttpConnection
    {
        // Body bytes are placed in the scratch buffer at this offset, so a chunk header can be
        // written just before them and header plus data leave in one send.
        private const int DataOffset = RequestWriter.MaxChunkHeaderLength;

        // The head is in the writer's buffer; a small body rides along in the same send.
        private void SendHeadAndBytes(byte[] body, bool chunked)
        {
            int headLength = _writer.Length;
            if (body == null)
            {
                SendRaw(_writer.Buffer, 0, headLength);
                return;
            }

            if (!chunked)
            {
                byte[] scratch = Scratch;
                if (headLength + body.Length <= scratch.Length)
                {
                    System.Array.Copy(_writer.Buffer, 0, scratch, 0, headLength);
                    System.Array.Copy(body, 0, scratch, headLength, body.Length);
                    SendRaw(scratch, 0, headLength + body.Length);
                    return;
                }

                SendRaw(_writer.Buffer, 0, headLength);
                SendRaw(body, 0, body.Length);
                return;
            }

            SendRaw(_writer.Buffer, 0, headLength);
            SendBytes(body, true);
        }

        // The body alone, the head having gone out already.
        private void SendBytes(byte[] body, bool chunked)
        {
            if (!chunked)
            {
                SendRaw(body, 0, body.Length);
                return;
            }

            bool afterChunk = false;
            if (body.Length > 0)
            {
                byte[] scratch = Scratch;
                int length = RequestWriter.ChunkHeader(body.Length, false, scratch, 0);
                SendRaw(scratch, 0, length);
                SendRaw(body, 0, body.Length);
                afterChunk = true;
            }

            SendLastChunk(afterChunk);
        }

        private void SendText(string text, bool chunked)
        {
            byte[] scratch = Scratch;
            bool afterChunk = false;
            int charIndex = 0;
            while (charIndex < text.Length)
            {
                int count = Ascii.EncodeUtf8(text, ref charIndex, scratch, DataOffset, _blockSize);
                SendPiece(count, chunked, ref afterChunk);
            }

            if (chunked)
            {
                SendLastChunk(afterChunk);
            }
        }

        private void SendStream(Stream stream, bool chunked)
        {
            byte[] scratch = Scratch;
            bool afterChunk = false;
            while (true)
            {
                int count = stream.Read(scratch, DataOffset, _blockSize);
                if (count <= 0)
                {
                    break;
                }

                SendPiece(count, chunked, ref afterChunk);
            }

            if (chunked)
            {
                SendLastChunk(afterChunk);
            }
        }

        // Sends scratch[DataOffset, DataOffset + count), with its chunk header when chunked.
        private void SendPiece(int count, bool chunked, ref bool afterChunk)
        {
            if (count == 0)
            {
                return;
            }

            int start = DataOffset;
            if (chunked)
            {
                int headerLength = (afterChunk ? 2 : 0) + Ascii.HexLength(count) + 2;
                start = DataOffset - headerLength;
                RequestWriter.ChunkHeader(count, afterChunk, _scratch, start);
                afterChunk = true;
            }

            SendRaw(_scratch, start, DataOffset + count - start);
        }

        private void SendLastChunk(bool afterChunk)
        {
            byte[] scratch = Scratch;
            int length = RequestWriter.LastChunk(afterChunk, scratch, 0);
            SendRaw(scratch, 0, length);
        }

        private void SendRaw(byte[] data, int offset, int count)
        {
            ITransport transport = EnsureConnected();
            if (_debugLevel > 0)
            {
                DebugLog.WriteLine("send: '" + DebugLog.Escape(data, offset, count) + "'");
            }

            transport.Send(data, offset, count);
        }
    }
}
