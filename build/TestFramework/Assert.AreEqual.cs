// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFramework/Assert.AreEqual.cs: the
// subset AreEqual(bool), AreEqual(int), AreEqual(long) and AreEqual(string), same signatures.
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (expected != actual)
            {
                HandleAreEqualFail(expected ? "True" : "False", actual ? "True" : "False", message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (expected != actual)
            {
                HandleAreEqualFail(expected.ToString(), actual.ToString(), message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (expected != actual)
            {
                HandleAreEqualFail(expected.ToString(), actual.ToString(), message);
            }
        }

        /// <summary>Fails unless the strings are equal (ordinal).</summary>
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (expected != actual)
            {
                HandleAreEqualFail(expected == null ? "(null)" : expected, actual == null ? "(null)" : actual, message);
            }
        }

        private static void HandleAreEqualFail(string expected, string actual, string message)
        {
            HandleFail("Assert.AreEqual", "Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
        }
    }
}
