// Source: nanoframework/System.Device.Wifi, System.Device.Wifi/WifiReconnectionKind.cs.
namespace System.Device.Wifi
{
    /// <summary>Whether to reconnect to the network automatically.</summary>
    public enum WifiReconnectionKind
    {
        /// <summary>Reconnect automatically.</summary>
        Automatic,

        /// <summary>Let the application reconnect.</summary>
        Manual,
    }
}
