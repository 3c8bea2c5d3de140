// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFrameworkShared/TestMethodAttribute.cs.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
