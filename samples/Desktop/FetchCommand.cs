using System;
using System.IO;

namespace HttpNano.Samples.Desktop
{
    /// <summary>Fetches one URL and prints the status line, the headers and the body, like <c>curl -i</c>.</summary>
    internal static class FetchCommand
    {
        public static int Run(CommandLine line)
        {
            using (Stream stdout = Console.OpenStandardOutput())
            {
                return Run(line, Console.Out, stdout);
            }
        }

        /// <summary>Fetches the URL: status line and headers to <paramref name="text"/>, the body's bytes to <paramref name="body"/>.</summary>
        public static int Run(CommandLine line, TextWriter text, Stream body)
        {
            Uri uri;
            if (!Uri.TryCreate(line.Url, UriKind.Absolute, out uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                Console.Error.WriteLine("httpnano: give an http:// or https:// URL");
                return 2;
            }

            var headers = new HttpHeaders();
            foreach (var header in line.Headers)
            {
                headers.Add(header.Key, header.Value);
            }

            using (HttpConnection connection = Open(uri, line))
            {
                if (line.Verbose)
                {
                    connection.SetDebugLevel(1);
                }

                if (line.Data == null)
                {
                    connection.Request(line.Method, uri.PathAndQuery, (byte[])null, headers);
                }
                else
                {
                    connection.Request(line.Method, uri.PathAndQuery, line.Data, headers);
                }

                HttpResponse response = connection.GetResponse();
                TextWriter output = text;
                output.Write(response.Version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
                output.WriteLine(response.Status + " " + response.Reason);
                foreach (HttpHeader header in response.GetHeaders())
                {
                    output.WriteLine(header.Name + ": " + header.Value);
                }

                output.WriteLine();
                output.Flush();
                byte[] buffer = new byte[4096];
                int read;
                while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
                {
                    body.Write(buffer, 0, read);
                }

                body.Flush();

                return response.Status < 400 ? 0 : 22;
            }
        }

        // With -x the connection goes to the proxy and tunnels (CONNECT) to the URL's host.
        private static HttpConnection Open(Uri uri, CommandLine line)
        {
            string target = uri.Authority;
            string first = line.Proxy ?? target;
            HttpConnection connection;
            if (uri.Scheme == "https")
            {
                var tls = new TlsOptions();
                if (line.CaCertificateFile != null)
                {
                    tls.AddTrustedCaPem(File.ReadAllText(line.CaCertificateFile));
                }

                connection = new HttpsConnection(first, tls: tls);
            }
            else
            {
                connection = new HttpConnection(first);
            }

            if (line.Proxy != null)
            {
                connection.SetTunnel(uri.Host, uri.Port);
            }

            return connection;
        }
    }
}
