// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFrameworkShared/DataRowAttribute.cs.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>One set of arguments for a data-driven test; replaces [TestMethod].</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>The arguments.</summary>
        public object[] MethodParameters { get; }

        /// <summary>Creates the row; at least one argument.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException();
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException();
            }

            MethodParameters = methodParameters;
        }
    }
}
