// Source: nanoframework/System.Net, nanoFramework.System.Net/SocketException.cs
namespace System.Net.Sockets
{
    /// <summary>A socket error. On the device only <see cref="ErrorCode"/> tells errors apart.</summary>
    [Serializable]
    public class SocketException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SocketException(SocketError errorCode) { throw null; }

        /// <summary>The error code (<see cref="SocketError"/> numbering, or an mbedTLS code for TLS).</summary>
        public int ErrorCode => throw null;
    }
}
