using System;

namespace HttpNano
{
    /// <summary>The connection is not open and could not be opened automatically (Python's NotConnected).</summary>
    public class NotConnectedException : HttpException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public NotConnectedException() : base("not connected") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public NotConnectedException(string message) : base(message) { }
    }
}
