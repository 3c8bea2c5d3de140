namespace HttpNano.Samples.Esp32
{
    /// <summary>
    /// Credentials of this device. Copy this file to Secrets.cs (listed in .gitignore, compiled by
    /// Esp32Sample.nfproj) and fill in your values there; never commit Secrets.cs.
    /// </summary>
    internal static class Secrets
    {
        /// <summary>The Wi-Fi network to join.</summary>
        internal const string WifiSsid = "your-ssid";

        /// <summary>Its WPA2 passphrase.</summary>
        internal const string WifiPassword = "your-wifi-password";

        /// <summary>Bearer token for the API, sent as "Authorization: Bearer ..."; empty for none.</summary>
        internal const string ApiToken = "";
    }
}
