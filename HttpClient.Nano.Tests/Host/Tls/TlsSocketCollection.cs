using Xunit;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>The TLS tests count the process's sockets, so they run alone, never beside other tests.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class TlsSocketCollection
    {
        public const string Name = "TLS sockets";
    }
}
