// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFrameworkShared/TestClassAttribute.cs.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class holding tests. The launcher never creates an instance: keep state static.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>The attribute used to run a method; the one given unless overridden.</summary>
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }
}
