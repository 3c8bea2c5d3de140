using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// One line of <see cref="NginxServer"/>'s access log, written when nginx finished a
    /// request. <see cref="Connection"/> is nginx's serial number of the TCP connection
    /// ($connection) and <see cref="ConnectionRequests"/> the request's ordinal on it
    /// ($connection_requests, 1 for the first), so keep-alive reuse shows as several entries
    /// with one Connection and rising ConnectionRequests.
    /// </summary>
    public sealed record NginxLogEntry(long Connection, int ConnectionRequests, string Method, int Status, long BodyBytesSent, long RequestLength, string Uri)
    {
        /// <summary>The nginx log_format that <see cref="Parse"/> reads.</summary>
        public const string LogFormat = "$connection $connection_requests $request_method $status $body_bytes_sent $request_length \"$request_uri\"";

        /// <summary>How many different TCP connections the entries came from.</summary>
        public static int CountConnections(IEnumerable<NginxLogEntry> entries) => entries.Select(e => e.Connection).Distinct().Count();

        /// <summary>Parses one line written with <see cref="LogFormat"/>.</summary>
        public static NginxLogEntry Parse(string line)
        {
            string[] fields = line.Split(' ', 7);
            if (fields.Length != 7 || fields[6].Length < 2)
            {
                throw new FormatException("not an access log line: " + line);
            }

            return new NginxLogEntry(
                long.Parse(fields[0], CultureInfo.InvariantCulture),
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                fields[2],
                int.Parse(fields[3], CultureInfo.InvariantCulture),
                long.Parse(fields[4], CultureInfo.InvariantCulture),
                long.Parse(fields[5], CultureInfo.InvariantCulture),
                fields[6].Substring(1, fields[6].Length - 2));
        }
    }
}
