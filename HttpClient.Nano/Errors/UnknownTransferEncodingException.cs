using System;

namespace HttpNano
{
    /// <summary>The response uses a transfer coding the client cannot decode (Python's UnknownTransferEncoding).</summary>
    public class UnknownTransferEncodingException : HttpException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public UnknownTransferEncodingException() : base("unknown transfer encoding") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public UnknownTransferEncodingException(string message) : base(message) { }
    }
}
