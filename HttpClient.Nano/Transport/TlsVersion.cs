using System;

namespace HttpNano
{
    /// <summary>TLS versions an HTTPS connection may negotiate (flags: combine with |).</summary>
    /// <remarks>The values are those of the platforms' SslProtocols, so they pass to the TLS stack as they are.</remarks>
    [Flags]
    public enum TlsVersion
    {
        /// <summary>
        /// The platform's choice: on the host the operating system's (TLS 1.2 and 1.3), on the
        /// device TLS 1.2, which every firmware supports.
        /// </summary>
        Default = 0,

        /// <summary>TLS 1.2.</summary>
        Tls12 = 3072,

        /// <summary>TLS 1.3.</summary>
        Tls13 = 12288,
    }
}
