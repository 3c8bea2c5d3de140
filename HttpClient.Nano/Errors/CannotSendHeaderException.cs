using System;

namespace HttpNano
{
    /// <summary>PutHeader or EndHeaders was called outside a started request (Python's CannotSendHeader).</summary>
    public class CannotSendHeaderException : ImproperConnectionStateException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public CannotSendHeaderException() : base("cannot send header now") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public CannotSendHeaderException(string message) : base(message) { }
    }
}
