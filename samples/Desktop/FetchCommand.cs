using System;
using System.IO;

namespace HttpNano.Samples.Desktop
{
    /// <summary>Fetches one URL and prints the status line, the headers and the body, like <c>curl -i</c>.</summary>
    internal static class FetchCommand
    {
        public static int Run(CommandLine line)
        {
            Uri uri;
            if (!Uri.TryCreate(line.Url, UriKind.Absolute, out uri) || uri.Scheme != "http")
            {
                Console.Error.WriteLine("httpnano: only http:// URLs are supported by this build");
                return 2;
            }

            var headers = new HttpHeaders();
            foreach (var header in line.Headers)
            {
                headers.Add(header.Key, header.Value);
            }

            using (var connection = new HttpConnection(uri.Authority))
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
                var output = Console.Out;
                output.Write(response.Version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
                output.WriteLine(response.Status + " " + response.Reason);
                foreach (HttpHeader header in response.GetHeaders())
                {
                    output.WriteLine(header.Name + ": " + header.Value);
                }

                output.WriteLine();
                output.Flush();
                using (Stream stdout = Console.OpenStandardOutput())
                {
                    byte[] buffer = new byte[4096];
                    int read;
                    while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
                    {
                        stdout.Write(buffer, 0, read);
                    }
                }

                return response.Status < 400 ? 0 : 22;
            }
        }
    }
}
