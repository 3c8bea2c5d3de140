// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/SocketFlags.cs (subset of the values)
namespace System.Net.Sockets
{
    /// <summary>Send and receive flags.</summary>
    [Flags]
    public enum SocketFlags
    {
        /// <summary>No flags.</summary>
        None = 0x0000,

        /// <summary>Out-of-band data.</summary>
        OutOfBand = 0x0001,

        /// <summary>Peek at incoming data.</summary>
        Peek = 0x0002,
    }
}
