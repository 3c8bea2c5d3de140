using System;
using System.Text;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// The fuzz targets. Each takes one input and either returns, raises one of the
    /// <see cref="ExpectedErrors"/> (the input was rejected), or raises anything else - a bug,
    /// including a <see cref="FuzzCheckException"/> for a broken invariant.
    /// </summary>
    public static class Targets
    {
        /// <summary>The target names, also the folder names under fuzz/corpus.</summary>
        public static readonly string[] Names = { "head", "chunked", "trailers", "request" };

        private static readonly byte[] ChunkedHead = Latin1("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        private static readonly byte[] LastChunk = Latin1("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n");

        /// <summary>The target called <paramref name="name"/>, or null.</summary>
        public static Action<byte[]> Find(string name)
        {
            switch (name)
            {
                case "head": return Head;
                case "chunked": return Chunked;
                case "trailers": return Trailers;
                case "request": return Request;
                default: return null;
            }
        }

        /// <summary>
        /// Response heads and framing: the input (after the control byte, see
        /// <see cref="ReaderRun"/>) is what the server sends - status line, fields, bodies,
        /// further responses - read through <see cref="ResponseReader"/>.
        /// </summary>
        public static void Head(byte[] input)
        {
            ReaderRun.CheckSplitInvariance(new byte[0], input);
        }

        /// <summary>Chunked bodies: the input follows a head that says Transfer-Encoding: chunked.</summary>
        public static void Chunked(byte[] input)
        {
            ReaderRun.CheckSplitInvariance(ChunkedHead, input);
        }

        /// <summary>Trailer sections: the input follows a chunked head, one chunk and the last chunk.</summary>
        public static void Trailers(byte[] input)
        {
            ReaderRun.CheckSplitInvariance(LastChunk, input);
        }

        /// <summary>
        /// Request header validation: the input is split at NUL bytes into a name and one or
        /// more values (Latin-1, or UTF-8 when the first byte is odd). <see cref="RequestWriter"/>
        /// must reject them with an <see cref="ArgumentException"/> or write one field that reads
        /// back as exactly that name and value.
        /// </summary>
        public static void Request(byte[] input)
        {
            if (input.Length == 0)
            {
                return;
            }

            string text = (input[0] & 1) != 0
                ? Encoding.UTF8.GetString(input, 1, input.Length - 1)
                : Encoding.Latin1.GetString(input, 1, input.Length - 1);
            string[] parts = text.Split('\0');
            string name = parts[0];
            string[] values = new string[Math.Max(1, parts.Length - 1)];
            values[0] = "";
            Array.Copy(parts, 1, values, 0, parts.Length - 1);
            HeaderRoundTrip.Check(name, values);
        }

        private static byte[] Latin1(string text)
        {
            return Encoding.Latin1.GetBytes(text);
        }
    }
}
