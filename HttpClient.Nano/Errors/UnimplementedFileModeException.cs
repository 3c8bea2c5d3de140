using System;

namespace HttpNano
{
    /// <summary>A body source was opened in a mode the client cannot read (Python's UnimplementedFileMode).</summary>
    public class UnimplementedFileModeException : HttpException
    {
        /// <summary>Creates the exception with its default message.</summary>
        public UnimplementedFileModeException() : base("unimplemented file mode") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="message">A short description of what went wrong.</param>
        public UnimplementedFileModeException(string message) : base(message) { }
    }
}
