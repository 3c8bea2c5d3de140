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
                        string header = Next(args, ref i, arg);
                        int colon = header.IndexOf(':');
                        if (colon <= 0)
                        {
                            throw new ArgumentException("-H wants \"Name: value\"");
                        }

                        line.Headers.Add(new KeyValuePair<string, string>(header.Substring(0, colon).Trim(), header.Substring(colon + 1).Trim()));
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

            if (line.Method == null)
            {
                line.Method = line.Data == null ? "GET" : "POST";
            }

            return line;
        }

        public const string Usage =
            "usage: httpnano                      walk through GET, POST, chunked and keep-alive against a built-in loopback server\n" +
            "       httpnano [-X METHOD] [-d DATA] [-H 'Name: value']... [-v] [--cacert CA.pem] [-x proxyhost:port] URL\n" +
            "                                     URL is http:// or https:// (verified against the system's or the given CA);\n" +
            "                                     fetch a URL and print status line, headers and body (like curl -i)";

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
