using System;
using System.Text;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// Drives a <see cref="ResponseReader"/> over a byte script and writes down everything it
    /// reports (heads, framing, body bytes, how each body ended, the error that stopped it), so
    /// that runs over different splits of the same script can be compared.
    /// <para>
    /// The first byte of a fuzz input is a control byte, the rest the script:
    /// bits 0-3 the transport's piece size (0: as much as fits), bits 4-5 the body read size
    /// (1, 3, 64, 1024), bit 6 "the request was HEAD", bit 7 small limits.
    /// </para>
    /// </summary>
    internal static class ReaderRun
    {
        /// <summary>Most responses read from one script.</summary>
        public const int MaxResponses = 4;

        private static readonly int[] ReadSizes = { 1, 3, 64, 1024 };

        /// <summary>
        /// Runs <paramref name="script"/> (the payload of <paramref name="input"/>, behind
        /// <paramref name="prefix"/>) split as the control byte says, byte by byte, and whole,
        /// and fails unless the three transcripts agree.
        /// </summary>
        public static void CheckSplitInvariance(byte[] prefix, byte[] input)
        {
            if (input.Length == 0)
            {
                return;
            }

            byte control = input[0];
            byte[] script = new byte[prefix.Length + input.Length - 1];
            Array.Copy(prefix, script, prefix.Length);
            Array.Copy(input, 1, script, prefix.Length, input.Length - 1);

            int piece = control & 0x0f;
            int readSize = ReadSizes[(control >> 4) & 3];
            bool requestWasHead = (control & 0x40) != 0;
            bool small = (control & 0x80) != 0;

            string whole = Transcript(script, 0, readSize, requestWasHead, small);
            string split = Transcript(script, piece, readSize, requestWasHead, small);
            FuzzCheckException.Check(whole == split, "piece size " + piece + " gives\n" + split + "\nwhole gives\n" + whole);
            string bytewise = Transcript(script, 1, 1, requestWasHead, small);
            FuzzCheckException.Check(whole == bytewise, "byte by byte gives\n" + bytewise + "\nwhole gives\n" + whole);
        }

        /// <summary>The transcript of a whole input (control byte and script, no prefix), read whole.</summary>
        public static string Transcript(byte[] input)
        {
            if (input.Length == 0)
            {
                return "";
            }

            byte[] script = input[1..];
            return Transcript(script, 0, ReadSizes[(input[0] >> 4) & 3], (input[0] & 0x40) != 0, (input[0] & 0x80) != 0);
        }

        /// <summary>Limits small enough that fuzz inputs reach every limit.</summary>
        public static HttpLimits Limits(bool small)
        {
            HttpLimits limits = new HttpLimits();
            if (small)
            {
                limits.MaxLineLength = 40;
                limits.MaxHeaderCount = 3;
                limits.MaxHeaderBytes = 200;
                limits.MaxInterimResponses = 2;
                limits.MaxTrailerBytes = 30;
            }

            return limits;
        }

        /// <summary>Reads up to <see cref="MaxResponses"/> responses and describes them.</summary>
        public static string Transcript(byte[] script, int piece, int readSize, bool requestWasHead, bool small)
        {
            StringBuilder text = new StringBuilder();
            ResponseReader reader = new ResponseReader(Limits(small), 64);
            PieceTransport transport = new PieceTransport(script, 0, piece);
            reader.Attach(transport);
            byte[] block = new byte[readSize];
            try
            {
                for (int r = 0; r < MaxResponses; r++)
                {
                    ResponseHead head = reader.ReadHead(requestWasHead);
                    if (reader.State == ResponseReader.Phase.Done)
                    {
                        // No body: finished at once, as HttpResponse does.
                        reader.Finish(true);
                    }

                    Describe(text, head, reader, transport.Position - reader.Buffered < script.Length);
                    long total = 0;
                    int read;
                    while ((read = reader.ReadBody(block, 0, readSize)) > 0)
                    {
                        FuzzCheckException.Check(read <= readSize, "ReadBody returned more than asked for");
                        total += read;
                        FuzzCheckException.Check(total <= script.Length, "more body bytes than the script holds");
                        text.Append(Convert.ToHexString(block, 0, read));
                    }

                    FuzzCheckException.Check(reader.State == ResponseReader.Phase.Done, "ReadBody returned 0 before the body was done");
                    // A body cut short raises IncompleteReadException: a clean end is a whole body.
                    if (reader.Framing == ResponseReader.Phase.Length)
                    {
                        FuzzCheckException.Check(reader.Left == 0, "Content-Length body done with bytes still expected");
                    }

                    // Exactly this response is consumed. Bytes after it close the connection when
                    // they were received with it (unasked), so whether it closes depends on the
                    // split: the transcript says "closed, or more bytes follow" instead, and reads
                    // what follows as the answer to a next request, on a new connection.
                    int consumed = transport.Position - reader.Buffered;
                    FuzzCheckException.Check(reader.Buffered == 0 || reader.WillClose, "unasked bytes left on a reusable connection");
                    text.Append(" | close=").Append(reader.WillClose || consumed < script.Length)
                        .Append(" rest=").Append(script.Length - consumed).Append('\n');
                    if (consumed < script.Length)
                    {
                        transport = new PieceTransport(script, consumed, piece);
                        reader.Attach(transport);
                    }
                    else if (reader.WillClose)
                    {
                        break;
                    }
                }
            }
            catch (Exception e) when (ExpectedErrors.Is(e))
            {
                text.Append("! ").Append(e.GetType().Name).Append(": ").Append(e.Message);
                CheckSticky(reader, e);
            }

            return text.ToString();
        }

        private static void Describe(StringBuilder text, ResponseHead head, ResponseReader reader, bool more)
        {
            FuzzCheckException.Check(head.Status >= 100 && head.Status <= 999, "status out of range");
            FuzzCheckException.Check(head.Version == 10 || head.Version == 11, "version out of range");
            text.Append(head.Version).Append(' ').Append(head.Status).Append(" [").Append(head.Reason).Append("]\n");
            for (int i = 0; i < head.Count; i++)
            {
                string name = head.GetName(i);
                FuzzCheckException.Check(IsToken(name), "field name is not a token");
                FuzzCheckException.Check(head.IndexOf(name, 0) <= i, "IndexOf misses a field");
                string joined = head.GetHeader(name);
                FuzzCheckException.Check(joined != null, "GetHeader misses a field");
                text.Append("  ").Append(name).Append(": [").Append(head.GetValue(i)).Append("]\n");
            }

            bool done = reader.State == ResponseReader.Phase.Done;
            text.Append(reader.Framing).Append(' ').Append(reader.Framing <= ResponseReader.Phase.Length ? reader.Left : -1).Append(" close=").Append(reader.WillClose || (done && more))
                .Append(" done=").Append(done).Append("\n  ");
        }

        // A failed reader refuses everything after, with the same error.
        private static void CheckSticky(ResponseReader reader, Exception first)
        {
            if (first is ResponseNotReadyException || first is NotConnectedException)
            {
                return;
            }

            FuzzCheckException.Check(reader.WillClose, "a reader that failed allows reuse");
            try
            {
                reader.ReadBody(new byte[8], 0, 8);
                FuzzCheckException.Check(false, "a reader that failed read a body");
            }
            catch (Exception again) when (ExpectedErrors.Is(again))
            {
                FuzzCheckException.Check(ReferenceEquals(again, first), "a failed reader raised a different error");
            }
        }

        private static bool IsToken(string name)
        {
            try
            {
                new RequestWriter().WriteHeader(name, "");
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
