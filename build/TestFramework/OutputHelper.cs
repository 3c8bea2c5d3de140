// Mirrors nanoframework/nanoFramework.TestFramework, source/TestFramework/OutputHelper.cs.
namespace nanoFramework.TestFramework
{
    /// <summary>Test output.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a message.</summary>
        public static void Write(string message) => System.Console.Write(message);

        /// <summary>Writes a message and a line break.</summary>
        public static void WriteLine(string message) => System.Console.WriteLine(message);
    }
}
