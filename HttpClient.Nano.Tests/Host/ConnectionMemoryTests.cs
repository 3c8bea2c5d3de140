using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// The per-connection memory of the device cost model in bench/README.md: what one
    /// connection's set-up (first request and response, default settings) allocates on the host,
    /// and the same objects priced with nanoFramework's heap layout. Both stay under the budgets
    /// documented there; steady-state requests allocate nothing. The transport is a scripted one,
    /// so the figures are the client's own (the socket and TLS are priced separately there).
    /// </summary>
    public sealed class ConnectionMemoryTests
    {
        /// <summary>Host (64-bit CoreCLR) bytes for one connection's set-up; bench/README.md.</summary>
        internal const long HostSetUpBudget = 8 * 1024;

        /// <summary>Device (nanoFramework model) bytes of one connection's objects; bench/README.md.</summary>
        internal const long DeviceModelBudget = 8 * 1024;

        /// <summary>The same with the limits recommended there for an ESP32 without PSRAM.</summary>
        internal const long RecommendedDeviceModelBudget = 5632;

        // nanoFramework: every object is one 12-byte CLR_RT_HeapBlock plus one per instance field;
        // an array is a 20-byte header plus its elements (1 byte per byte, 4 per int, a 12-byte
        // heap block per reference); a string made at run time is a heap block plus its UTF-8
        // text and a terminator. Allocations are whole heap blocks.
        private const int HeapBlock = 12;
        private const int ArrayHeader = 20;

        private static readonly string Response =
            "HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Wed, 26 Nov 2025 10:00:00 GMT\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: 100\r\nConnection: keep-alive\r\n\r\n"
            + new string('x', 100);

        private readonly ITestOutputHelper _output;

        public ConnectionMemoryTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ConnectionSetUpStaysUnderTheHostBudgetAndRequestsAfterItAllocateNothing()
        {
            byte[] block = new byte[1024];
            ScriptedTransportFactory factory;
            HttpConnection connection = NewConnection(out factory);
            Exchange(connection, factory, block, 3); // warm-up: JIT and static initialisers

            factory = new ScriptedTransportFactory(0, Response);
            long before = GC.GetAllocatedBytesForCurrentThread();
            connection = new HttpConnection("example.com");
            connection.CreateConnection = factory;
            Exchange(connection, factory, block, 1);
            long setUp = GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            Exchange(connection, factory, block, 2);
            long steady = GC.GetAllocatedBytesForCurrentThread() - before;

            _output.WriteLine("host set-up: " + setUp + " bytes; 2 more requests: " + steady + " bytes");
            Assert.InRange(setUp, 1, HostSetUpBudget);
            Assert.Equal(0, steady);
        }

        [Fact]
        public void ConnectionObjectsStayUnderTheDeviceModelBudget()
        {
            ScriptedTransportFactory factory;
            HttpConnection connection = NewConnection(out factory);
            Exchange(connection, factory, new byte[1024], 1);
            Dictionary<string, long[]> byType;
            long total = DeviceModel(connection, out byType);
            Assert.InRange(total, 1, DeviceModelBudget);

            // The buffers dominate: receive buffer (MaxHeaderBytes + read window) and request head.
            Assert.True(byType.ContainsKey("Byte[" + (HttpLimits.DefaultMaxHeaderBytes + ResponseReader.DefaultReadWindow) + "]"));
            Assert.True(byType.ContainsKey("Byte[" + RequestWriter.DefaultCapacity + "]"));
        }

        [Fact]
        public void RecommendedDeviceLimitsStayUnderTheirBudget()
        {
            ScriptedTransportFactory factory;
            HttpConnection connection = NewConnection(out factory);
            HttpLimits limits = new HttpLimits();
            limits.MaxHeaderBytes = 2048;
            limits.MaxHeaderCount = 32;
            limits.MaxLineLength = 1024;
            limits.MaxTrailerBytes = 512;
            connection.Limits = limits;
            Exchange(connection, factory, new byte[512], 1);
            Dictionary<string, long[]> byType;
            Assert.InRange(DeviceModel(connection, out byType), 1, RecommendedDeviceModelBudget);
        }

        private long DeviceModel(HttpConnection connection, out Dictionary<string, long[]> byType)
        {

            byType = new Dictionary<string, long[]>();
            long total = 0;
            foreach (object o in Reachable(connection))
            {
                long bytes = DeviceBytes(o);
                string name = o is Array array ? o.GetType().Name.Replace("[]", "[" + array.Length + "]") : o.GetType().Name;
                if (!byType.TryGetValue(name, out long[] entry))
                {
                    entry = new long[2];
                    byType[name] = entry;
                }

                entry[0]++;
                entry[1] += bytes;
                total += bytes;
            }

            StringBuilder report = new StringBuilder();
            foreach (KeyValuePair<string, long[]> e in byType.OrderByDescending(p => p.Value[1]))
            {
                report.Append(e.Key).Append(" x").Append(e.Value[0]).Append(": ").Append(e.Value[1]).Append('\n');
            }

            report.Append("device model total: ").Append(total);
            _output.WriteLine(report.ToString());
            return total;
        }

        private static HttpConnection NewConnection(out ScriptedTransportFactory factory)
        {
            factory = new ScriptedTransportFactory(0, Response);
            HttpConnection connection = new HttpConnection("example.com");
            connection.CreateConnection = factory;
            return connection;
        }

        // One response per request: the socket's script is served again for each (a response
        // arriving with the previous one would be unasked and close the connection).
        private static void Exchange(HttpConnection connection, ScriptedTransportFactory factory, byte[] block, int times)
        {
            for (int i = 0; i < times; i++)
            {
                factory.Transport(0).Rewind();
                connection.Request("GET", "/sensor");
                HttpResponse response = connection.GetResponse();
                int total = 0;
                int read;
                while ((read = response.ReadInto(block, 0, block.Length)) > 0)
                {
                    total += read;
                }

                if (response.Status != 200 || total != 100)
                {
                    throw new InvalidOperationException("unexpected response");
                }
            }

            if (factory.Opened != 1 || factory.Transport(0).IsClosed)
            {
                throw new InvalidOperationException("connection not kept");
            }
        }

        // Every object reachable from the connection through instance fields, except the test's
        // transport, its factory and the socket seam pointing at it (the transports are priced
        // separately) and types of the runtime.
        private static IEnumerable<object> Reachable(object root)
        {
            HashSet<object> seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            Stack<object> pending = new Stack<object>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                object o = pending.Pop();
                if (o == null || o is ScriptedTransport || o is ScriptedTransportFactory || !seen.Add(o))
                {
                    continue;
                }

                Type type = o.GetType();
                if (type.IsArray)
                {
                    if (!type.GetElementType().IsValueType)
                    {
                        foreach (object element in (Array)o)
                        {
                            pending.Push(element);
                        }
                    }

                    yield return o;
                    continue;
                }

                if (o is string)
                {
                    yield return o;
                    continue;
                }

                if (type.Assembly != typeof(HttpConnection).Assembly)
                {
                    continue;
                }

                foreach (FieldInfo field in InstanceFields(type))
                {
                    if (!field.FieldType.IsValueType)
                    {
                        pending.Push(field.GetValue(o));
                    }
                }

                yield return o;
            }
        }

        private static long DeviceBytes(object o)
        {
            long bytes;
            if (o is string s)
            {
                bytes = HeapBlock + Encoding.UTF8.GetByteCount(s) + 1;
            }
            else if (o is Array array)
            {
                Type element = o.GetType().GetElementType();
                int size = !element.IsValueType ? HeapBlock : element == typeof(byte) || element == typeof(bool) ? 1 : element == typeof(long) ? 8 : 4;
                bytes = ArrayHeader + (long)size * array.Length;
            }
            else
            {
                bytes = HeapBlock * (1 + InstanceFields(o.GetType()).Count());
            }

            return (bytes + HeapBlock - 1) / HeapBlock * HeapBlock;
        }

        private static IEnumerable<FieldInfo> InstanceFields(Type type)
        {
            for (Type t = type; t != null && t != typeof(object); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    yield return field;
                }
            }
        }
    }
}
