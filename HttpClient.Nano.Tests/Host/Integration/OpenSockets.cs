using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace HttpNano.Tests.Host.Integration
{
    /// <summary>
    /// Counts this process's TCP sockets from /proc/self/fd (Linux). A socket the client forgot to
    /// close stays in the fd table until a finalizer runs, so a count taken right after a failure
    /// shows a leak. <see cref="To"/> counts only client sockets whose remote port is a given
    /// server's port: the server's own accepted sockets (remote port = the client's ephemeral
    /// port) and other tests running in parallel against other servers are not counted. A
    /// socket that received a reset is in TCP's CLOSE state, which /proc/net/tcp does not list:
    /// only <see cref="All"/>, taken while nothing else runs, sees such a socket left open.
    /// </summary>
    internal static class OpenSockets
    {
        /// <summary>Sockets of this process connected (or connecting) to 127.0.0.1:<paramref name="port"/>.</summary>
        public static int To(int port)
        {
            HashSet<string> inodes = SocketInodes();
            int count = 0;
            foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
            {
                if (!File.Exists(table))
                {
                    continue;
                }

                foreach (string line in File.ReadAllLines(table))
                {
                    string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length < 10 || fields[0] == "sl")
                    {
                        continue;
                    }

                    string remote = fields[2];
                    int remotePort = int.Parse(remote.Substring(remote.IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (remotePort == port && inodes.Contains(fields[9]))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        /// <summary>Every entry of /proc/self/fd that is a socket.</summary>
        public static int All() => SocketInodes().Count;

        private static HashSet<string> SocketInodes()
        {
            HashSet<string> inodes = new HashSet<string>();
            foreach (string fd in Directory.GetFiles("/proc/self/fd"))
            {
                string target;
                try
                {
                    target = new FileInfo(fd).LinkTarget;
                }
                catch (IOException)
                {
                    continue; // closed while listing
                }

                if (target != null && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target.Substring(8, target.Length - 9));
                }
            }

            return inodes;
        }
    }
}
