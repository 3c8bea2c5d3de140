using System;

namespace HttpNano
{
    /// <summary>The host, port or URL is malformed, e.g. holds a control character or space (Python's InvalidURL).</summary>
    public class InvalidUrlException : HttpException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public InvalidUrlException() : base("invalid URL") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public InvalidUrlException(string message) : base(message) { }
    }
}
