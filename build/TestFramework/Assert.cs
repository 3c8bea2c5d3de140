using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by a failed assertion.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public AssertFailedException(string message) : base(message) { }
    }

    /// <summary>Assertions.</summary>
    public sealed class Assert
    {
        private static void Fail(string message)
        {
            throw new AssertFailedException(message);
        }

        /// <summary>Fails unless true.</summary>
        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition) Fail("IsTrue failed. " + message);
        }

        /// <summary>Fails unless false.</summary>
        public static void IsFalse(bool condition, string message = "")
        {
            if (condition) Fail("IsFalse failed. " + message);
        }

        /// <summary>Fails unless null.</summary>
        public static void IsNull(object value, string message = "")
        {
            if (value != null) Fail("IsNull failed. " + message);
        }

        /// <summary>Fails if null.</summary>
        public static void IsNotNull(object value, string message = "")
        {
            if (value == null) Fail("IsNotNull failed. " + message);
        }

        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            if (expected != actual) Fail("AreEqual failed. Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
        }

        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            if (expected != actual) Fail("AreEqual failed. Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
        }

        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            if (expected != actual) Fail("AreEqual failed. Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
        }

        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(string expected, string actual, string message = "")
        {
            if (expected != actual) Fail("AreEqual failed. Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
        }

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() != exceptionType)
                {
                    Fail("ThrowsException failed. Expected " + exceptionType.Name + ", got " + e.GetType().Name + ": " + e.Message + ". " + message);
                }

                return;
            }

            Fail("ThrowsException failed. Nothing was thrown. " + message);
        }
    }

    /// <summary>Test output.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a line.</summary>
        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }
    }
}
