using System;
using System.IO;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// Turns the platform's SocketException into the exceptions ITransport documents, so callers
    /// never depend on socket error numbering (Winsock codes on the device, errno-based codes on
    /// Linux hosts).
    /// </summary>
    internal static class TransportErrors
    {
        internal const string ReceiveFailed = "receive failed";
        internal const string SendFailed = "send failed";
        internal const string ReceiveTimedOut = "receive timed out";
        internal const string SendTimedOut = "send timed out";
        internal const string ConnectFailed = "connect failed";
        internal const string ConnectTimedOut = "connect timed out";
        internal const string NameNotResolved = "name not resolved";

        /// <summary>Whether the socket operation failed because its timeout expired.</summary>
        internal static bool IsTimeout(SocketException e)
        {
#if NANOFRAMEWORK_1_0
            // The device has no SocketErrorCode; ErrorCode carries the SocketError value.
            return e.ErrorCode == (int)SocketError.TimedOut;
#else
            // On .NET, ErrorCode is the native code (errno on Linux); SocketErrorCode is portable.
            return e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock;
#endif
        }

        /// <summary>The exception to throw for a failed send, receive or connect.</summary>
        internal static Exception Translate(SocketException e, string failedMessage, string timedOutMessage)
        {
            if (IsTimeout(e))
            {
                return new TimeoutException(timedOutMessage);
            }

            return new IOException(failedMessage, e);
        }
    }
}
