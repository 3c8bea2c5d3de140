using System;

namespace HttpNano
{
    /// <summary>GetResponse was called before a request was sent or while the previous response is unread (Python's ResponseNotReady).</summary>
    public class ResponseNotReadyException : ImproperConnectionStateException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public ResponseNotReadyException() : base("response not ready") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public ResponseNotReadyException(string message) : base(message) { }
    }
}
