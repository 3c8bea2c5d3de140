using System;

namespace HttpNano
{
    /// <summary>The call does not fit the connection's current state (Python's ImproperConnectionState).</summary>
    public class ImproperConnectionStateException : HttpException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public ImproperConnectionStateException() : base("improper connection state") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public ImproperConnectionStateException(string message) : base(message) { }
    }
}
