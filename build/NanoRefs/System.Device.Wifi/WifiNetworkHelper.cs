// Source: nanoframework/System.Device.Wifi, System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs (subset:
// the DHCP connect, its status and the disconnect).
namespace nanoFramework.Networking
{
    using System;
    using System.Device.Wifi;
    using System.Threading;

    /// <summary>Connects the Wi-Fi station and waits for an IP address and, optionally, a valid clock.</summary>
    public static class WifiNetworkHelper
    {
        /// <summary>Signaled when the network (and, if required, the clock) is ready.</summary>
        public static ManualResetEvent NetworkReady => throw null;

        /// <summary>Why the last connect failed, or NetworkIsReady.</summary>
        public static NetworkHelperStatus Status => throw null;

        /// <summary>The exception behind <see cref="NetworkHelperStatus.ExceptionOccurred"/>, or null.</summary>
        public static Exception HelperException
        {
            get { throw null; }
        }

        /// <summary>Disconnects from the network.</summary>
        public static void Disconnect() { throw null; }

        /// <summary>
        /// Connects to <paramref name="ssid"/> with DHCP, stores the configuration, and waits for an IP
        /// address and, with <paramref name="requiresDateTime"/>, for SNTP to set the clock. False on
        /// failure or when <paramref name="token"/> is canceled first: see <see cref="Status"/>.
        /// </summary>
        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default)
        {
            throw null;
        }

        /// <summary>Reconnects with the configuration stored on the device.</summary>
        public static bool Reconnect(
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default)
        {
            throw null;
        }
    }
}
