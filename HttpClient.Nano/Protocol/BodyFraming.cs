namespace HttpNano
{
    /// <summary>How the end of a response body is found (RFC 9112 section 6.3), decided once per response.</summary>
    internal enum BodyFraming
    {
        /// <summary>No body: a response to HEAD, or status 1xx, 204 or 304.</summary>
        None,

        /// <summary>Exactly Content-Length bytes follow the head.</summary>
        ContentLength,

        /// <summary>Transfer-Encoding ends in chunked: size-prefixed chunks, then trailers.</summary>
        Chunked,

        /// <summary>The body is everything until the server closes the connection.</summary>
        UntilClose
    }
}
