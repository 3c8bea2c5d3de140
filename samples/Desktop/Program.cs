using System;

namespace HttpNano.Samples.Desktop
{
    /// <summary>
    /// httpnano: with no arguments, a walkthrough of HttpClient.Nano against a built-in loopback
    /// server; with a URL, fetches it like <c>curl -i</c>.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            CommandLine line;
            try
            {
                line = CommandLine.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(CommandLine.Usage);
                return 2;
            }

            try
            {
                return line.Url == null ? Walkthrough.Run() : FetchCommand.Run(line);
            }
            catch (HttpException e)
            {
                Console.Error.WriteLine("httpnano: " + e.GetType().Name + ": " + e.Message);
                return 1;
            }
            catch (System.Net.Sockets.SocketException e)
            {
                Console.Error.WriteLine("httpnano: network error: " + e.Message);
                return 1;
            }
            catch (System.IO.IOException e)
            {
                Console.Error.WriteLine("httpnano: I/O error: " + e.Message);
                return 1;
            }
        }
    }
}
