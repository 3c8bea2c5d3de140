using System;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// The exceptions the protocol core may raise for hostile input: the <see cref="HttpException"/>
    /// family (protocol errors) and the <see cref="ArgumentException"/> family (invalid caller
    /// strings). Anything else escaping a target is a bug.
    /// </summary>
    public static class ExpectedErrors
    {
        public static bool Is(Exception e)
        {
            return e is HttpException || e is ArgumentException;
        }
    }
}
