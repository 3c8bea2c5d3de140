// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFrameworkShared/CleanupAttribute.cs.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Runs once after the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }
}
