// Source: nanoframework/System.Net, nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs
// (WifiNetworkHelper.Status reports it; the values are implicit, in this order).
namespace nanoFramework.Networking
{
    /// <summary>Error conditions of the network helpers.</summary>
    public enum NetworkHelperStatus
    {
        /// <summary>No error specified.</summary>
        None,

        /// <summary>Started, waiting for the requested network conditions.</summary>
        Started,

        /// <summary>All requested conditions were met: the network is available.</summary>
        NetworkIsReady,

        /// <summary>No network interface is configured.</summary>
        FailedNoNetworkInterface,

        /// <summary>The token expired while waiting for an IP address.</summary>
        TokenExpiredWaitingIPAddress,

        /// <summary>The token expired while waiting for a valid date and time.</summary>
        TokenExpiredWaitingDateTime,

        /// <summary>Connecting to Wi-Fi failed while scanning.</summary>
        ErrorConnetingToWiFiWhileScanning,

        /// <summary>The network was ready but lost its IP address; waiting for it to return.</summary>
        Reconnecting,

        /// <summary>An exception occurred: see the helper's HelperException.</summary>
        ExceptionOccurred,
    }
}
