using System;
using System.IO;
using HttpNano.Tests.Host.Tls;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// The servers of the transfer tests (HttpTransfer and the CLI sample): nginx on HTTP with the
    /// redirect locations (<c>/to/NAME</c> redirects to <c>/NAME</c>), nginx on HTTPS with another
    /// CA, Kestrel (its <c>/form</c> endpoint describes a multipart form).
    /// </summary>
    public sealed class TransferServers : IDisposable
    {
        /// <summary>The size of the files <see cref="WriteFile"/> writes: 4 MiB.</summary>
        public const int FileSize = 4 * 1024 * 1024;

        public TransferServers()
        {
            Kestrel = new KestrelServer();
            Secure = NginxServer.WithCertificate(TestCertificates.Instance.UnknownCaLeaf,
                "location = /down { return 302 http://127.0.0.1:" + Kestrel.Port + "/content-length?size=5; }");
            string directives = "absolute_redirect off;\n"
                + "location = /r301 { return 301 /hello.txt; }\n"
                + "location = /r302 { return 302 http://$host:$server_port/dir/../hello.txt; }\n"
                + "location = /r303 { return 303 ../hello.txt; }\n"
                + "location = /r307 { return 307 /upload; }\n"
                + "location = /r308 { return 308 upload; }\n"
                + "location = /chain { return 301 /r302; }\n"
                + "location ~ ^/to/(.+)$ { return 302 /$1; }\n"
                + "location = /loop { return 302 /loop; }\n"
                + "location = /long { set $x " + new string('x', 3500) + "; return 302 /$x$x$x; }\n"
                + "location = /away { return 302 https://127.0.0.1:" + Secure.Port + "/hello.txt; }";
            Plain = NginxServer.WithDirectives(directives);
            Tls = new TlsOptions();
            Tls.AddTrustedCaPem(TestCertificates.CertificatePem(TestCertificates.Instance.UnknownCa));
        }

        public NginxServer Plain { get; }

        public NginxServer Secure { get; }

        public KestrelServer Kestrel { get; }

        public TlsOptions Tls { get; }

        /// <summary>Writes FileSize random bytes (from a seed) as a static file of the plain nginx, with a given modification time.</summary>
        public byte[] WriteFile(string path, int seed, DateTime? modified = null)
        {
            byte[] data = new byte[FileSize];
            new Random(seed).NextBytes(data);
            string file = Path.Combine(Plain.Prefix, "www", path.TrimStart('/'));
            File.WriteAllBytes(file + ".tmp", data);
            File.SetLastWriteTimeUtc(file + ".tmp", modified ?? DateTime.UtcNow.AddHours(-1));
            File.Move(file + ".tmp", file, true);
            return data;
        }

        public void Dispose()
        {
            Plain?.Dispose();
            Secure.Dispose();
            Kestrel.Dispose();
        }
    }
}
