using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;

namespace HttpNano.Samples.Esp32
{
    /// <summary>One request/response exchange over the shared connection.</summary>
    internal delegate void Exchange(HttpsConnection connection);

    /// <summary>One transfer by URL (redirects followed, downloads resumed) through the shared <see cref="HttpTransfer"/>.</summary>
    internal delegate void TransferExchange(HttpTransfer transfer);

    /// <summary>
    /// Runs an exchange with retries and exponential back-off. Transient failures (network,
    /// timeouts, TLS handshake, protocol errors, 5xx) are retried; a rejected server certificate is
    /// not: a wrong root CA, host name or clock does not fix itself.
    /// </summary>
    internal static class Retry
    {
        /// <summary>True when the exchange succeeded within <see cref="Settings.MaxAttempts"/> attempts.</summary>
        internal static bool Run(string name, HttpsConnection connection, Exchange exchange)
        {
            return Run(name, connection, exchange, null, null);
        }

        /// <summary>
        /// True when the transfer succeeded within <see cref="Settings.MaxAttempts"/> attempts. A
        /// download that stayed cut after HttpTransfer's own retries, or whose saved bytes could not be
        /// resumed, is worth another attempt (it resumes, or starts over); a redirect that must not
        /// be followed, or a 4xx, is not.
        /// </summary>
        internal static bool Run(string name, HttpTransfer transfer, TransferExchange exchange)
        {
            return Run(name, null, null, transfer, exchange);
        }

        private static bool Run(string name, HttpsConnection connection, Exchange exchange, HttpTransfer transfer, TransferExchange transferExchange)
        {
            int delay = Settings.RetryDelayMilliseconds;
            for (int attempt = 1; ; attempt++)
            {
                string failure;
                try
                {
                    if (exchange != null)
                    {
                        exchange(connection);
                    }
                    else
                    {
                        transferExchange(transfer);
                    }

                    return true;
                }
                catch (CertificateVerificationException e)
                {
                    Debug.WriteLine(name + ": server certificate rejected (mbedTLS " + e.ErrorCode.ToString() + ")."
                        + " Check RootCertificates.ServerRootCa, Settings.Host and the clock: "
                        + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss") + " UTC");
                    return false;
                }
                catch (TlsHandshakeException e)
                {
                    failure = "TLS handshake failed (mbedTLS " + e.ErrorCode.ToString() + ")";
                }
                catch (ServerErrorException e)
                {
                    failure = "server answered " + e.Status.ToString();
                }
                catch (TransferException e)
                {
                    failure = "transfer failed (reason " + e.Reason.ToString() + ", status " + e.Status.ToString() + ")";
                    if (e.Reason != TransferException.Interrupted && e.Reason != TransferException.BadRange
                        && e.Status < 500 && e.Status != HttpStatus.TooManyRequests)
                    {
                        Debug.WriteLine(name + ": " + failure + ", not retried");
                        return false;
                    }
                }
                catch (HttpException e)
                {
                    // Malformed or truncated response, or the server closed the connection.
                    failure = e.GetType().Name + ": " + e.Message;
                }
                catch (TimeoutException e)
                {
                    failure = "timeout: " + e.Message;
                }
                catch (ConnectException e)
                {
                    // Reason: NameNotResolved (check the host and DNS), Refused, Unreachable
                    // (Wi-Fi or route), TimedOut, Failed; the socket error is the inner exception.
                    failure = "connect failed (reason " + e.Reason.ToString() + "): " + e.Message;
                }
                catch (IOException e)
                {
                    // Send or receive failed; the socket error is the inner exception.
                    failure = "network: " + e.Message;
                }
                catch (SocketException e)
                {
                    failure = "socket error " + e.ErrorCode.ToString();
                }

                // A failure leaves the connection idle with its socket closed: the next attempt
                // simply opens a new socket (and TLS session). A request that only met a stale
                // kept-alive socket was already sent once more by the connection itself, if it was
                // idempotent (a plain POST is not: retrying it here is this program's decision).
                if (attempt >= Settings.MaxAttempts)
                {
                    Debug.WriteLine(name + ": giving up after " + attempt.ToString() + " attempts, " + failure);
                    return false;
                }

                Debug.WriteLine(name + ": attempt " + attempt.ToString() + " failed, " + failure
                    + "; retrying in " + delay.ToString() + " ms");
                Thread.Sleep(delay);
                delay *= 2;
            }
        }
    }
}
