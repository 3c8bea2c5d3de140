namespace HttpNano
{
    /// <summary>How a request body is framed, as decided by <see cref="RequestBodyRules.Decide"/>.</summary>
    internal enum RequestBodyFraming
    {
        /// <summary>Add no framing header; send the body, if any, exactly as given.</summary>
        AsGiven,

        /// <summary>Add "Content-Length: n" (n from the decision); send the body as given.</summary>
        ContentLength,

        /// <summary>Add "Transfer-Encoding: chunked" and chunk-encode the body.</summary>
        Chunked,

        /// <summary>Keep the caller's Transfer-Encoding header, add nothing, and chunk-encode the body.</summary>
        ChunkEncodeOnly,
    }
}
