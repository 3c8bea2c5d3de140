// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/AddressFamily.cs (subset of the values)
namespace System.Net.Sockets
{
    /// <summary>Addressing scheme of a socket.</summary>
    public enum AddressFamily
    {
        /// <summary>Unknown.</summary>
        Unknown = -1,

        /// <summary>Unspecified.</summary>
        Unspecified = 0,

        /// <summary>IPv4.</summary>
        InterNetwork = 2,

        /// <summary>IPv6.</summary>
        InterNetworkV6 = 23,
    }
}
