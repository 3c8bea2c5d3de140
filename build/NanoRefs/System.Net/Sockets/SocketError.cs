// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/SocketErrors.cs (subset of the values;
// Winsock numbering, which SocketException.ErrorCode carries on the device)
namespace System.Net.Sockets
{
    /// <summary>Socket error codes.</summary>
    public enum SocketError : int
    {
        /// <summary>Success.</summary>
        Success = 0,

        /// <summary>Unspecified error.</summary>
        SocketError = (-1),

        /// <summary>Operation would block.</summary>
        WouldBlock = (10000 + 35),

        /// <summary>Network down.</summary>
        NetworkDown = (10000 + 50),

        /// <summary>Network unreachable.</summary>
        NetworkUnreachable = (10000 + 51),

        /// <summary>Connection aborted locally.</summary>
        ConnectionAborted = (10000 + 53),

        /// <summary>Connection reset by the peer.</summary>
        ConnectionReset = (10000 + 54),

        /// <summary>Not connected.</summary>
        NotConnected = (10000 + 57),

        /// <summary>Shut down.</summary>
        Shutdown = (10000 + 58),

        /// <summary>Timed out.</summary>
        TimedOut = (10000 + 60),

        /// <summary>Connection refused.</summary>
        ConnectionRefused = (10000 + 61),

        /// <summary>Host unreachable.</summary>
        HostUnreachable = (10000 + 65),

        /// <summary>Host not found.</summary>
        HostNotFound = (10000 + 1001),

        /// <summary>Temporary name resolution failure.</summary>
        TryAgain = (10000 + 1002),
    }
}
