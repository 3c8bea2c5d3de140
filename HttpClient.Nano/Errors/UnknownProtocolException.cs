namespace HttpNano
{
    /// <summary>
    /// The status line names an HTTP version other than 1.0 or 1.1 (Python's UnknownProtocol).
    /// </summary>
    public class UnknownProtocolException : HttpException
    {
        /// <summary>Creates the exception for the version text that was received.</summary>
        /// <param name="version">The version field of the status line, e.g. "HTTP/2.0".</param>
        public UnknownProtocolException(string version) : base("unknown protocol")
        {
            Version = version;
        }

        /// <summary>The version field as received.</summary>
        public string Version { get; }
    }
}
