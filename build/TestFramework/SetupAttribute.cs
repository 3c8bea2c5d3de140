// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFrameworkShared/SetupAttribute.cs.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Runs once before the tests of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }
}
