using System;

namespace HttpNano.Samples.Esp32
{
    /// <summary>The server answered 5xx or 429: worth another attempt later.</summary>
    internal sealed class ServerErrorException : Exception
    {
        internal ServerErrorException(int status) : base("server error")
        {
            Status = status;
        }

        /// <summary>The HTTP status code.</summary>
        internal int Status { get; }
    }
}
