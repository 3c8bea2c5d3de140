// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/SelectMode.cs
namespace System.Net.Sockets
{
    /// <summary>What Socket.Poll waits for.</summary>
    public enum SelectMode
    {
        /// <summary>Readable (data, a pending connection, or closed).</summary>
        SelectRead = 0,

        /// <summary>Writable.</summary>
        SelectWrite = 1,

        /// <summary>Error.</summary>
        SelectError = 2,
    }
}
