using System;
using System.Text;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// The no-injection property of the request writer: a header it accepts comes back, when its
    /// bytes are read as a response head, as exactly one field with the same name and the same
    /// value (as a reader sees it: obs-folds joined with one space, outer whitespace trimmed).
    /// </summary>
    public static class HeaderRoundTrip
    {
        private const string StatusLine = "HTTP/1.1 200 OK\r\n";

        /// <summary>
        /// Writes the field (one value, or several joined as continuation lines); an
        /// <see cref="ArgumentException"/> means it was rejected. Otherwise fails unless it reads back.
        /// </summary>
        public static void Check(string name, string[] values)
        {
            RequestWriter writer = new RequestWriter(16);
            if (values.Length == 1)
            {
                writer.WriteHeader(name, values[0]);
            }
            else
            {
                writer.WriteHeader(name, values);
            }

            string joined = string.Join("\r\n\t", values);
            byte[] field = new byte[writer.Length];
            Array.Copy(writer.Buffer, field, writer.Length);
            byte[] head = Concat(Encoding.Latin1.GetBytes(StatusLine), field, new byte[] { 13, 10 });

            HttpLimits limits = new HttpLimits();
            limits.MaxLineLength = head.Length + 1;
            limits.MaxHeaderBytes = head.Length + 1;
            ResponseHead parser = new ResponseHead(limits);
            parser.Reset(head, 0);
            int consumed;
            try
            {
                consumed = parser.Parse(head, 0, head.Length);
            }
            catch (HttpException e)
            {
                throw new FuzzCheckException("accepted field does not parse (" + e.Message + "): " + Escape(field));
            }

            FuzzCheckException.Check(parser.IsComplete && consumed == head.Length, "accepted field does not end where the head ends: " + Escape(field));
            ResponseHead parsed = parser;
            FuzzCheckException.Check(parsed.Count == 1, "accepted field reads as " + parsed.Count + " fields: " + Escape(field));
            FuzzCheckException.Check(parsed.GetName(0) == name, "name changed: " + Escape(field));
            string expected = AsRead(joined);
            FuzzCheckException.Check(parsed.GetValue(0) == expected, "value changed: [" + Escape(parsed.GetValue(0)) + "] instead of [" + Escape(expected) + "]");
        }

        /// <summary>
        /// A valid field value as a reader sees it: the lines of an obs-fold (split at CRLF)
        /// trimmed of SP/HTAB, and the non-empty ones joined with one SP.
        /// </summary>
        public static string AsRead(string value)
        {
            StringBuilder text = new StringBuilder();
            foreach (string line in value.Split("\r\n"))
            {
                string trimmed = line.Trim(' ', '\t');
                if (trimmed.Length == 0)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(trimmed);
            }

            return text.ToString();
        }

        /// <summary>Control characters and non-ASCII shown as \xNN / \uNNNN.</summary>
        public static string Escape(string text)
        {
            StringBuilder escaped = new StringBuilder();
            foreach (char c in text)
            {
                if (c < 0x20 || c == 0x7f)
                {
                    escaped.Append("\\x").Append(((int)c).ToString("x2"));
                }
                else if (c > 0x7e)
                {
                    escaped.Append("\\u").Append(((int)c).ToString("x4"));
                }
                else
                {
                    escaped.Append(c);
                }
            }

            return escaped.ToString();
        }

        private static string Escape(byte[] bytes)
        {
            return Escape(Encoding.Latin1.GetString(bytes));
        }

        private static byte[] Concat(byte[] a, byte[] b, byte[] c)
        {
            byte[] all = new byte[a.Length + b.Length + c.Length];
            a.CopyTo(all, 0);
            b.CopyTo(all, a.Length);
            c.CopyTo(all, a.Length + b.Length);
            return all;
        }
    }
}
