namespace HttpNano
{
    /// <summary>
    /// A status, header, chunk-size or trailer line is longer than the configured limit
    /// (Python's LineTooLong). See <see cref="HttpLimits.MaxLineLength"/>.
    /// </summary>
    public class LineTooLongException : HttpException
    {
        /// <summary>Status line.</summary>
        public const string StatusLine = "status line";
        /// <summary>Header line.</summary>
        public const string HeaderLine = "header line";
        /// <summary>Chunk-size line.</summary>
        public const string ChunkSizeLine = "chunk size";
        /// <summary>Trailer line.</summary>
        public const string TrailerLine = "trailer line";

        /// <summary>Creates the exception for one kind of line.</summary>
        /// <param name="lineType">Which line was too long: one of the constants of this class.</param>
        public LineTooLongException(string lineType) : base("line too long")
        {
            LineType = lineType;
        }

        /// <summary>Which line was too long, e.g. <see cref="HeaderLine"/>.</summary>
        public string LineType { get; }
    }
}
