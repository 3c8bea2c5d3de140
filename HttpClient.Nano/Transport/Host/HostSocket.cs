using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace HttpNano
{
    /// <summary>
    /// Opens the TCP socket under the host's TLS transport: resolves the host (IPv4 addresses
    /// first), connects within the connect timeout, and sets the send and receive timeout.
    /// Failures stay socket exceptions; nothing stays open after one.
    /// </summary>
    internal static class HostSocket
    {
        /// <summary>Returns a connected socket; timeouts in milliseconds, 0 or less for none.</summary>
        internal static Socket Connect(string host, int port, int connectTimeout, int timeout)
        {
            if (host == null)
            {
                throw new ArgumentNullException("host");
            }

            if (port < IPEndPoint.MinPort || port > IPEndPoint.MaxPort)
            {
                throw new ArgumentOutOfRangeException("port");
            }

            IPAddress[] addresses = Resolve(host);
            SocketException last = new SocketException((int)SocketError.HostNotFound);
            for (int pass = 0; pass < 2; pass++)
            {
                // First pass IPv4, second pass everything else.
                foreach (IPAddress address in addresses)
                {
                    if ((address.AddressFamily == AddressFamily.InterNetwork) != (pass == 0))
                    {
                        continue;
                    }

                    try
                    {
                        return ConnectOne(address, port, connectTimeout, timeout);
                    }
                    catch (SocketException e)
                    {
                        last = e;
                    }
                }
            }

            throw last;
        }

        private static IPAddress[] Resolve(string host)
        {
            IPAddress literal;
            if (IPAddress.TryParse(host, out literal))
            {
                return new[] { literal };
            }

            return Dns.GetHostAddresses(host);
        }

        private static Socket ConnectOne(IPAddress address, int port, int connectTimeout, int timeout)
        {
            Socket socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.NoDelay = true;
                if (timeout > 0)
                {
                    socket.ReceiveTimeout = timeout;
                    socket.SendTimeout = timeout;
                }

                IPEndPoint endPoint = new IPEndPoint(address, port);
                if (connectTimeout > 0)
                {
                    using (CancellationTokenSource cancel = new CancellationTokenSource(connectTimeout))
                    {
                        try
                        {
                            socket.ConnectAsync(endPoint, cancel.Token).AsTask().GetAwaiter().GetResult();
                        }
                        catch (OperationCanceledException)
                        {
                            throw new SocketException((int)SocketError.TimedOut);
                        }
                    }
                }
                else
                {
                    socket.Connect(endPoint);
                }

                return socket;
            }
            catch
            {
                socket.Close();
                throw;
            }
        }
    }
}
