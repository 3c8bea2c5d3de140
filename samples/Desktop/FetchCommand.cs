using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace HttpNano.Samples.Desktop
{
    /// <summary>
    /// Fetches one URL like curl: prints the status line, the headers and the body (<c>curl -i</c>),
    /// or downloads the body into a file with a progress meter (<c>-o</c>, resumable with
    /// <c>-C -</c>). Redirects (<c>-L</c>), downloads and resumes go through
    /// <see cref="HttpTransfer"/>; a request that must not follow redirects, or goes through a
    /// proxy (<c>-x</c>), through <see cref="HttpConnection"/>, which returns a 3xx as it is.
    /// </summary>
    internal static class FetchCommand
    {
        /// <summary>curl's exit code for an HTTP status of 400 or more (with --fail).</summary>
        public const int HttpError = 22;

        /// <summary>curl's exit code for a file that was only partly transferred.</summary>
        public const int PartialFile = 18;

        /// <summary>curl's exit code for a range the server did not serve (a resume that failed).</summary>
        public const int RangeError = 33;

        /// <summary>curl's exit code for more redirects than --max-redirs.</summary>
        public const int TooManyRedirects = 47;

        // TransferException.Reason -> its name, for the error line.
        private static readonly string[] ReasonNames =
        {
            null,
            nameof(TransferException.TooManyRedirects),
            nameof(TransferException.BadLocation),
            nameof(TransferException.Downgrade),
            nameof(TransferException.NotReplayable),
            nameof(TransferException.BadStatus),
            nameof(TransferException.Changed),
            nameof(TransferException.BadRange),
            nameof(TransferException.LengthMismatch),
            nameof(TransferException.Interrupted),
        };

        /// <summary>
        /// Fetches the URL: status line and headers to <paramref name="text"/>, the body's bytes to
        /// <paramref name="body"/> (or, with -o, to the file: then only the progress meter is
        /// printed, to <paramref name="error"/>); errors to <paramref name="error"/>. Returns the exit code.
        /// </summary>
        public static int Run(CommandLine line, TextWriter text, Stream body, TextWriter error)
        {
            Uri uri;
            if (!Uri.TryCreate(line.Url, UriKind.Absolute, out uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                error.WriteLine("httpnano: give an http:// or https:// URL");
                return 2;
            }

            var opened = new List<IDisposable>();
            try
            {
                if (line.OutputFile != null)
                {
                    return Download(line, error);
                }

                var headers = new HttpHeaders();
                object content = Content(line, headers, opened);
                foreach (var header in line.Headers)
                {
                    headers.Add(header.Key, header.Value);
                }

                if (line.FollowRedirects)
                {
                    using (HttpTransfer transfer = NewTransfer(line))
                    {
                        return Print(transfer.Request(line.Method, line.Url, content, headers), text, body);
                    }
                }

                using (HttpConnection connection = Open(uri, line))
                {
                    if (line.Verbose)
                    {
                        connection.SetDebugLevel(1);
                    }

                    if (content is Stream stream)
                    {
                        connection.Request(line.Method, uri.PathAndQuery, stream, headers);
                    }
                    else
                    {
                        connection.Request(line.Method, uri.PathAndQuery, (byte[])content, headers);
                    }

                    return Print(connection.GetResponse(), text, body);
                }
            }
            catch (TransferException e)
            {
                error.WriteLine("httpnano: " + ReasonNames[e.Reason] + " (status " + e.Status + ", location " + e.Location + ")");
                return ExitCode(e);
            }
            finally
            {
                foreach (IDisposable item in opened)
                {
                    item.Dispose();
                }
            }
        }

        /// <summary>The exit code curl gives for the same failure.</summary>
        public static int ExitCode(TransferException e)
        {
            switch (e.Reason)
            {
                case TransferException.TooManyRedirects:
                    return TooManyRedirects;
                case TransferException.BadRange:
                case TransferException.Changed:
                    return RangeError;
                case TransferException.Interrupted:
                case TransferException.LengthMismatch:
                    return PartialFile;
                default:
                    return e.Status >= 400 ? HttpError : 1;
            }
        }

        // -o: HttpTransfer.Download into the file, resuming from its length with -C -.
        private static int Download(CommandLine line, TextWriter error)
        {
            using (var file = new FileStream(line.OutputFile, line.Resume ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.Write))
            using (HttpTransfer transfer = NewTransfer(line))
            {
                // A reboot-style resume: the bytes are there, their validator is not (curl keeps none
                // either), so no If-Range goes out and a file changed in between is not detected.
                long offset = line.Resume ? file.Length : 0;
                file.Position = offset;
                if (offset > 0)
                {
                    error.WriteLine("** Resuming transfer from byte position " + offset);
                }

                var meter = new ProgressMeter(error, offset);
                transfer.Progress = meter;
                try
                {
                    transfer.Download(line.Url, file, new byte[16384], offset, null);
                }
                finally
                {
                    meter.End();
                }

                return 0;
            }
        }

        private static HttpTransfer NewTransfer(CommandLine line)
        {
            // Without -L no redirect is followed: a download that meets one ends with TooManyRedirects.
            var transfer = new HttpTransfer(HttpTransfer.DefaultTimeout, Tls(line));
            transfer.MaxRedirects = line.FollowRedirects ? line.MaxRedirects : 0;
            return transfer;
        }

        // The body: -d as UTF-8 bytes, -F as a MultipartForm (its Content-Type header added), or null.
        private static object Content(CommandLine line, HttpHeaders headers, List<IDisposable> opened)
        {
            if (line.Data != null)
            {
                return Encoding.UTF8.GetBytes(line.Data);
            }

            if (line.FormParts.Count == 0)
            {
                return null;
            }

            var form = new MultipartForm();
            foreach (var part in line.FormParts)
            {
                if (!part.Value.StartsWith("@", StringComparison.Ordinal))
                {
                    form.AddField(part.Key, part.Value);
                    continue;
                }

                // name=@path or name=@path;type=text/plain, as curl writes it.
                string path = part.Value.Substring(1);
                string type = null;
                int at = path.IndexOf(";type=", StringComparison.Ordinal);
                if (at >= 0)
                {
                    type = path.Substring(at + 6);
                    path = path.Substring(0, at);
                }

                FileStream file = File.OpenRead(path);
                opened.Add(file);
                form.AddFile(part.Key, Path.GetFileName(path), type, file);
            }

            headers.Add("Content-Type", form.ContentType);
            return form;
        }

        // Like curl -i: status line, headers, empty line, then the body's bytes.
        private static int Print(HttpResponse response, TextWriter text, Stream body)
        {
            text.Write(response.Version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
            text.WriteLine(response.Status + " " + response.Reason);
            foreach (HttpHeader header in response.GetHeaders())
            {
                text.WriteLine(header.Name + ": " + header.Value);
            }

            text.WriteLine();
            text.Flush();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
            {
                body.Write(buffer, 0, read);
            }

            body.Flush();
            return response.Status < 400 ? 0 : HttpError;
        }

        private static TlsOptions Tls(CommandLine line)
        {
            var tls = new TlsOptions();
            if (line.CaCertificateFile != null)
            {
                tls.AddTrustedCaPem(File.ReadAllText(line.CaCertificateFile));
            }

            return tls;
        }

        // With -x the connection goes to the proxy and tunnels (CONNECT) to the URL's host.
        private static HttpConnection Open(Uri uri, CommandLine line)
        {
            string first = line.Proxy ?? uri.Authority;
            HttpConnection connection = uri.Scheme == "https" ? new HttpsConnection(first, tls: Tls(line)) : new HttpConnection(first);
            if (line.Proxy != null)
            {
                connection.SetTunnel(uri.Host, uri.Port);
            }

            return connection;
        }
    }
}
