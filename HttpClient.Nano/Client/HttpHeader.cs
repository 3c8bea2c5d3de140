namespace HttpNano
{
    /// <summary>One header field: a name and its value, as sent or received.</summary>
    public sealed class HttpHeader
    {
        /// <summary>Creates a field.</summary>
        /// <param name="name">The field name.</param>
        /// <param name="value">The field value.</param>
        public HttpHeader(string name, string value)
        {
            Name = name;
            Value = value;
        }

        /// <summary>The field name, as received or given (case preserved).</summary>
        public readonly string Name;

        /// <summary>The field value.</summary>
        public readonly string Value;
    }
}
