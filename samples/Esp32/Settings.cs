namespace HttpNano.Samples.Esp32
{
    /// <summary>Where the sample talks to, and how patiently. Everything secret lives in Secrets.cs.</summary>
    internal static class Settings
    {
        /// <summary>
        /// The HTTPS server. The defaults use httpbin.org, a public echo service: replace host, paths
        /// and <see cref="RootCertificates.ServerRootCa"/> with your own backend's.
        /// </summary>
        internal const string Host = "httpbin.org";

        /// <summary>The HTTPS port.</summary>
        internal const int Port = 443;

        /// <summary>A small JSON document.</summary>
        internal const string StatusPath = "/json";

        /// <summary>Accepts a JSON POST and echoes it.</summary>
        internal const string TelemetryPath = "/post";

        /// <summary>A large body (100 KiB): more than fits in the heap of a small board at once.</summary>
        internal const string FirmwarePath = "/bytes/102400";

        /// <summary>Accepts a chunked upload.</summary>
        internal const string UploadPath = "/anything/readings";

        /// <summary>
        /// Redirects (302) to 100 KiB served with an ETag and byte ranges: the resumable download
        /// through <see cref="HttpTransfer"/>, written to <see cref="FlashWriter"/>.
        /// </summary>
        internal const string FirmwareRedirectPath = "/redirect-to?url=%2Frange%2F102400&status_code=302";

        /// <summary>Accepts a multipart/form-data POST and echoes its fields and files.</summary>
        internal const string FormPath = "/post";

        /// <summary>Wi-Fi join, DHCP and the first SNTP sync together.</summary>
        internal const int WifiTimeoutMilliseconds = 60000;

        /// <summary>Each socket send and receive.</summary>
        internal const int IoTimeoutMilliseconds = 10000;

        /// <summary>The TCP connect (the TLS handshake then runs under the I/O timeout).</summary>
        internal const int ConnectTimeoutMilliseconds = 15000;

        /// <summary>The whole of a small response, so a server that drips bytes cannot hold us.</summary>
        internal const int ResponseTimeoutMilliseconds = 30000;

        /// <summary>The whole of the large download.</summary>
        internal const int DownloadTimeoutMilliseconds = 120000;

        /// <summary>Attempts per operation before giving up on it.</summary>
        internal const int MaxAttempts = 3;

        /// <summary>First back-off; doubled after each failed attempt.</summary>
        internal const int RetryDelayMilliseconds = 2000;

        /// <summary>Receive buffer for bodies: small on purpose, the body streams through it.</summary>
        internal const int BodyBufferSize = 512;
    }
}
