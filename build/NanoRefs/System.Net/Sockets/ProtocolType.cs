// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/ProtocolType.cs (subset of the values)
namespace System.Net.Sockets
{
    /// <summary>Protocol of a socket.</summary>
    public enum ProtocolType
    {
        /// <summary>IP.</summary>
        IP = 0,

        /// <summary>TCP.</summary>
        Tcp = 6,

        /// <summary>UDP.</summary>
        Udp = 17,

        /// <summary>IPv6.</summary>
        IPv6 = 41,

        /// <summary>Unknown.</summary>
        Unknown = -1,
    }
}
