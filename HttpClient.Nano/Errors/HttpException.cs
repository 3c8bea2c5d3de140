using System;

namespace HttpNano
{
    /// <summary>
    /// Base of every exception HttpClient.Nano raises for an HTTP-level problem
    /// (Python's <c>http.client.HTTPException</c>) and for a failed TLS handshake
    /// (<see cref="TlsHandshakeException"/>). Socket failures keep their own types.
    /// </summary>
    public class HttpException : Exception
    {
        /// <summary>Creates the exception with a generic message.</summary>
        public HttpException() : base("HTTP error") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public HttpException(string message) : base(message) { }

        /// <summary>Creates the exception with a message and the exception that caused it.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        /// <param name="innerException">The underlying failure.</param>
        public HttpException(string message, Exception innerException) : base(message, innerException) { }
    }
}
