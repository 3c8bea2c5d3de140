using System;
using System.Net;
using System.Net.Sockets;

namespace HttpNano
{
    /// <summary>
    /// Opens the TCP socket under the device's TLS transport: resolves the host (first IPv4
    /// address), sets the send and receive timeout, connects. The device's Connect has no
    /// timeout of its own. Failures stay socket exceptions; nothing stays open after one.
    /// </summary>
    internal static class DeviceSocket
    {
        /// <summary>Returns a connected socket; <paramref name="timeout"/> in milliseconds, 0 or less for none.</summary>
        internal static Socket Connect(string host, int port, int timeout)
        {
            if (host == null)
            {
                throw new ArgumentNullException("host");
            }

            if (port < IPEndPoint.MinPort || port > IPEndPoint.MaxPort)
            {
                throw new ArgumentOutOfRangeException("port");
            }

            IPAddress address = FirstIPv4(Dns.GetHostEntry(host).AddressList);
            if (address == null)
            {
                throw new SocketException(SocketError.HostNotFound);
            }

            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (timeout > 0)
                {
                    socket.ReceiveTimeout = timeout;
                    socket.SendTimeout = timeout;
                }

                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
                socket.Connect(new IPEndPoint(address, port));
                return socket;
            }
            catch
            {
                socket.Close();
                throw;
            }
        }

        private static IPAddress FirstIPv4(IPAddress[] addresses)
        {
            if (addresses == null)
            {
                return null;
            }

            for (int i = 0; i < addresses.Length; i++)
            {
                if (addresses[i].AddressFamily == AddressFamily.InterNetwork)
                {
                    return addresses[i];
                }
            }

            return null;
        }
    }
}
