using System.Text;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// The nginx.conf of <see cref="NginxServer"/>: everything (pid, lock, logs, temp paths,
    /// content) lives under one prefix directory so several instances run side by side, as root
    /// or not, without touching /etc/nginx or /var.
    /// </summary>
    internal static class NginxConfig
    {
        /// <summary>The config text for a server on 127.0.0.1:<paramref name="port"/>.</summary>
        /// <param name="prefix">The instance directory, ending without a slash.</param>
        /// <param name="port">The loopback TCP port.</param>
        /// <param name="asRoot">True when nginx runs as root: workers then stay root, since they must read the private prefix.</param>
        /// <param name="certificatePem">PEM certificate file for TLS, or null for plain HTTP.</param>
        /// <param name="keyPem">PEM private key file for TLS.</param>
        /// <param name="extraDirectives">More server-block directives (locations) from the test, or null.</param>
        public static string Build(string prefix, int port, bool asRoot, string certificatePem, string keyPem, string extraDirectives)
        {
            StringBuilder conf = new StringBuilder();
            conf.Append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
            if (asRoot)
            {
                conf.Append("user root;\n");
            }

            conf.Append("pid ").Append(prefix).Append("/nginx.pid;\n");
            conf.Append("lock_file ").Append(prefix).Append("/nginx.lock;\n");
            conf.Append("error_log ").Append(prefix).Append("/error.log info;\n");
            conf.Append("events { worker_connections 512; }\n");
            conf.Append("http {\n");
            conf.Append("  types { text/html html; text/plain txt; application/octet-stream bin; }\n");
            conf.Append("  default_type application/octet-stream;\n");
            foreach (string kind in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
            {
                conf.Append("  ").Append(kind).Append("_temp_path ").Append(prefix).Append("/temp/").Append(kind).Append(";\n");
            }

            conf.Append("  log_format conn '").Append(NginxLogEntry.LogFormat).Append("';\n");
            conf.Append("  access_log ").Append(prefix).Append("/access.log conn;\n");
            conf.Append("  keepalive_timeout 60s;\n  keepalive_requests 100000;\n  server_tokens off;\n");
            conf.Append("  server {\n");
            conf.Append("    listen 127.0.0.1:").Append(port).Append(certificatePem != null ? " ssl" : "").Append(";\n");
            if (certificatePem != null)
            {
                conf.Append("    ssl_certificate ").Append(certificatePem).Append(";\n");
                conf.Append("    ssl_certificate_key ").Append(keyPem).Append(";\n");
            }

            conf.Append("    root ").Append(prefix).Append("/www;\n");
            conf.Append("    location = /nocontent { return 204; }\n");
            // SSI drops the Content-Length of the page, so HTTP/1.1 responses are chunked.
            conf.Append("    location = /chunked.html { ssi on; }\n");
            conf.Append("    location /gzip/ { gzip on; gzip_min_length 0; gzip_types text/plain; }\n");
            // nginx reads the whole body (answering Expect: 100-continue, decoding chunked) and
            // passes it with a Content-Length to the sink, which reports that length.
            conf.Append("    location = /upload { proxy_pass http://unix:").Append(prefix).Append("/sink.sock:/sink; proxy_http_version 1.1; }\n");
            if (extraDirectives != null)
            {
                conf.Append(extraDirectives).Append('\n');
            }

            conf.Append("  }\n");
            // The sink listens on a unix socket so it adds no TCP connections to count.
            conf.Append("  server {\n    listen unix:").Append(prefix).Append("/sink.sock;\n    access_log off;\n");
            conf.Append("    location / { default_type text/plain; return 200 \"received $content_length\\n\"; }\n  }\n");
            conf.Append("}\n");
            return conf.ToString();
        }
    }
}
