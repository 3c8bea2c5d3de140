// Source: nanoframework/System.Net, nanoFramework.System.Net/IPHostEntry.cs
namespace System.Net
{
    /// <summary>The result of a DNS lookup.</summary>
    public class IPHostEntry
    {
        /// <summary>The host name.</summary>
        public string HostName => throw null;

        /// <summary>The addresses.</summary>
        public IPAddress[] AddressList => throw null;
    }
}
