// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/SocketType.cs (subset of the values)
namespace System.Net.Sockets
{
    /// <summary>Kind of socket.</summary>
    public enum SocketType
    {
        /// <summary>Connection-oriented byte stream (TCP).</summary>
        Stream = 1,

        /// <summary>Datagrams (UDP).</summary>
        Dgram = 2,

        /// <summary>Unknown.</summary>
        Unknown = -1,
    }
}
