using System;
using System.Collections.Generic;
using System.Text;
using CsCheck;

namespace HttpNano.Tests.Host.Properties
{
    /// <summary>
    /// A valid HTTP/1.1 response made from generated parts, with what a reader must make of it:
    /// status, trimmed reason, fields in order (trimmed values), and the body, framed by
    /// Content-Length or by chunks of generated sizes (with extensions and trailers). Line ends
    /// are CRLF or bare LF, line by line; an interim 100 response may come first.
    /// </summary>
    internal sealed class GeneratedResponse
    {
        private const string TokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

        public int Status;
        public string Reason;
        public string[] Names;
        public string[] Values;
        public byte[] Body;
        public bool Chunked;
        public byte[] Bytes;

        /// <summary>Printable ASCII, obs-text, and SP/HTAB; the outer whitespace is trimmed by readers.</summary>
        public static readonly Gen<string> FieldText = Gen.String[Gen.Frequency(
            (8, Gen.Char[(char)0x21, (char)0x7e]),
            (1, Gen.Char[(char)0x80, (char)0xff]),
            (2, Gen.Char[" \t"])), 0, 24];

        public static readonly Gen<string> FieldName = Gen.String[Gen.Char[TokenChars], 1, 12].Select(n => "X-" + n);

        public static readonly Gen<GeneratedResponse> Any =
            from status in Gen.Int[100, 599].Where(s => s >= 200 && s != 204 && s != 304)
            from reason in FieldText
            from names in FieldName.Array[0, 8]
            from values in FieldText.Array[8]
            from body in Gen.Byte.Array[0, 400]
            from chunked in Gen.Bool
            from chunkSizes in Gen.Int[1, 80].Array[1, 6]
            from extensions in Gen.Bool.Array[6]
            from upperHex in Gen.Bool
            from trailers in FieldText.Array[0, 3]
            from interim in Gen.Int[0, 3]
            from lineEnds in Gen.Bool.Array[32]
            select Make(status, reason, names, values, body, chunked, chunkSizes, extensions, upperHex, trailers, interim == 0, lineEnds);

        private static GeneratedResponse Make(int status, string reason, string[] names, string[] values, byte[] body, bool chunked,
            int[] chunkSizes, bool[] extensions, bool upperHex, string[] trailers, bool interim, bool[] lineEnds)
        {
            int line = 0;
            string Eol() => lineEnds[line++ % lineEnds.Length] ? "\r\n" : "\n";

            StringBuilder head = new StringBuilder();
            if (interim)
            {
                head.Append("HTTP/1.1 100 Continue").Append(Eol()).Append(Eol());
            }

            head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(reason).Append(Eol());
            string[] fieldValues = new string[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                fieldValues[i] = values[i];
                head.Append(names[i]).Append(':').Append(values[i]).Append(Eol());
            }

            head.Append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.Length).Append(Eol()).Append(Eol());
            List<byte> bytes = new List<byte>(Encoding.Latin1.GetBytes(head.ToString()));
            if (!chunked)
            {
                bytes.AddRange(body);
            }
            else
            {
                int at = 0;
                for (int c = 0; at < body.Length; c++)
                {
                    int size = Math.Min(chunkSizes[c % chunkSizes.Length], body.Length - at);
                    string hex = size.ToString(upperHex ? "X" : "x");
                    bytes.AddRange(Encoding.Latin1.GetBytes(hex + (extensions[c % extensions.Length] ? ";ext=\"a;b\"" : "") + Eol()));
                    bytes.AddRange(new ArraySegment<byte>(body, at, size));
                    bytes.AddRange(Encoding.Latin1.GetBytes(Eol()));
                    at += size;
                }

                StringBuilder end = new StringBuilder("0").Append(Eol());
                foreach (string trailer in trailers)
                {
                    end.Append("X-Trailer: ").Append(trailer).Append(Eol());
                }

                bytes.AddRange(Encoding.Latin1.GetBytes(end.Append(Eol()).ToString()));
            }

            return new GeneratedResponse
            {
                Status = status,
                Reason = reason.Trim(' ', '\t'),
                Names = names,
                Values = Array.ConvertAll(fieldValues, v => v.Trim(' ', '\t')),
                Body = body,
                Chunked = chunked,
                Bytes = bytes.ToArray(),
            };
        }

        public override string ToString() => Encoding.Latin1.GetString(Bytes).Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
