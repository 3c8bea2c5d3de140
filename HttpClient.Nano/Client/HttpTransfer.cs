using System;
using System.IO;
using System.Threading;

namespace HttpNano
{
    /// <summary>
    /// Receives the progress of <see cref="HttpTransfer.Download"/>: implement it and set
    /// <see cref="HttpTransfer.Progress"/>. An interface of one method rather than a delegate
    /// type, which would bring the device four methods (as ISocketOpener's remark says).
    /// </summary>
    public interface ITransferProgress
    {
        /// <summary>
        /// <paramref name="done"/> bytes of the resource are in the destination, of
        /// <paramref name="total"/> (-1 while unknown). Called at most once per buffer; calling it
        /// allocates nothing.
        /// </summary>
        void Report(long done, long total);
    }

    /// <summary>
    /// Requests by absolute http:// or https:// URL over one kept-alive connection at a time (the
    /// origin last used; no pool), following redirects, and downloads into a stream that resume
    /// where they were cut. Above <see cref="HttpConnection"/>, which keeps http.client's
    /// semantics and never follows a redirect. Not thread-safe.
    /// <code>
    ///   301 302 303 307 308   followed up to MaxRedirects times, Location resolved as RFC 3986 says
    ///   303, or 301/302 after POST  -> GET without a body (HEAD stays HEAD), as curl -L and browsers do
    ///   307, 308 and the rest -> same method and body (a byte array, or a stream that seeks back)
    ///   same origin           -> same connection; another origin -> a new one with the same Tls,
    ///                            without Authorization, Cookie and Proxy-Authorization from then on
    ///   https -> http         -> refused unless AllowDowngrade
    /// </code>
    /// </summary>
    public sealed class HttpTransfer : IDisposable
    {
        /// <summary>Default timeout of each connect, send and receive: 30 s.</summary>
        public const int DefaultTimeout = 30000;

        // Header names a redirect drops, lower case between bars: credentials before BodyNames
        // (dropped when the origin changes), the body's after it (dropped with the body).
        private const string DroppedNames = "|authorization|cookie|proxy-authorization|content-type|content-length|transfer-encoding|";
        private const int BodyNames = 41;

        // A redirect's body up to this size is read so the socket stays; a larger one closes it.
        private const int MaxDrain = 4096;

        /// <summary>Most redirects one request follows (default 5); one more raises <see cref="TransferException.TooManyRedirects"/>.</summary>
        public int MaxRedirects = 5;

        /// <summary>How often a download reconnects and resumes after it was cut (default 5).</summary>
        public int MaxRetries = 5;

        /// <summary>Pause before the n-th retry of a download: n times this, in milliseconds (default 500).</summary>
        public int RetryDelay = 500;

        /// <summary>Follow a redirect from https to http (default false: <see cref="TransferException.Downgrade"/>).</summary>
        public bool AllowDowngrade;

        /// <summary>Timeout of each connect, send and receive of the connections made later, in milliseconds; -1 for none.</summary>
        public int Timeout;

        /// <summary>The TLS options of every https connection; null for the defaults (the platform's trust).</summary>
        public readonly TlsOptions Tls;

        /// <summary>Called as a download goes (null: not called).</summary>
        public ITransferProgress Progress;

        /// <summary>The URL of the last request sent, without its fragment: where the redirects led.</summary>
        public string Url;

        /// <summary>
        /// The validator of the resource being downloaded (its strong ETag, else its Last-Modified,
        /// else null), known from the first response on: save it with the bytes written to resume
        /// after a reboot.
        /// </summary>
        public string Validator;

        /// <summary>The length of the resource being downloaded, -1 while unknown.</summary>
        public long Total;

        /// <summary>The socket opener of every connection made (tests put scripted sockets here).</summary>
        internal ISocketOpener CreateConnection;

        private HttpConnection _connection;
        private string _origin;

        /// <summary>Creates the client; no connection is made yet.</summary>
        /// <param name="timeoutMilliseconds">Timeout of each connect, send and receive, or -1 for none.</param>
        /// <param name="tls">TLS options for https URLs, or null for the defaults (the platform's trust).</param>
        public HttpTransfer(int timeoutMilliseconds = DefaultTimeout, TlsOptions tls = null)
        {
            Timeout = timeoutMilliseconds;
            Tls = tls;
        }

        /// <summary>
        /// Downloads <paramref name="url"/> into <paramref name="destination"/> through
        /// <paramref name="buffer"/>, never holding the body. When the connection is lost, reset or
        /// times out mid-body, or the body ends short, it reconnects (up to
        /// <see cref="MaxRetries"/> times, pausing a little longer each time) and asks for the rest
        /// with "Range: bytes=N-" and "If-Range: validator"; only a 206 whose Content-Range starts
        /// at N with the same total is taken. A 200 instead means the resource changed or ranges are
        /// not served: the download starts over when the destination can seek and be truncated.
        /// To resume after a reboot, pass the bytes the destination already holds (it is positioned
        /// after them) and the <see cref="Validator"/> saved with them.
        /// </summary>
        /// <param name="url">An absolute http:// or https:// URL (redirects are followed).</param>
        /// <param name="destination">Where the body goes, written from its position.</param>
        /// <param name="buffer">The buffer the body goes through (its size is the read size).</param>
        /// <param name="offset">Bytes of the resource the destination already holds, or 0.</param>
        /// <param name="validator">The validator saved with them, or null.</param>
        /// <returns>
        /// The bytes this call wrote (those before a restart from 0 included); the resource's length,
        /// all of it now in the destination, is in <see cref="Total"/>.
        /// </returns>
        /// <exception cref="TransferException">A status, range or length that cannot be used, or too many interruptions.</exception>
        public long Download(string url, Stream destination, byte[] buffer, long offset = 0, string validator = null)
        {
            Validator = validator;
            Total = -1;
            long written = 0;
            long at = offset;
            int failures = 0;
            while (true)
            {
                int status = 0;
                bool writing = false;
                Exception error = null;
                try
                {
                    HttpHeaders headers = null;
                    if (at > 0)
                    {
                        headers = new HttpHeaders();
                        headers.Add("Range", "bytes=" + at.ToString() + "-");
                        if (Validator != null)
                        {
                            headers.Add("If-Range", Validator);
                        }
                    }

                    HttpResponse response = Request("GET", url, null, headers);
                    url = Url; // a resume goes where the redirects led
                    status = response.Status;
                    long end = long.MaxValue;
                    if (status == HttpStatus.OK)
                    {
                        if (at > 0)
                        {
                            // The whole resource again: start over, or fail if the destination cannot.
                            writing = true;
                            if (!destination.CanSeek)
                            {
                                throw new TransferException(TransferException.Changed, status, url);
                            }

                            long start = destination.Position - at;
                            destination.SetLength(start);
                            destination.Position = start;
                            writing = false;
                            at = 0;
                        }

                        Total = response.Length;
                        string tag = response.GetHeader("ETag");
                        Validator = tag != null && !tag.StartsWith("W/") ? tag : response.GetHeader("Last-Modified");
                        if (Total >= 0)
                        {
                            end = Total;
                        }
                    }
                    else
                    {
                        // A 206 to the range asked for: "bytes at-last/total", starting at `at`,
                        // naming the total known (or making it known). Anything else is refused.
                        end = -1;
                        if (status == HttpStatus.PartialContent && at > 0)
                        {
                            string range = response.GetHeader("Content-Range");
                            string first = "bytes " + at.ToString() + "-";
                            try
                            {
                                int slash = range.IndexOf('/');
                                long last = long.Parse(range.Substring(first.Length, slash - first.Length));
                                long total = long.Parse(range.Substring(slash + 1));
                                if (range.StartsWith(first) && last >= at && total > last && (Total < 0 || total == Total))
                                {
                                    Total = total;
                                    end = last + 1;
                                }
                            }
                            catch (Exception)
                            {
                                // No Content-Range, or not numbers where they belong (the device's Parse may throw a plain Exception).
                            }
                        }
                    }

                    if (end < 0)
                    {
                        throw new TransferException(status == HttpStatus.PartialContent || status == HttpStatus.RequestedRangeNotSatisfiable
                            ? TransferException.BadRange : TransferException.BadStatus, status, url);
                    }

                    int read;
                    while ((read = response.ReadInto(buffer, 0, buffer.Length)) > 0)
                    {
                        if (read > end - at)
                        {
                            throw new TransferException(TransferException.LengthMismatch, status, url);
                        }

                        writing = true;
                        destination.Write(buffer, 0, read);
                        writing = false;
                        at += read;
                        written += read;
                        if (Progress != null)
                        {
                            Progress.Report(at, Total);
                        }
                    }

                    if (Total < 0)
                    {
                        Total = at; // a chunked body that ended properly
                    }

                    if (at == Total)
                    {
                        return written;
                    }

                    // A whole body short of the resource: a 206 that covered less than the rest
                    // (a body cut short raised IncompleteReadException instead). Ask for the rest.
                }
                catch (Exception e)
                {
                    // Only a lost, reset, timed-out or cut-short exchange is retried; never a
                    // failure of the destination or a typed refusal.
                    if (writing || !(e is IOException || e is TimeoutException || e is IncompleteReadException || e is RemoteDisconnectedException))
                    {
                        Dispose();
                        throw;
                    }

                    error = e;
                }

                Dispose();
                if (++failures > MaxRetries)
                {
                    throw new TransferException(TransferException.Interrupted, status, url, error);
                }

                Thread.Sleep(failures * RetryDelay);
            }
        }

        /// <summary>Closes the connection.</summary>
        public void Dispose()
        {
            if (_connection != null)
            {
                _connection.Close();
            }
        }

        /// <summary>
        /// Resolves <paramref name="reference"/> (a Location) against the absolute URL
        /// <paramref name="baseUrl"/> as RFC 3986 section 5.2 says, dot segments removed and
        /// fragments dropped (they never go to the server).
        /// </summary>
        internal static string Resolve(string baseUrl, string reference)
        {
            // The base is Url, which holds no fragment.
            reference = Cut(reference, '#');
            int colon = reference.IndexOf(':');
            int path;
            if (colon > 0 && PathStart(reference, 0) > colon)
            {
                // Absolute; one without "//" is not http(s), which the connection refuses.
                if (reference.IndexOf("//") != colon + 1)
                {
                    return reference;
                }

                path = PathStart(reference, colon + 3);
            }
            else if (reference.StartsWith("//"))
            {
                colon = baseUrl.IndexOf(':') + 1;
                reference = baseUrl.Substring(0, colon) + reference;
                path = PathStart(reference, colon + 2);
            }
            else
            {
                path = PathStart(baseUrl, baseUrl.IndexOf("//") + 2);
                if (reference.Length == 0)
                {
                    return baseUrl;
                }

                if (reference[0] != '/')
                {
                    // "?q" keeps the base path; a relative path replaces its last segment.
                    string basePath = Cut(baseUrl.Substring(path), '?');
                    int slash = basePath.LastIndexOf('/');
                    reference = (reference[0] == '?' ? basePath : slash < 0 ? "/" : basePath.Substring(0, slash + 1)) + reference;
                }

                reference = baseUrl.Substring(0, path) + reference;
            }

            // The path without dot segments (RFC 3986 section 5.2.4), the query as it was.
            int query = reference.IndexOf('?', path);
            if (query < 0)
            {
                query = reference.Length;
            }

            string kept = "";
            int at = path;
            while (at < query)
            {
                // A segment: the '/' at `at` and the chars up to the next '/' or the query.
                int next = reference.IndexOf('/', at + 1);
                if (next < 0 || next > query)
                {
                    next = query;
                }

                int length = next - at - 1;
                bool dot = length == 1 && reference[at + 1] == '.';
                if (length == 2 && reference[at + 1] == '.' && reference[at + 2] == '.')
                {
                    // ".." removes the segment kept last, with its '/'.
                    int slash = kept.LastIndexOf('/');
                    kept = slash < 0 ? "" : kept.Substring(0, slash);
                    dot = true;
                }

                if (!dot)
                {
                    kept += reference.Substring(at, next - at);
                }
                else if (next == query)
                {
                    kept += "/"; // "a/." and "a/.." end in a directory
                }

                at = next;
            }

            // Only an empty path stays empty: every segment leaves a '/'.
            return reference.Substring(0, path) + kept + reference.Substring(query);
        }

        // Where the path of `url` starts: the first '/', '?' or '#' from `from` on, else its end.
        private static int PathStart(string url, int from)
        {
            while (from < url.Length && "/?#".IndexOf(url[from]) < 0)
            {
                from++;
            }

            return from;
        }

        private static string Cut(string text, char at)
        {
            int end = text.IndexOf(at);
            return end < 0 ? text : text.Substring(0, end);
        }

        /// <summary>
        /// Sends a request to an absolute URL and returns the final response (not a redirect),
        /// valid until the next request; read or close it before the next one. The body, as
        /// CPython's request takes it, is null, a byte array, or a stream (e.g. a
        /// <see cref="MultipartForm"/>): with Content-Length when it can seek, chunked otherwise;
        /// a 307 or 308 sends it again, which a stream must be able to seek back for.
        /// </summary>
        /// <param name="method">The method, e.g. "GET".</param>
        /// <param name="url">An absolute http:// or https:// URL.</param>
        /// <param name="body">Null, a <c>byte[]</c> or a <see cref="Stream"/> read from its position.</param>
        /// <param name="headers">Headers to send, or null (never changed: a redirect that drops some sends a copy).</param>
        /// <exception cref="TransferException">A redirect could not be followed.</exception>
        /// <exception cref="InvalidUrlException">The URL is not an absolute http or https URL.</exception>
        public HttpResponse Request(string method, string url, object body = null, HttpHeaders headers = null)
        {
            Stream stream = body as Stream;
            long start = stream != null && stream.CanSeek ? stream.Position : -1;
            string target;
            HttpConnection connection = Open(url, out target);
            for (int hop = 0; ; hop++)
            {
                if (stream != null)
                {
                    connection.Request(method, target, stream, headers);
                }
                else
                {
                    connection.Request(method, target, (byte[])body, headers);
                }

                HttpResponse response = connection.GetResponse();
                int status = response.Status;
                if (status < 301 || status > 308 || status > 303 && status < 307)
                {
                    return response;
                }

                string location = response.GetHeader("Location");
                if ((ulong)response.Length <= MaxDrain)
                {
                    response.Read(); // the socket stays for a redirect to the same origin
                }

                response.Close();
                if (hop >= MaxRedirects)
                {
                    throw new TransferException(TransferException.TooManyRedirects, status, location);
                }

                HttpConnection next;
                try
                {
                    // A missing Location fails here too (null reference).
                    next = Open(Resolve(Url, location), out target);
                }
                catch (Exception e)
                {
                    throw new TransferException(TransferException.BadLocation, status, location, e);
                }

                if (connection is HttpsConnection && !(next is HttpsConnection) && !AllowDowngrade)
                {
                    throw new TransferException(TransferException.Downgrade, status, location);
                }

                bool drop = status == HttpStatus.SeeOther || status < HttpStatus.SeeOther && method == "POST";
                if (drop)
                {
                    body = stream = null;
                    if (method != "HEAD")
                    {
                        method = "GET";
                    }
                }
                else if (stream != null)
                {
                    try
                    {
                        if (start < 0)
                        {
                            // Not a seekable stream: never trust its Position setter.
                            throw new NotSupportedException();
                        }

                        stream.Position = start;
                    }
                    catch (Exception e)
                    {
                        throw new TransferException(TransferException.NotReplayable, status, location, e);
                    }
                }

                bool credentials = next != connection;
                if (headers != null && (credentials || drop))
                {
                    HttpHeaders kept = new HttpHeaders();
                    for (int i = 0; i < headers.Count; i++)
                    {
                        string name = headers.GetName(i);
                        int at = DroppedNames.IndexOf("|" + name.ToLower() + "|");
                        if (at < 0 || (at < BodyNames ? !credentials : !drop))
                        {
                            kept.Add(name, headers.GetValue(i));
                        }
                    }

                    headers = kept;
                }

                connection = next;
            }
        }

        // The connection for an absolute http(s) URL: the current one when the origin is the same,
        // else a new one (the old one closed). Sets Url; gives the request target.
        private HttpConnection Open(string url, out string target)
        {
            // Schemes in lower case only: what servers send. A fragment never goes to the server.
            url = Cut(url, '#');
            bool https = url.StartsWith("https://");
            int start = https ? 8 : 7;
            int path = PathStart(url, start);
            if (!https && !url.StartsWith("http://") || url.IndexOf('@', start, path - start) >= 0)
            {
                throw new InvalidUrlException();
            }

            target = url.Substring(path);
            if (target.StartsWith("?"))
            {
                target = "/" + target; // "" is "/" already (HttpConnection)
            }

            Url = url;
            // The origin as written: another spelling of the same one only costs a new connection
            // (and drops credentials, the safe side).
            string origin = url.Substring(0, path);
            if (origin == _origin)
            {
                return _connection;
            }

            Dispose();
            string authority = url.Substring(start, path - start);
            HttpConnection connection = https ? new HttpsConnection(authority, RequestWriter.NoPort, Timeout, Tls) : new HttpConnection(authority, RequestWriter.NoPort, Timeout);
            connection.CreateConnection = CreateConnection;
            _origin = origin;
            return _connection = connection;
        }
    }
}
