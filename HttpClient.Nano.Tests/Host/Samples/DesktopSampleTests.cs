using System;
using System.IO;
using System.Text;
using HttpNano.Samples.Desktop;
using HttpNano.Tests.Host.Integration;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Samples
{
    /// <summary>The README's main job: the desktop CLI, with no arguments and with a URL.</summary>
    [Collection(SerialCollection.Name)]
    public sealed class DesktopSampleTests
    {
        [Fact]
        public void WalkthroughShowsTheWireAndReusesOneConnection()
        {
            TextWriter original = Console.Out;
            var captured = new StringWriter();
            int exit;
            try
            {
                Console.SetOut(captured);
                exit = Program.Main(new string[0]);
            }
            finally
            {
                Console.SetOut(original);
            }

            string output = captured.ToString();
            Assert.Equal(0, exit);
            Assert.Contains("send: 'GET /hello HTTP/1.1\\r\\nHost: 127.0.0.1:", output);
            Assert.Contains("reply: 'HTTP/1.1 200 OK'", output);
            Assert.Contains("200 OK: Hello from Kestrel", output);
            Assert.Contains("200 OK: grüße from HttpClient.Nano", output);
            Assert.Matches("48 body bytes in [1-9][0-9]* reads, Transfer-Encoding: chunked", output);
            Assert.Contains("received 100000 bytes (chunked)", output);
            Assert.Contains("the server accepted 1 TCP connection(s) for all requests", output);
            Assert.Matches("the redirect led to http://127.0.0.1:[0-9]+/hello", output);
        }

        [Fact]
        public void FetchPrintsStatusHeadersAndBodyLikeCurlInclude()
        {
            using var server = new KestrelServer();
            var text = new StringWriter();
            var body = new MemoryStream();
            CommandLine line = CommandLine.Parse(new[] { "-X", "POST", "-d", "hello", "-H", "X-Test: 1", server.Url("/echo").ToString() });
            int exit = FetchCommand.Run(line, text, body, new StringWriter());
            Assert.Equal(0, exit);
            Assert.StartsWith("HTTP/1.1 200 OK", text.ToString());
            Assert.Contains("X-Request-Method: POST", text.ToString());
            Assert.Equal("hello", Encoding.UTF8.GetString(body.ToArray()));
        }

        [Fact]
        public void FetchOverHttpsTrustsTheGivenCa()
        {
            using KestrelServer server = KestrelServer.WithCertificate(Tls.TestCertificates.Instance.Leaf);
            string ca = Path.GetTempFileName();
            try
            {
                File.WriteAllText(ca, Tls.TestCertificates.Instance.Ca.ExportCertificatePem());
                var text = new StringWriter();
                var body = new MemoryStream();
                CommandLine line = CommandLine.Parse(new[] { "--cacert", ca, server.Url("/content-length?size=64").ToString() });
                Assert.Equal(0, FetchCommand.Run(line, text, body, new StringWriter()));
                Assert.Equal(64, body.Length);
            }
            finally
            {
                File.Delete(ca);
            }
        }
    }
}
