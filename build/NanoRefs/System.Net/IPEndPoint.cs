// Source: nanoframework/System.Net, nanoFramework.System.Net/IPEndPoint.cs (Serialize/Create left out)
namespace System.Net
{
    using System.Net.Sockets;

    /// <summary>An IP address and a port.</summary>
    [Serializable]
    public class IPEndPoint : EndPoint
    {
        /// <summary>Smallest port.</summary>
        public const int MinPort = 0x00000000;

        /// <summary>Largest port.</summary>
        public const int MaxPort = 0x0000FFFF;

        /// <summary>Creates the end point from an IPv4 address in network order.</summary>
        public IPEndPoint(long address, int port) { throw null; }

        /// <summary>Creates the end point.</summary>
        public IPEndPoint(IPAddress address, int port) { throw null; }

        /// <summary>The address.</summary>
        public IPAddress Address => throw null;

        /// <summary>The address family.</summary>
        public AddressFamily AddressFamily => throw null;

        /// <summary>The port.</summary>
        public int Port => throw null;

        /// <summary>address:port.</summary>
        public override string ToString() { throw null; }

        /// <summary>Same address and port.</summary>
        public override bool Equals(object obj) { throw null; }
    }
}
