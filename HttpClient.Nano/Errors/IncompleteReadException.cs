namespace HttpNano
{
    /// <summary>
    /// The body ended before the length the response announced (Python's IncompleteRead).
    /// Carries the bytes that did arrive and how many more were expected.
    /// </summary>
    public class IncompleteReadException : HttpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="partial">The bytes read before the body ended early; never null.</param>
        /// <param name="expected">How many more bytes were expected, or -1 when unknown.</param>
        public IncompleteReadException(byte[] partial, long expected) : base("incomplete read")
        {
            Partial = partial == null ? new byte[0] : partial;
            Expected = expected;
        }

        /// <summary>The bytes read before the body ended early.</summary>
        public byte[] Partial { get; }

        /// <summary>How many more bytes were expected, or -1 when unknown.</summary>
        public long Expected { get; }

        /// <summary>E.g. "7 bytes read, 3 more expected" (built only when asked for).</summary>
        public override string Message
        {
            get
            {
                string read = Partial.Length.ToString() + " bytes read";
                return Expected < 0 ? read : read + ", " + Expected.ToString() + " more expected";
            }
        }
    }
}
