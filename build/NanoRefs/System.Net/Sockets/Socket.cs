// Source: nanoframework/System.Net, nanoFramework.System.Net/Sockets/Socket.cs (client members only).
// Note: IDisposable.Dispose is implemented explicitly; call Close(). There is no Connected
// property, no Shutdown and no connect timeout on the device.
namespace System.Net.Sockets
{
    /// <summary>A Berkeley socket.</summary>
    public class Socket : IDisposable
    {
        /// <summary>Creates a socket.</summary>
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw null; }

        /// <summary>Bytes received and not yet read.</summary>
        public int Available => throw null;

        /// <summary>The local end point.</summary>
        public EndPoint LocalEndPoint => throw null;

        /// <summary>The remote end point.</summary>
        public EndPoint RemoteEndPoint => throw null;

        /// <summary>Receive timeout in milliseconds; 0 or -1 is infinite.</summary>
        public int ReceiveTimeout
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>Send timeout in milliseconds; 0 or -1 is infinite.</summary>
        public int SendTimeout
        {
            get { throw null; }
            set { throw null; }
        }

        /// <summary>The socket type.</summary>
        public SocketType SocketType => throw null;

        /// <summary>Binds to a local end point.</summary>
        public void Bind(EndPoint localEP) { throw null; }

        /// <summary>Connects (blocking, no timeout of its own).</summary>
        public void Connect(EndPoint remoteEP) { throw null; }

        /// <summary>Closes the socket.</summary>
        public void Close() { throw null; }

        /// <summary>Sends the whole buffer.</summary>
        public int Send(byte[] buffer) { throw null; }

        /// <summary>Sends the whole buffer.</summary>
        public int Send(byte[] buffer, SocketFlags socketFlags) { throw null; }

        /// <summary>Sends the first <paramref name="size"/> bytes.</summary>
        public int Send(byte[] buffer, int size, SocketFlags socketFlags) { throw null; }

        /// <summary>Sends <paramref name="size"/> bytes from <paramref name="offset"/>.</summary>
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }

        /// <summary>Receives into the whole buffer.</summary>
        public int Receive(byte[] buffer) { throw null; }

        /// <summary>Receives into the whole buffer.</summary>
        public int Receive(byte[] buffer, SocketFlags socketFlags) { throw null; }

        /// <summary>Receives up to <paramref name="size"/> bytes.</summary>
        public int Receive(byte[] buffer, int size, SocketFlags socketFlags) { throw null; }

        /// <summary>Receives up to <paramref name="size"/> bytes at <paramref name="offset"/>; 0 at the end of the stream.</summary>
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }

        /// <summary>Sets an integer option.</summary>
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, int optionValue) { throw null; }

        /// <summary>Sets a Boolean option.</summary>
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, bool optionValue) { throw null; }

        /// <summary>Sets a byte-array option.</summary>
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, byte[] optionValue) { throw null; }

        /// <summary>Reads an option.</summary>
        public object GetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName) { throw null; }

        /// <summary>Reads an option into a buffer.</summary>
        public void GetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, byte[] val) { throw null; }

        /// <summary>Waits up to <paramref name="microSeconds"/> for the state given by <paramref name="mode"/>.</summary>
        public bool Poll(int microSeconds, SelectMode mode) { throw null; }

        /// <summary>Releases the socket.</summary>
        protected virtual void Dispose(bool disposing) { throw null; }

        void IDisposable.Dispose() { throw null; }
    }
}
