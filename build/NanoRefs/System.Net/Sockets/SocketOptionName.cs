// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/SocketOptionName.cs (subset of the values)
namespace System.Net.Sockets
{
    /// <summary>Socket option names.</summary>
    public enum SocketOptionName
    {
        /// <summary>Allow local address reuse.</summary>
        ReuseAddress = 0x0004,

        /// <summary>Send keep-alives.</summary>
        KeepAlive = 0x0008,

        /// <summary>Linger on close.</summary>
        Linger = 0x0080,

        /// <summary>Close without lingering.</summary>
        DontLinger = ~Linger,

        /// <summary>Send buffer size.</summary>
        SendBuffer = 0x1001,

        /// <summary>Receive buffer size.</summary>
        ReceiveBuffer = 0x1002,

        /// <summary>Send timeout.</summary>
        SendTimeout = 0x1005,

        /// <summary>Receive timeout.</summary>
        ReceiveTimeout = 0x1006,

        /// <summary>Get and clear the error status.</summary>
        Error = 0x1007,

        /// <summary>Socket type.</summary>
        Type = 0x1008,

        /// <summary>Disables Nagle's algorithm (SocketOptionLevel.Tcp).</summary>
        NoDelay = 1,
    }
}
