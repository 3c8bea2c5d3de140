// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFrameworkShared/AssertFailedException.cs
// (note the namespace: TestFrameworkShared, not nanoFramework.TestFramework).
using System;

namespace TestFrameworkShared
{
    /// <summary>Thrown by a failed assertion; the launcher reports the test as failed.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception with a message and a cause.</summary>
        public AssertFailedException(string msg, Exception ex) : base(msg, ex) { }

        /// <summary>Creates the exception with a message.</summary>
        public AssertFailedException(string msg) : base(msg) { }

        /// <summary>Creates the exception.</summary>
        public AssertFailedException() { }
    }
}
