// Source: nanoframework/System.Net, nanoFramework.System.Net/DNS.cs
namespace System.Net
{
    /// <summary>Name resolution.</summary>
    public static class Dns
    {
        /// <summary>Resolves a host name or address literal; throws SocketException when it cannot.</summary>
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) { throw null; }
    }
}
