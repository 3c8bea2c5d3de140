using System;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// A broken invariant found by a fuzz target (different results for different splits of the
    /// same input, an injected header, ...). It is outside the library's exception families on
    /// purpose, so AFL++ and the replay test report it as a crash.
    /// </summary>
    public sealed class FuzzCheckException : Exception
    {
        public FuzzCheckException(string message) : base(message) { }

        /// <summary>Throws unless <paramref name="condition"/> holds.</summary>
        public static void Check(bool condition, string message)
        {
            if (!condition)
            {
                throw new FuzzCheckException(message);
            }
        }
    }
}
