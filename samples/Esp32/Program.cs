using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using nanoFramework.Networking;

namespace HttpNano.Samples.Esp32
{
    /// <summary>
    /// HttpClient.Nano on an ESP32: joins Wi-Fi (the clock set by SNTP, which certificate checks
    /// need), then over one kept-alive HTTPS connection GETs a JSON document, POSTs telemetry,
    /// streams a 100 KiB download through a 512-byte buffer and uploads readings chunked from a
    /// stream. Then, by URL through HttpTransfer, downloads firmware behind a redirect into a flash
    /// writer, resuming where it was cut, and uploads readings as a multipart form. Every exchange
    /// has timeouts and retries. Output goes to the debugger.
    /// </summary>
    public class Program
    {
        // Allocated once and reused by every request: the heap stays flat.
        private static readonly byte[] BodyBuffer = new byte[Settings.BodyBufferSize];
        private static HttpHeaders _getHeaders;
        private static HttpHeaders _downloadHeaders;
        private static HttpHeaders _jsonHeaders;
        private static HttpHeaders _csvHeaders;

        // The resumable download: the writer holds the bytes written so far, the validator says which
        // version of the resource they are from. A device that must resume after a reboot keeps both
        // (the writer's Length and this string) in NVS or a file, and passes them to Download again.
        private static readonly FlashWriter Firmware = new FlashWriter();
        private static string _firmwareValidator;
        private static long _nextReport;

        public static void Main()
        {
            Debug.WriteLine("HttpClient.Nano ESP32 sample");

            ConnectWifi();
            Debug.WriteLine("Clock set by SNTP: " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss") + " UTC");

            _getHeaders = ApiHeaders("application/json", null);
            _downloadHeaders = ApiHeaders("application/octet-stream", null);
            _jsonHeaders = ApiHeaders("application/json", "application/json");
            _csvHeaders = ApiHeaders("application/json", "text/csv");

            // Trust exactly the server's root CA. With a bundle stored on the device
            // (CertificateManager.AddCaCertificateBundle) add no CA here: the stored bundle is the
            // default trust, and the PEM need not be in the firmware.
            TlsOptions tls = new TlsOptions();
            tls.AddTrustedCaPem(RootCertificates.ServerRootCa);

            // One connection for everything: a TLS handshake costs seconds and about 32 KB of native
            // heap, so it is done once and the socket is kept alive between requests.
            int failed = 0;
            using (HttpsConnection connection = new HttpsConnection(Settings.Host, Settings.Port, Settings.IoTimeoutMilliseconds, tls))
            {
                connection.ConnectTimeout = Settings.ConnectTimeoutMilliseconds;
                connection.ResponseTimeout = Settings.ResponseTimeoutMilliseconds;

                failed += Retry.Run("GET " + Settings.StatusPath, connection, GetStatus) ? 0 : 1;
                failed += Retry.Run("POST " + Settings.TelemetryPath, connection, PostTelemetry) ? 0 : 1;
                failed += Retry.Run("GET " + Settings.FirmwarePath, connection, Download) ? 0 : 1;
                failed += Retry.Run("POST " + Settings.UploadPath, connection, UploadReadings) ? 0 : 1;
            }

            // Transfers by URL: HttpTransfer follows redirects and resumes downloads over its own
            // connection, opened after the one above was closed (one TLS session at a time).
            using (HttpTransfer transfer = new HttpTransfer(Settings.IoTimeoutMilliseconds, tls))
            {
                transfer.Progress = new ProgressLines();
                failed += Retry.Run("GET " + Settings.FirmwareRedirectPath, transfer, DownloadFirmware) ? 0 : 1;
                failed += Retry.Run("POST " + Settings.FormPath + " (multipart)", transfer, UploadForm) ? 0 : 1;
            }

            Debug.WriteLine(failed == 0 ? "All exchanges succeeded." : failed.ToString() + " exchange(s) failed.");

            Thread.Sleep(Timeout.Infinite);
        }

        /// <summary>Joins the network from Secrets.cs and waits for DHCP and SNTP; retries until it works.</summary>
        private static void ConnectWifi()
        {
            int delay = Settings.RetryDelayMilliseconds;
            while (true)
            {
                Debug.WriteLine("Joining Wi-Fi '" + Secrets.WifiSsid + "'...");
                bool ready;
                using (CancellationTokenSource timeout = new CancellationTokenSource(Settings.WifiTimeoutMilliseconds))
                {
                    ready = WifiNetworkHelper.ConnectDhcp(Secrets.WifiSsid, Secrets.WifiPassword, requiresDateTime: true, token: timeout.Token);
                }

                if (ready)
                {
                    Debug.WriteLine("Wi-Fi up.");
                    return;
                }

                Debug.WriteLine("Wi-Fi not ready: " + Describe(WifiNetworkHelper.Status));
                if (WifiNetworkHelper.HelperException != null)
                {
                    Debug.WriteLine("  " + WifiNetworkHelper.HelperException.Message);
                }

                Thread.Sleep(delay);
                if (delay < 60000)
                {
                    delay *= 2;
                }
            }
        }

        /// <summary>GET a small JSON document and print it.</summary>
        private static void GetStatus(HttpsConnection connection)
        {
            connection.Request("GET", Settings.StatusPath, _getHeaders);
            HttpResponse response = connection.GetResponse();
            if (!Succeeded(response))
            {
                return;
            }

            // Small and of known size: reading it whole is fine. For anything large use ReadInto.
            byte[] body = response.Read();
            Debug.WriteLine("  " + response.Status.ToString() + " " + response.Reason + ", "
                + response.GetHeader("Content-Type", "no Content-Type") + ", " + body.Length.ToString() + " bytes:");
            Debug.WriteLine(Encoding.UTF8.GetString(body, 0, body.Length));
        }

        /// <summary>POST one JSON reading; the string body is sent as UTF-8 with Content-Length.</summary>
        private static void PostTelemetry(HttpsConnection connection)
        {
            string json = "{\"device\":\"esp32-sample\",\"time\":\"" + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss")
                + "\",\"temperature\":21.5,\"rssi\":-61}";
            connection.Request("POST", Settings.TelemetryPath, json, _jsonHeaders);
            HttpResponse response = connection.GetResponse();
            if (Succeeded(response))
            {
                long echoed = Drain(response);
                Debug.WriteLine("  " + response.Status.ToString() + " " + response.Reason + ", sent "
                    + json.Length.ToString() + " bytes, server replied with " + echoed.ToString());
            }
        }

        /// <summary>
        /// Streams a large body through the 512-byte buffer with progress, as an OTA update would
        /// (write each block to the partition where this computes a checksum).
        /// </summary>
        private static void Download(HttpsConnection connection)
        {
            // A slow link may need longer than small requests for the whole body.
            connection.ResponseTimeout = Settings.DownloadTimeoutMilliseconds;
            try
            {
                connection.Request("GET", Settings.FirmwarePath, _downloadHeaders);
                HttpResponse response = connection.GetResponse();
                if (!Succeeded(response))
                {
                    return;
                }

                long length = response.Length; // -1 when the server does not say (chunked)
                long received = 0;
                long nextReport = 0;
                uint checksum = 0;
                int n;
                while ((n = response.ReadInto(BodyBuffer, 0, BodyBuffer.Length)) > 0)
                {
                    for (int i = 0; i < n; i++)
                    {
                        checksum = (checksum << 5) + checksum + BodyBuffer[i];
                    }

                    received += n;
                    if (received >= nextReport)
                    {
                        Debug.WriteLine(length > 0
                            ? "  " + (received * 100 / length).ToString() + "% (" + received.ToString() + " of " + length.ToString() + " bytes)"
                            : "  " + received.ToString() + " bytes");
                        nextReport += 16384;
                    }
                }

                Debug.WriteLine("  done: " + received.ToString() + " bytes, checksum 0x" + checksum.ToString("x8"));
            }
            finally
            {
                connection.ResponseTimeout = Settings.ResponseTimeoutMilliseconds;
            }
        }

        /// <summary>Uploads 500 readings generated on the fly: a stream of unknown length goes chunked.</summary>
        private static void UploadReadings(HttpsConnection connection)
        {
            // A new stream per attempt: a retry must send the body from its start.
            connection.Request("POST", Settings.UploadPath, new ReadingsStream(500), _csvHeaders);
            HttpResponse response = connection.GetResponse();
            if (Succeeded(response))
            {
                Drain(response);
                Debug.WriteLine("  " + response.Status.ToString() + " " + response.Reason + ", readings uploaded chunked");
            }
        }

        /// <summary>
        /// Downloads the firmware behind a redirect into the flash writer. HttpTransfer resumes by
        /// itself when the connection is cut (Range from the bytes written, If-Range with the
        /// validator, only a matching 206 taken); when its retries run out, the next attempt of
        /// Retry.Run resumes from what the writer holds, as a reboot would with the saved state.
        /// </summary>
        private static void DownloadFirmware(HttpTransfer transfer)
        {
            long offset = Firmware.Length;
            if (offset > 0)
            {
                Debug.WriteLine("  resuming at byte " + offset.ToString() + (_firmwareValidator != null ? ", If-Range " + _firmwareValidator : ", no validator"));
            }

            _nextReport = offset;
            try
            {
                try
                {
                    // No custom headers here: a download sends only Range and If-Range.
                    transfer.Download(Url(Settings.FirmwareRedirectPath), Firmware, BodyBuffer, offset, _firmwareValidator);
                }
                finally
                {
                    // Known from the first response on; save it with Firmware.Length.
                    _firmwareValidator = transfer.Validator;
                }
            }
            catch (TransferException e)
            {
                if (e.Reason == TransferException.BadRange)
                {
                    // The saved bytes do not fit the resource any more (416, or another length):
                    // erase, and the next attempt starts from 0.
                    Firmware.SetLength(0);
                    _firmwareValidator = null;
                }

                throw;
            }

            Debug.WriteLine("  done: " + transfer.Total.ToString() + " bytes from " + transfer.Url
                + ", checksum 0x" + Firmware.Checksum.ToString("x8"));
        }

        /// <summary>The download's progress: a line every 16 KiB, with the percentage once the total is known.</summary>
        private sealed class ProgressLines : ITransferProgress
        {
            public void Report(long done, long total)
            {
                if (done < _nextReport && done != total)
                {
                    return;
                }

                Debug.WriteLine(total > 0
                    ? "  " + (done * 100 / total).ToString() + "% (" + done.ToString() + " of " + total.ToString() + " bytes)"
                    : "  " + done.ToString() + " bytes");
                _nextReport = done + 16384;
            }
        }

        /// <summary>
        /// Uploads 500 readings and a field as multipart/form-data. MultipartForm streams the parts
        /// and knows its length up front (the readings stream cannot seek, so its length is given),
        /// so it goes out with Content-Length and nothing is buffered.
        /// </summary>
        private static void UploadForm(HttpTransfer transfer)
        {
            // A new form and stream per attempt: a retry must send the body from its start.
            MultipartForm form = new MultipartForm();
            form.AddField("device", "esp32-sample");
            form.AddFile("readings", "readings.csv", "text/csv", new ReadingsStream(500), ReadingsStream.LengthOf(500));
            HttpResponse response = transfer.Request("POST", Url(Settings.FormPath), form, ApiHeaders("application/json", form.ContentType));
            if (Succeeded(response))
            {
                Drain(response);
                Debug.WriteLine("  " + response.Status.ToString() + " " + response.Reason + ", form of " + form.Length.ToString() + " bytes uploaded");
            }
        }

        /// <summary>The absolute URL of a path on the server.</summary>
        private static string Url(string path)
        {
            return Settings.Port == 443 ? "https://" + Settings.Host + path : "https://" + Settings.Host + ":" + Settings.Port.ToString() + path;
        }

        /// <summary>
        /// True for 2xx. A 5xx or 429 throws <see cref="ServerErrorException"/> so the exchange is
        /// retried; other statuses (4xx: our request is wrong) are reported and not retried.
        /// </summary>
        private static bool Succeeded(HttpResponse response)
        {
            int status = response.Status;
            if (status >= 200 && status < 300)
            {
                return true;
            }

            // Read the (short) error body so the connection stays usable.
            Drain(response);
            if (status >= 500 || status == HttpStatus.TooManyRequests)
            {
                throw new ServerErrorException(status);
            }

            Debug.WriteLine("  " + status.ToString() + " " + response.Reason + ": not retried");
            return false;
        }

        /// <summary>Reads a body to its end through the shared buffer and returns its length.</summary>
        private static long Drain(HttpResponse response)
        {
            long total = 0;
            int n;
            while ((n = response.ReadInto(BodyBuffer, 0, BodyBuffer.Length)) > 0)
            {
                total += n;
            }

            return total;
        }

        /// <summary>Headers for requests to the API, built once; the body's Content-Type unless null.</summary>
        private static HttpHeaders ApiHeaders(string accept, string contentType)
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Accept", accept);
            if (contentType != null)
            {
                headers.Add("Content-Type", contentType);
            }

            if (Secrets.ApiToken.Length > 0)
            {
                headers.Add("Authorization", "Bearer " + Secrets.ApiToken);
            }

            return headers;
        }

        private static string Describe(NetworkHelperStatus status)
        {
            switch (status)
            {
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress:
                    return "no IP address in time (wrong SSID or password, or out of range?)";
                case NetworkHelperStatus.TokenExpiredWaitingDateTime:
                    return "connected, but SNTP did not set the clock in time";
                case NetworkHelperStatus.FailedNoNetworkInterface:
                    return "no network interface configured on the device";
                case NetworkHelperStatus.ExceptionOccurred:
                    return "the Wi-Fi helper threw";
                default:
                    return "status " + ((int)status).ToString();
            }
        }
    }
}
