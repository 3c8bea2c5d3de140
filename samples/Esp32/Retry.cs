using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;

namespace HttpNano.Samples.Esp32
{
    /// <summary>One request/response exchange over the shared connection.</summary>
    internal delegate void Exchange(HttpsConnection connection);

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
            int delay = Settings.RetryDelayMilliseconds;
            for (int attempt = 1; ; attempt++)
            {
                string failure;
                try
                {
                    exchange(connection);
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
