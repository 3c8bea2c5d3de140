using System;
using System.Diagnostics;
using System.Text;

namespace HttpNano.Samples.Desktop
{
    /// <summary>
    /// The no-argument run: starts a loopback Kestrel server and shows a GET, a POST, a chunked
    /// download, a streamed (chunked) upload and keep-alive reuse, with what went over the wire, then
    /// HttpTransfer following a redirect.
    /// </summary>
    internal static class Walkthrough
    {
        public static int Run()
        {
            using (var server = new DemoServer())
            using (var connection = new HttpConnection("127.0.0.1", server.Port, 5000))
            {
                Console.WriteLine("Built-in server on http://127.0.0.1:" + server.Port + "/");
                connection.SetDebugLevel(1);

                Step("1. GET /hello", () =>
                {
                    connection.Request("GET", "/hello");
                    PrintBody(connection.GetResponse());
                });

                Step("2. POST /echo with a string body (sent as UTF-8)", () =>
                {
                    var headers = new HttpHeaders();
                    headers.Add("Content-Type", "text/plain; charset=utf-8");
                    connection.Request("POST", "/echo", "grüße from HttpClient.Nano", headers);
                    PrintBody(connection.GetResponse());
                });

                Step("3. GET /chunked, read through a 16-byte buffer", () =>
                {
                    connection.Request("GET", "/chunked?lines=4");
                    HttpResponse response = connection.GetResponse();
                    byte[] buffer = new byte[16];
                    int reads = 0;
                    long total = 0;
                    int read;
                    while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
                    {
                        reads++;
                        total += read;
                    }

                    Console.WriteLine("   " + total + " body bytes in " + reads + " reads, Transfer-Encoding: " + response.GetHeader("Transfer-Encoding"));
                });

                Step("4. PUT /upload from a stream of unknown length (chunked)", () =>
                {
                    connection.SetDebugLevel(0);
                    connection.Request("PUT", "/upload", new GeneratedStream(100_000));
                    PrintBody(connection.GetResponse());
                    connection.SetDebugLevel(1);
                });

                Step("5. Keep-alive: five more GETs on the same connection", () =>
                {
                    connection.SetDebugLevel(0);
                    for (int i = 0; i < 5; i++)
                    {
                        connection.Request("GET", "/hello");
                        connection.GetResponse().Read();
                    }

                    Console.WriteLine("   the server accepted " + server.Connections + " TCP connection(s) for all requests");
                });

                Step("6. HttpTransfer: GET /moved by URL, following its 302 to /hello", () =>
                {
                    using (var transfer = new HttpTransfer(5000))
                    {
                        PrintBody(transfer.Request("GET", "http://127.0.0.1:" + server.Port + "/moved"));
                        Console.WriteLine("   the redirect led to " + transfer.Url);
                    }
                });
            }

            return 0;
        }

        private static void Step(string title, Action action)
        {
            Console.WriteLine();
            Console.WriteLine(title);
            var clock = Stopwatch.StartNew();
            action();
            Console.WriteLine("   (" + clock.Elapsed.TotalMilliseconds.ToString("0.00") + " ms)");
        }

        private static void PrintBody(HttpResponse response)
        {
            byte[] body = response.Read();
            Console.WriteLine("   " + response.Status + " " + response.Reason + ": " + Encoding.UTF8.GetString(body).TrimEnd('\n'));
        }
    }
}
