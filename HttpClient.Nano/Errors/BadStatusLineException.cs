namespace HttpNano
{
    /// <summary>
    /// The server's first line is not a valid HTTP status line (Python's BadStatusLine).
    /// The connection is closed.
    /// </summary>
    public class BadStatusLineException : HttpException
    {
        /// <summary>Creates the exception for the line that was received.</summary>
        /// <param name="line">The received line, possibly empty.</param>
        public BadStatusLineException(string line) : this(line, "bad status line") { }

        /// <summary>Creates the exception with a specific message.</summary>
        /// <param name="line">The received line, possibly empty.</param>
        /// <param name="message">A short description of what went wrong.</param>
        protected BadStatusLineException(string line, string message) : base(message)
        {
            Line = line;
        }

        /// <summary>The line as received (without its line end).</summary>
        public string Line { get; }
    }
}
