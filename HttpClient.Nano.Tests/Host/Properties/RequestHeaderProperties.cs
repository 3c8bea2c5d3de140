using System;
using System.Text;
using CsCheck;
using Xunit;

namespace HttpNano.Tests.Host.Properties
{
    /// <summary>
    /// No header injection: for any name and value, <see cref="RequestWriter"/> either rejects
    /// them with an <see cref="ArgumentException"/> - exactly when the name is not a token, or
    /// the value holds a char above 0xFF or a CR/LF that is not part of an obs-fold (CRLF SP/HTAB)
    /// - or writes bytes that, read as a response head, give exactly one field with that name
    /// and that value (as a reader sees it: folds joined with one SP, outer whitespace trimmed).
    /// </summary>
    public sealed class RequestHeaderProperties
    {
        private const string TokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

        private static readonly Gen<string> Names = Gen.String[Gen.Frequency(
            (20, Gen.Char[TokenChars]),
            (1, Gen.Char["\r\n\t :;,\"()/<>=?@[]{}\\\0\u007f"]),
            (1, Gen.Char[(char)0x80, (char)0x17f])), 0, 10];

        private static readonly Gen<string> Fragment = Gen.Frequency(
            (10, Gen.String[Gen.Char[(char)0x20, (char)0x7e], 1, 6]),
            (2, Gen.OneOfConst("\r\n ", "\r\n\t", " ", "\t", "\r\n  \t")),
            (1, Gen.OneOfConst("\r\n", "\r", "\n", "\n ", "\r ", "\r\r\n ", "Injected: yes")),
            (1, Gen.Char[(char)0x00, (char)0x1f].Select(c => c.ToString())),
            (1, Gen.Char[(char)0x7f, (char)0x1ff].Select(c => c.ToString())));

        private static readonly Gen<string> Values = Fragment.Array[0, 8].Select(f => string.Concat(f));

        [Fact]
        public void HeaderIsRejectedOrReadsBackAsExactlyOneField()
        {
            Gen.Select(Names, Values).Sample((name, value) =>
            {
                RequestWriter writer = new RequestWriter(8);
                bool valid = IsToken(name) && IsValidValue(value);
                if (!valid)
                {
                    Assert.ThrowsAny<ArgumentException>(() => writer.WriteHeader(name, value));
                    return;
                }

                writer.WriteHeader(name, value);
                AssertReadsBack(writer, name, value);
            }, iter: 200000, print: t => Escape(t.Item1) + " = " + Escape(t.Item2));
        }

        [Fact]
        public void SeveralValuesAreRejectedOrReadBackAsOneFoldedField()
        {
            Gen.Select(Names.Where(IsToken), Values.Array[0, 4]).Sample((name, values) =>
            {
                RequestWriter writer = new RequestWriter(8);
                if (!Array.TrueForAll(values, IsValidValue))
                {
                    Assert.ThrowsAny<ArgumentException>(() => writer.WriteHeader(name, values));
                    return;
                }

                writer.WriteHeader(name, values);
                AssertReadsBack(writer, name, string.Join("\r\n\t", values));
            }, iter: 60000);
        }

        private static void AssertReadsBack(RequestWriter writer, string name, string value)
        {
            byte[] head = new byte[17 + writer.Length + 2];
            Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\n").CopyTo(head, 0);
            Array.Copy(writer.Buffer, 0, head, 17, writer.Length);
            head[head.Length - 2] = 13;
            head[head.Length - 1] = 10;

            HttpLimits limits = new HttpLimits { MaxLineLength = head.Length + 1, MaxHeaderBytes = head.Length + 1 };
            ResponseHead parser = new ResponseHead(limits);
            parser.Reset(head, 0);
            Assert.Equal(head.Length, parser.Parse(head, 0, head.Length));
            Assert.True(parser.IsComplete);
            Assert.Equal(1, parser.Count);
            Assert.Equal(name, parser.GetName(0));
            Assert.Equal(AsRead(value), parser.GetValue(0));
        }

        private static bool IsToken(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (char c in name)
            {
                if (TokenChars.IndexOf(c) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        // Latin-1, and every CR/LF inside an obs-fold: CR LF (SP | HTAB).
        private static bool IsValidValue(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c > 0xff)
                {
                    return false;
                }

                if (c == '\r' && !(i + 2 < value.Length && value[i + 1] == '\n' && (value[i + 2] == ' ' || value[i + 2] == '\t')))
                {
                    return false;
                }

                if (c == '\n' && !(i > 0 && value[i - 1] == '\r'))
                {
                    return false;
                }
            }

            return true;
        }

        // A valid value as a reader sees it: fold lines trimmed, the non-empty ones joined with one SP.
        private static string AsRead(string value)
        {
            StringBuilder text = new StringBuilder();
            foreach (string line in value.Split("\r\n"))
            {
                string trimmed = line.Trim(' ', '\t');
                if (trimmed.Length > 0)
                {
                    text.Append(text.Length > 0 ? " " : "").Append(trimmed);
                }
            }

            // A NUL in a received value reads as SP (RFC 9110 section 5.5), as a bare CR does.
            return text.ToString().Replace('\0', ' ');
        }

        private static string Escape(string text)
        {
            StringBuilder escaped = new StringBuilder();
            foreach (char c in text)
            {
                escaped.Append(c < 0x20 || c > 0x7e ? "\\u" + ((int)c).ToString("x4") : c.ToString());
            }

            return escaped.ToString();
        }
    }
}
