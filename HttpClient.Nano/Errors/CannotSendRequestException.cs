using System;

namespace HttpNano
{
    /// <summary>PutRequest was called while a request is already under way (Python's CannotSendRequest).</summary>
    public class CannotSendRequestException : ImproperConnectionStateException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public CannotSendRequestException() : base("request already started") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public CannotSendRequestException(string message) : base(message) { }
    }
}
