namespace HttpNano
{
    /// <summary>
    /// <see cref="HttpResponse.Read()"/> refused a body larger than
    /// <see cref="HttpLimits.MaxReadBytes"/>: an announced Content-Length above it (nothing read),
    /// or a chunked or close-delimited body that grew past it. The connection is closed; read
    /// large bodies with <see cref="HttpResponse.ReadInto"/> instead.
    /// </summary>
    public class ResponseTooLargeException : HttpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="partial">The bytes read before the limit was passed; never null.</param>
        /// <param name="limit">The limit that was passed.</param>
        public ResponseTooLargeException(byte[] partial, int limit) : base("response too large")
        {
            Partial = partial;
            Limit = limit;
        }

        /// <summary>The bytes read before the limit was passed (empty for an announced length).</summary>
        public byte[] Partial { get; }

        /// <summary>The limit, <see cref="HttpLimits.MaxReadBytes"/>, that was passed.</summary>
        public int Limit { get; }
    }
}
