using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// Builds the seed corpora (fuzz/corpus/TARGET/) from the [DataRow] cases of the protocol
    /// tests in HttpClient.Nano.Tests/Device/Protocol, plus a few cases of its own. Each seed
    /// starts with the control byte of its target (see <see cref="ReaderRun"/> and
    /// <see cref="Targets.Request"/>). Files are named after a hash of their content, so
    /// running it again adds only what changed and keeps inputs saved from fuzzing.
    /// </summary>
    public static class Seeds
    {
        private const string Next = "HTTP/1.1 204 Next\r\nX-Next: yes\r\n\r\n";
        private const string ChunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

        // Whole/pieces of 7/pieces of 3 or 1, read sizes 3/64/1/1024, one HEAD request, one with small limits.
        private static readonly byte[] ReaderControls = { 0x17, 0x23, 0x01, 0x30, 0x47, 0x93 };

        private static readonly Regex DataRow = new Regex(@"\[DataRow\((.*)\)\]\s*$", RegexOptions.Multiline);
        private static readonly Regex Literal = new Regex(@"""((?:[^""\\]|\\.)*)""");

        public static int Write(string repoRoot, string corpusRoot)
        {
            string tests = Path.Combine(repoRoot, "HttpClient.Nano.Tests", "Device", "Protocol");
            Dictionary<string, List<byte[]>> seeds = new Dictionary<string, List<byte[]>>();
            foreach (string target in Targets.Names)
            {
                seeds[target] = new List<byte[]>();
            }

            List<string> heads = new List<string>();
            foreach (string[] row in Rows(Path.Combine(tests, "StatusLineTests.cs")))
            {
                heads.Add(row[0].StartsWith("HTTP/1.1 200 OK") || row[0].EndsWith("\n") ? row[0] : row[0] + "\r\n\r\n");
            }

            foreach (string[] row in Rows(Path.Combine(tests, "HeaderFieldTests.cs")))
            {
                heads.Add(row[0].StartsWith("HTTP/") ? row[0] + Next : "HTTP/1.1 200 OK\r\n" + row[0] + "\r\nContent-Length: 0\r\n\r\n" + Next);
            }

            foreach (string[] row in Rows(Path.Combine(tests, "FramingRulesTests.cs")))
            {
                heads.Add(row.Length >= 2 && row[0].StartsWith("HTTP/")
                    ? row[0] + "\r\n" + row[1] + (row[1].Length > 0 ? "\r\n" : "") + "\r\nhello" + Next
                    : "HTTP/1.1 200 OK\r\n" + row[0] + "\r\n\r\nhello" + Next);
            }

            foreach (string[] row in Rows(Path.Combine(tests, "ResponseReaderTests.cs")))
            {
                heads.Add(row[0] + Next);
            }

            heads.Add("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n" + Next);
            heads.Add("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx" + Next);
            heads.Add("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n");
            heads.Add("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");
            AddReaderSeeds(seeds["head"], heads);

            List<string> chunked = new List<string>();
            List<string> trailers = new List<string>();
            foreach (string[] row in Rows(Path.Combine(tests, "ChunkedBodyTests.cs")))
            {
                chunked.Add(row[0] + Next);
                int last = LastChunkEnd(row[0]);
                if (last >= 0)
                {
                    trailers.Add(row[0].Substring(last) + Next);
                }
            }

            chunked.Add("1;a=\"b\"\r\nx\r\n2 ; q\r\nyz\r\n0\r\n\r\n" + Next);
            chunked.Add("ffffffff\r\n" + new string('x', 100));
            AddReaderSeeds(seeds["chunked"], chunked);

            trailers.Add("X-Trailer: 1\r\n folded\r\nY: 2\r\n\r\n" + Next);
            trailers.Add("A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n" + Next);
            trailers.Add("X: " + new string('t', 60) + "\r\n\r\n" + Next);
            trailers.Add("\n" + Next);
            AddReaderSeeds(seeds["trailers"], trailers);

            foreach (string[] row in Rows(Path.Combine(tests, "HeaderValidationTests.cs")))
            {
                seeds["request"].Add(RequestSeed(row[0] + "\0v"));
                seeds["request"].Add(RequestSeed("X\0" + row[0]));
            }

            foreach (string[] row in Rows(Path.Combine(tests, "RequestWriterTests.cs")))
            {
                if (row.Length >= 2)
                {
                    seeds["request"].Add(RequestSeed(row[0] + "\0" + row[1].Replace('|', '\0')));
                }
            }

            seeds["request"].Add(RequestSeed("Multi\0a\0\0 b \0c\r\n d"));
            seeds["request"].Add(RequestSeed("X-Fold\0a\r\n \r\n\tb"));

            int written = 0;
            foreach (KeyValuePair<string, List<byte[]>> target in seeds)
            {
                string folder = Path.Combine(corpusRoot, target.Key);
                Directory.CreateDirectory(folder);
                foreach (byte[] seed in target.Value)
                {
                    string file = Path.Combine(folder, "seed-" + Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(seed), 0, 6).ToLowerInvariant());
                    if (!File.Exists(file))
                    {
                        File.WriteAllBytes(file, seed);
                        written++;
                    }
                }
            }

            return written;
        }

        // The string literals of every [DataRow] of a test file, unescaped.
        private static IEnumerable<string[]> Rows(string file)
        {
            foreach (Match row in DataRow.Matches(File.ReadAllText(file)))
            {
                MatchCollection literals = Literal.Matches(row.Groups[1].Value);
                if (literals.Count == 0 || row.Groups[1].Value.Contains("\" +") || row.Groups[1].Value.Contains("+ \""))
                {
                    continue;
                }

                string[] values = new string[literals.Count];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Regex.Unescape(literals[i].Groups[1].Value);
                }

                yield return values;
            }
        }

        // Where the trailer section starts: after the size line of the first zero-size chunk, or -1.
        private static int LastChunkEnd(string chunks)
        {
            int at = 0;
            while (at < chunks.Length)
            {
                int lineEnd = chunks.IndexOf('\n', at);
                if (lineEnd < 0)
                {
                    return -1;
                }

                string size = chunks.Substring(at, lineEnd - at).TrimEnd('\r').Split(';', ' ', '\t')[0];
                long value;
                if (!long.TryParse(size, System.Globalization.NumberStyles.HexNumber, null, out value) || value < 0 || value > chunks.Length)
                {
                    return -1;
                }

                if (value == 0)
                {
                    return lineEnd + 1;
                }

                at = lineEnd + 1 + (int)value;
                at = at < chunks.Length ? chunks.IndexOf('\n', at) + 1 : 0;
                if (at == 0)
                {
                    return -1;
                }
            }

            return -1;
        }

        private static void AddReaderSeeds(List<byte[]> seeds, List<string> scripts)
        {
            for (int i = 0; i < scripts.Count; i++)
            {
                byte[] script = Encoding.Latin1.GetBytes(scripts[i]);
                byte[] seed = new byte[script.Length + 1];
                seed[0] = ReaderControls[i % ReaderControls.Length];
                script.CopyTo(seed, 1);
                seeds.Add(seed);
            }
        }

        // Latin-1 when every char fits (control byte 0), else UTF-8 (control byte 1).
        private static byte[] RequestSeed(string text)
        {
            bool latin1 = true;
            foreach (char c in text)
            {
                latin1 &= c <= 0xff;
            }

            byte[] body = latin1 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
            byte[] seed = new byte[body.Length + 1];
            seed[0] = (byte)(latin1 ? 0 : 1);
            body.CopyTo(seed, 1);
            return seed;
        }
    }
}
