// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/SocketOptionLevel.cs
namespace System.Net.Sockets
{
    /// <summary>Level a socket option applies to.</summary>
    public enum SocketOptionLevel
    {
        /// <summary>The socket itself.</summary>
        Socket = 0xffff,

        /// <summary>IP.</summary>
        IP = ProtocolType.IP,

        /// <summary>IPv6.</summary>
        IPv6 = ProtocolType.IPv6,

        /// <summary>TCP.</summary>
        Tcp = ProtocolType.Tcp,

        /// <summary>UDP.</summary>
        Udp = ProtocolType.Udp,
    }
}
