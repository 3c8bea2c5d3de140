// Source: nanoframework/System.Net, nanoFramework.System.Net/Security/NetworkSecurity.cs (current values,
// the same as .NET's System.Security.Authentication.SslProtocols; Tls and Tls11 are obsolete there too)
namespace System.Net.Security
{
    /// <summary>TLS versions.</summary>
    [Flags]
    public enum SslProtocols
    {
        /// <summary>Let the platform choose.</summary>
        None = 0x00,

        /// <summary>TLS 1.0.</summary>
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls = 192,

        /// <summary>TLS 1.1.</summary>
        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls11 = 768,

        /// <summary>TLS 1.2.</summary>
        Tls12 = 3072,

        /// <summary>TLS 1.3.</summary>
        Tls13 = 12288,
    }
}
