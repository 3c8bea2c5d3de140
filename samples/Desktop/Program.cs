using System;
using System.IO;

namespace HttpNano.Samples.Desktop
{
    /// <summary>
    /// httpnano: with no arguments, a walkthrough of HttpClient.Nano against a built-in loopback
    /// server; with a URL, fetches it like curl (<c>-i</c>, <c>-L</c>, <c>-o</c>, <c>-C -</c>, <c>-F</c>).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            using (Stream stdout = Console.OpenStandardOutput())
            {
                return Run(args, Console.Out, stdout, Console.Error);
            }
        }

        /// <summary>
        /// The whole command: text to <paramref name="output"/>, a fetched
        /// body to <paramref name="body"/>, errors and the progress meter to <paramref name="error"/>.
        /// Returns the exit code. The walkthrough (no URL) writes to the console.
        /// </summary>
        public static int Run(string[] args, TextWriter output, Stream body, TextWriter error)
        {
            CommandLine line;
            try
            {
                line = CommandLine.Parse(args);
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine(CommandLine.Usage);
                return 2;
            }

            try
            {
                return line.Url == null ? Walkthrough.Run() : FetchCommand.Run(line, output, body, error);
            }
            catch (HttpException e)
            {
                error.WriteLine("httpnano: " + e.GetType().Name + ": " + e.Message);
                return 1;
            }
            catch (System.Net.Sockets.SocketException e)
            {
                error.WriteLine("httpnano: network error: " + e.Message);
                return 1;
            }
            catch (IOException e)
            {
                error.WriteLine("httpnano: I/O error: " + e.Message);
                return 1;
            }
        }
    }
}
