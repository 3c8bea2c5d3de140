using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using HttpNano.Samples.Desktop;
using HttpNano.Tests.Host.Servers;
using Xunit;

namespace HttpNano.Tests.Host.Samples
{
    /// <summary>
    /// The desktop CLI's curl options, run in process (Program.Run with its own writers) against
    /// nginx and Kestrel on 127.0.0.1: -L, --max-redirs, -o with its progress meter, -C -, -F.
    /// </summary>
    public sealed class DesktopTransferTests : IClassFixture<TransferServers>, IDisposable
    {
        private readonly TransferServers _servers;
        private readonly string _directory = Directory.CreateTempSubdirectory("httpnano-cli-").FullName;

        public DesktopTransferTests(TransferServers servers)
        {
            _servers = servers;
        }

        public void Dispose() => Directory.Delete(_directory, true);

        private sealed record Outcome(int Exit, string Text, byte[] Body, string Error);

        private static Outcome Run(params string[] args)
        {
            var text = new StringWriter();
            var body = new MemoryStream();
            var error = new StringWriter();
            int exit = Program.Run(args, text, body, error);
            return new Outcome(exit, text.ToString(), body.ToArray(), error.ToString());
        }

        private string Url(string path) => _servers.Plain.Url(path).ToString();

        private string TempPath(string name) => Path.Combine(_directory, name);

        [Fact]
        public void FollowAndOutputWritesTheServedFileBehindARedirect()
        {
            byte[] served = _servers.WriteFile("/cli-follow.bin", 21);
            string file = TempPath("follow.bin");
            Outcome run = Run("-L", "-o", file, Url("/to/cli-follow.bin"));
            Assert.Equal(0, run.Exit);
            Assert.Equal(SHA256.HashData(served), SHA256.HashData(File.ReadAllBytes(file)));
            Assert.Equal("", run.Text);
            Assert.Empty(run.Body);
        }

        [Fact]
        public void DownloadDrawsAProgressMeterOnStderr()
        {
            _servers.WriteFile("/cli-meter.bin", 22);
            Outcome run = Run("-o", TempPath("meter.bin"), Url("/cli-meter.bin"));
            Assert.Equal(0, run.Exit);
            string[] drawings = run.Error.Split('\r', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(drawings, d => Assert.Matches(@"^ *([0-9]+|--)%  [0-9.]+ (B|KiB|MiB) of ([0-9.]+ (B|KiB|MiB)|\?)  [0-9.]+ (B|KiB|MiB)/s  [0-9:]+ *\n?$", d));
            Assert.StartsWith("100%  4.0 MiB of 4.0 MiB  ", drawings[^1]);
            Assert.EndsWith("\n", run.Error);
            Assert.Equal(1, run.Error.Count(c => c == '\n'));
            Assert.True(drawings.Length <= 1 + 2 + 4 * 60, drawings.Length + " drawings"); // at most four a second, plus the first and the last
        }

        [Fact]
        public void ContinueResumesAPartialFileWithARangeRequest()
        {
            byte[] served = _servers.WriteFile("/cli-resume.bin", 23);
            string file = TempPath("resume.bin");
            File.WriteAllBytes(file, served.AsSpan(0, 1_000_000).ToArray());
            Outcome run = Run("-C", "-", "-o", file, Url("/cli-resume.bin"));
            Assert.Equal(0, run.Exit);
            Assert.StartsWith("** Resuming transfer from byte position 1000000\n", run.Error);
            Assert.Equal(SHA256.HashData(served), SHA256.HashData(File.ReadAllBytes(file)));
            NginxLogEntry request = _servers.Plain.ReadAccessLog().Last(e => e.Uri == "/cli-resume.bin");
            Assert.Equal(206, request.Status);
            Assert.Equal(TransferServers.FileSize - 1_000_000, request.BodyBytesSent);
        }

        [Fact]
        public void ContinueOnACompleteFileIsARangeError()
        {
            byte[] served = _servers.WriteFile("/cli-complete.bin", 24);
            string file = TempPath("complete.bin");
            File.WriteAllBytes(file, served);
            Outcome run = Run("-C", "-", "-o", file, Url("/cli-complete.bin"));
            Assert.Equal(FetchCommand.RangeError, run.Exit);
            Assert.Contains("httpnano: BadRange (status 416, location " + Url("/cli-complete.bin") + ")", run.Error);
            Assert.Equal(served.Length, new FileInfo(file).Length);
        }

        [Fact]
        public void FormFieldsAndFilesArriveAtKestrel()
        {
            byte[] firmware = RandomNumberGenerator.GetBytes(100_000);
            string firmwarePath = TempPath("fw.bin");
            File.WriteAllBytes(firmwarePath, firmware);
            string logPath = TempPath("log.txt");
            File.WriteAllText(logPath, "line 1\nline 2\n");
            Outcome run = Run("-F", "title=caf\u00e9", "-F", "firmware=@" + firmwarePath, "-F", "log=@" + logPath + ";type=text/plain",
                _servers.Kestrel.Url("/form").ToString());
            Assert.Equal(0, run.Exit);
            Assert.StartsWith("HTTP/1.1 200 OK", run.Text);
            string answer = Encoding.UTF8.GetString(run.Body);
            Assert.Contains("field title=caf\u00e9\n", answer);
            Assert.Contains("file firmware fw.bin application/octet-stream 100000 " + Convert.ToHexString(SHA256.HashData(firmware)) + "\n", answer);
            Assert.Contains("file log log.txt text/plain 14 " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(logPath))) + "\n", answer);
        }

        [Fact]
        public void MaxRedirsZeroOnARedirectExitsWith47()
        {
            Outcome run = Run("-L", "--max-redirs", "0", Url("/r301"));
            Assert.Equal(FetchCommand.TooManyRedirects, run.Exit);
            Assert.Equal("httpnano: TooManyRedirects (status 301, location /hello.txt)\n", run.Error.Replace("\r\n", "\n"));
            Assert.Equal("", run.Text);
        }

        [Fact]
        public void FollowPrintsTheFinalResponseOfAChain()
        {
            Outcome run = Run("-L", Url("/chain"));
            Assert.Equal(0, run.Exit);
            Assert.StartsWith("HTTP/1.1 200 OK", run.Text);
            Assert.Equal("hello\n", Encoding.ASCII.GetString(run.Body));
        }

        [Fact]
        public void WithoutFollowARedirectIsPrintedAsItIs()
        {
            Outcome run = Run(Url("/r301"));
            Assert.Equal(0, run.Exit);
            Assert.StartsWith("HTTP/1.1 301 Moved Permanently", run.Text);
            Assert.Contains("Location: /hello.txt", run.Text);
        }
    }
}
