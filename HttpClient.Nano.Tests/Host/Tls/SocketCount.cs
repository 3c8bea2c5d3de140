using System;
using System.IO;
using System.Threading;

namespace HttpNano.Tests.Host.Tls
{
    /// <summary>Counts this process's open socket descriptors (/proc/self/fd links to "socket:[...]").</summary>
    internal static class SocketCount
    {
        internal static bool Supported => Directory.Exists("/proc/self/fd");

        internal static int Now()
        {
            int count = 0;
            foreach (string fd in Directory.GetFiles("/proc/self/fd"))
            {
                try
                {
                    string target = new FileInfo(fd).LinkTarget;
                    if (target != null && target.StartsWith("socket:", StringComparison.Ordinal))
                    {
                        count++;
                    }
                }
                catch (IOException)
                {
                    // The descriptor closed while we looked.
                }
            }

            return count;
        }

        /// <summary>Waits up to 5 s for the count to fall to <paramref name="limit"/> (servers close their side asynchronously).</summary>
        internal static int SettleAtMost(int limit)
        {
            int now = Now();
            for (int i = 0; i < 100 && now > limit; i++)
            {
                Thread.Sleep(50);
                now = Now();
            }

            return now;
        }
    }
}
