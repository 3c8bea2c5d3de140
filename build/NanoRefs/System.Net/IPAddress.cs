// Source: nanoframework/System.Net, nanoFramework.System.Net/IPAddress.cs
namespace System.Net
{
    using System.Net.Sockets;

    /// <summary>An IP address.</summary>
    [Serializable]
    public class IPAddress
    {
        /// <summary>0.0.0.0.</summary>
        public static readonly IPAddress Any;

        /// <summary>127.0.0.1.</summary>
        public static readonly IPAddress Loopback;

        /// <summary>Creates an IPv4 address from its value in network order.</summary>
        public IPAddress(long newAddress) { throw null; }

        /// <summary>Creates an address from 4 (IPv4) or 16 (IPv6) bytes.</summary>
        public IPAddress(byte[] address) { throw null; }

        /// <summary>The address family.</summary>
        public AddressFamily AddressFamily => throw null;

        /// <summary>Same address.</summary>
        public override bool Equals(object obj) { throw null; }

        /// <summary>The address bytes.</summary>
        public byte[] GetAddressBytes() { throw null; }

        /// <summary>Parses a dotted-quad (or colon-hex) literal.</summary>
        public static IPAddress Parse(string ipString) { throw null; }

        /// <summary>Dotted-quad form.</summary>
        public override string ToString() { throw null; }

        /// <summary>The default local address.</summary>
        public static IPAddress GetDefaultLocalAddress() { throw null; }

        /// <summary>Hash of the address.</summary>
        public override int GetHashCode() { throw null; }
    }
}
