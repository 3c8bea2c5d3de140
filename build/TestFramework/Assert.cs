// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFramework/Assert.cs: the subset
// IsTrue, IsFalse, IsNull, IsNotNull and ThrowsException, with the same signatures.
using System;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>Assertions; a failed one throws <see cref="AssertFailedException"/>.</summary>
    public sealed partial class Assert
    {
        /// <summary>Fails if <paramref name="condition"/> is true.</summary>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition)
            {
                HandleFail("Assert.IsFalse", message);
            }
        }

        /// <summary>Fails if <paramref name="condition"/> is false.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                HandleFail("Assert.IsTrue", message);
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value != null)
            {
                HandleFail("Assert.IsNull", message);
            }
        }

        /// <summary>Fails if <paramref name="value"/> is null.</summary>
        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value == null)
            {
                HandleFail("Assert.IsNotNull", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>
        /// (a derived type fails too).
        /// </summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            if (action == null)
            {
                throw new ArgumentNullException();
            }

            try
            {
                action.Invoke();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exceptionType)
                {
                    return;
                }

                HandleFail("Assert.ThrowsException", "Threw exception " + ex.GetType().Name + ", but exception " + exceptionType.Name + " was expected. " + message + " Exception Message: " + ex.Message);
            }

            HandleFail("Assert.ThrowsException", "No exception thrown. " + exceptionType.Name + " exception was expected. " + message);
        }

        internal static void HandleFail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + (message == null ? "" : message));
        }
    }
}
