using System;
using System.IO;

// Failures of opening the transport, one step each: the TCP connect (ConnectException) and the
// TLS handshake over it (TlsHandshakeException and its kinds). Reasons are int constants of the
// type, as CertificateVerificationException's are: on the device an enum type costs more flash.
namespace HttpNano
{
    /// <summary>
    /// The TCP connection could not be opened (Python's OSError from create_connection): the
    /// host name did not resolve, the server refused, no route led there, or the connect timed
    /// out (<see cref="HttpConnection.ConnectTimeout"/>). <see cref="Reason"/> tells them apart
    /// without parsing messages; the platform's SocketException (or, for a timeout, the
    /// TimeoutException) is the InnerException. An IOException, like every socket failure.
    /// </summary>
    public class ConnectException : IOException
    {
        /// <summary>Any other socket failure while connecting.</summary>
        public const int Failed = 0;

        /// <summary>The host name did not resolve (DNS).</summary>
        public const int NameNotResolved = 1;

        /// <summary>The server refused the connection (nothing listens on the port).</summary>
        public const int Refused = 2;

        /// <summary>No route to the host or its network (or the network is down).</summary>
        public const int Unreachable = 3;

        /// <summary>The connect did not complete within the connect timeout.</summary>
        public const int TimedOut = 4;

        /// <summary>Why the connect failed: one of the constants of this class.</summary>
        public readonly int Reason;

        /// <summary>Creates the exception.</summary>
        /// <param name="message">A short description.</param>
        /// <param name="reason">Why: one of the constants of this class.</param>
        /// <param name="innerException">The platform's exception.</param>
        public ConnectException(string message, int reason, Exception innerException) : base(message, innerException)
        {
            Reason = reason;
        }
    }

    /// <summary>
    /// The TLS handshake of an HTTPS connection failed (Python's ssl.SSLError). Derived types tell
    /// a rejected certificate and a plain-HTTP server apart; a failed TCP connect is not a TLS
    /// failure: it is a <see cref="ConnectException"/>. The socket is closed.
    /// </summary>
    public class TlsHandshakeException : HttpException
    {
        /// <summary>
        /// The platform's error code: on the device the negative mbedTLS code the handshake returned
        /// (for example -9984, MBEDTLS_ERR_X509_CERT_VERIFY_FAILED); 0 on the host.
        /// </summary>
        public readonly int ErrorCode;

        /// <summary>Creates the exception.</summary>
        /// <param name="message">A short description of what went wrong, or null when the type says it.</param>
        /// <param name="errorCode">The platform's error code (an mbedTLS code on the device), 0 when none.</param>
        /// <param name="innerException">The platform's exception, or null.</param>
        public TlsHandshakeException(string message, int errorCode = 0, Exception innerException = null) : base(message, innerException)
        {
            ErrorCode = errorCode;
        }
    }

    /// <summary>
    /// The server answered the TLS handshake with something that is not TLS, as a plain HTTP server
    /// does: the port is probably an http:// one (use <c>HttpConnection</c> there).
    /// </summary>
    public class TlsPlainHttpException : TlsHandshakeException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="errorCode">The platform's error code, 0 when none.</param>
        /// <param name="innerException">The platform's exception, or null.</param>
        public TlsPlainHttpException(int errorCode, Exception innerException)
            : base("server spoke plain HTTP", errorCode, innerException) { }
    }

    /// <summary>
    /// The server's certificate was rejected; <see cref="Reason"/> says why. The host names the
    /// reason; the device's TLS stack (mbedTLS) reports only that verification failed (untrusted
    /// CA, wrong host name or outside its validity period, which includes a device clock that was
    /// never set), so there the reason is <see cref="Unknown"/> and <see cref="TlsHandshakeException.ErrorCode"/>
    /// holds the mbedTLS code.
    /// </summary>
    public class CertificateVerificationException : TlsHandshakeException
    {
        /// <summary>Verification failed without saying which check (the device).</summary>
        public const int Unknown = 0;

        /// <summary>The chain does not lead to a trusted CA (or no CA was there to trust).</summary>
        public const int Untrusted = 1;

        /// <summary>The certificate does not name the host connected to.</summary>
        public const int NameMismatch = 2;

        /// <summary>The certificate is expired or not yet valid.</summary>
        public const int Expired = 3;

        /// <summary>No key of the chain matches a pinned key.</summary>
        public const int PinMismatch = 4;

        /// <summary>Why the certificate was rejected: one of the constants of this class.</summary>
        public readonly int Reason;

        /// <summary>Creates the exception.</summary>
        /// <param name="message">A short description of what went wrong, or null when the type says it.</param>
        /// <param name="reason">Why: one of the constants of this class.</param>
        /// <param name="errorCode">The platform's error code, 0 when none.</param>
        /// <param name="innerException">The platform's exception, or null.</param>
        public CertificateVerificationException(string message, int reason, int errorCode = 0, Exception innerException = null)
            : base(message, errorCode, innerException)
        {
            Reason = reason;
        }
    }
}
