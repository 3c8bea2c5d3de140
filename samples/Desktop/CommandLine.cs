using System;
using System.Collections.Generic;

namespace HttpNano.Samples.Desktop
{
    /// <summary>The parsed command line: no URL means the walkthrough.</summary>
    internal sealed class CommandLine
    {
        public string Url { get; private set; }
        public string Method { get; private set; }
        public string Data { get; private set; }
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();
        public bool Verbose { get; private set; }
        public string CaCertificateFile { get; private set; }
        public string Proxy { get; private set; }

        /// <summary>-L: follow redirects (through HttpTransfer).</summary>
        public bool FollowRedirects { get; private set; }

        /// <summary>--max-redirs: redirects followed at most (default: HttpTransfer's, 5).</summary>
        public int MaxRedirects { get; private set; } = new HttpTransfer().MaxRedirects;

        /// <summary>-o: the file the body goes to (a download through HttpTransfer).</summary>
        public string OutputFile { get; private set; }

        /// <summary>-C -: resume into the output file from its current length.</summary>
        public bool Resume { get; private set; }

        /// <summary>-F: form parts, name and value ("@path" for a file, optionally ";type=...").</summary>
        public List<KeyValuePair<string, string>> FormParts { get; } = new List<KeyValuePair<string, string>>();

        public static CommandLine Parse(string[] args)
        {
            var line = new CommandLine();
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                switch (arg)
                {
                    case "-X":
                        line.Method = Next(args, ref i, arg);
                        break;
                    case "-d":
                        line.Data = Next(args, ref i, arg);
                        break;
                    case "-H":
                        line.Headers.Add(Pair(Next(args, ref i, arg), ':', "-H wants \"Name: value\""));
                        break;
                    case "-F":
                        line.FormParts.Add(Pair(Next(args, ref i, arg), '=', "-F wants name=value or name=@file"));
                        break;
                    case "-L":
                        line.FollowRedirects = true;
                        break;
                    case "--max-redirs":
                        string count = Next(args, ref i, arg);
                        if (!int.TryParse(count, out int max) || max < 0)
                        {
                            throw new ArgumentException("--max-redirs wants a number >= 0");
                        }

                        line.MaxRedirects = max;
                        break;
                    case "-o":
                        line.OutputFile = Next(args, ref i, arg);
                        break;
                    case "-C":
                        if (Next(args, ref i, arg) != "-")
                        {
                            throw new ArgumentException("-C takes only '-' (resume from the output file's length)");
                        }

                        line.Resume = true;
                        break;
                    case "-i":
                        // curl's --include: this command always prints the head (without -o).
                        break;
                    case "-v":
                        line.Verbose = true;
                        break;
                    case "--cacert":
                        line.CaCertificateFile = Next(args, ref i, arg);
                        break;
                    case "-x":
                        line.Proxy = Next(args, ref i, arg);
                        break;
                    case "-h":
                    case "--help":
                        throw new ArgumentException(Usage);
                    default:
                        if (arg.StartsWith("-", StringComparison.Ordinal) || line.Url != null)
                        {
                            throw new ArgumentException("unexpected argument " + arg);
                        }

                        line.Url = arg;
                        break;
                }
            }

            if (line.Data != null && line.FormParts.Count > 0)
            {
                throw new ArgumentException("-d and -F cannot be combined");
            }

            if (line.Resume && line.OutputFile == null)
            {
                throw new ArgumentException("-C - needs -o FILE");
            }

            if (line.OutputFile != null && (line.Data != null || line.FormParts.Count > 0 || line.Headers.Count > 0 || (line.Method != null && line.Method != "GET")))
            {
                throw new ArgumentException("-o downloads with a plain GET (HttpTransfer.Download): no -d, -F, -H or -X");
            }

            if (line.Proxy != null && (line.FollowRedirects || line.OutputFile != null))
            {
                throw new ArgumentException("-x works without -L and -o (HttpTransfer has no proxy support)");
            }

            if (line.Method == null)
            {
                line.Method = line.Data == null && line.FormParts.Count == 0 ? "GET" : "POST";
            }

            return line;
        }

        public const string Usage =
            "usage: httpnano                      walk through GET, POST, chunked, keep-alive and a redirect against a built-in loopback server\n" +
            "       httpnano [options] URL        fetch a URL and print status line, headers and body (like curl -i)\n" +
            "  URL is http:// or https:// (verified against the system's trust or --cacert CA.pem)\n" +
            "  -X METHOD          request method (default GET, or POST with -d or -F)\n" +
            "  -d DATA            request body\n" +
            "  -F name=value      multipart/form-data field; -F name=@path[;type=MIME] sends a file (POST)\n" +
            "  -H 'Name: value'   request header (repeatable)\n" +
            "  -i                 accepted for curl's sake: the status line and headers are always printed\n" +
            "  -L                 follow redirects (HttpTransfer); without it a 3xx is printed as it is\n" +
            "  --max-redirs N     follow at most N redirects (default 5); one more exits with 47\n" +
            "  -o FILE            download the body into FILE (GET), progress on stderr, nothing on stdout;\n" +
            "                     without -L a redirect is not followed there and exits with 47\n" +
            "  -C -               with -o: resume from FILE's current length (Range; no validator is known, so no If-Range)\n" +
            "  -v                 wire trace (without -L and -o)\n" +
            "  --cacert CA.pem    trust this CA for https\n" +
            "  -x proxyhost:port  tunnel through an HTTP proxy (HttpConnection: not with -L or -o)\n" +
            "  exit: 0 ok, 22 HTTP status >= 400, 47 too many redirects, 33 range or resume refused,\n" +
            "        18 partial file (interrupted or length mismatch), 2 usage, 1 other errors";

        private static KeyValuePair<string, string> Pair(string text, char separator, string usage)
        {
            int at = text.IndexOf(separator);
            if (at <= 0)
            {
                throw new ArgumentException(usage);
            }

            string value = text.Substring(at + 1);
            return new KeyValuePair<string, string>(text.Substring(0, at).Trim(), separator == ':' ? value.Trim() : value);
        }

        private static string Next(string[] args, ref int i, string option)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException(option + " needs a value");
            }

            return args[++i];
        }
    }
}
