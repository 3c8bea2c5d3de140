using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// A raw TCP server on 127.0.0.1 and a free port for byte-exact and hostile cases. Each
    /// accepted connection runs a script on its own background thread: connection i runs
    /// scripts[i], and connections past the last script run the last one again.
    /// <code>
    /// using var server = new ScriptedServer(c =&gt; c.ReadHead()
    ///     .Send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    ///     .Close());
    /// ... connect to server.Port, make the request ...
    /// Assert.StartsWith("GET / HTTP/1.1\r\n", server.Finished(0).ReceivedText);
    /// </code>
    /// Every read step times out (<see cref="DefaultStepTimeoutMs"/> unless given), a script
    /// that returns without closing closes gracefully, and Dispose stops accepting, aborts what
    /// is still running and joins the threads within bounded time. A script's exception ends
    /// only that connection; it is kept in <see cref="ScriptedConnection.Error"/> and thrown by
    /// <see cref="ThrowIfScriptFailed"/>.
    /// </summary>
    public sealed class ScriptedServer : IDisposable
    {
        /// <summary>How long a read step waits for bytes unless the constructor says otherwise.</summary>
        public const int DefaultStepTimeoutMs = 5000;

        private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

        private readonly Action<ScriptedConnection>[] _scripts;
        private readonly int _stepTimeoutMs;
        private readonly TcpListener _listener;
        private readonly Thread _acceptThread;
        private readonly ManualResetEvent _stopping = new ManualResetEvent(false);
        private readonly List<ScriptedConnection> _connections = new List<ScriptedConnection>();
        private readonly List<Thread> _threads = new List<Thread>();
        private int _disposed;

        /// <summary>Starts listening; connection i runs scripts[Math.Min(i, scripts.Length - 1)].</summary>
        public ScriptedServer(params Action<ScriptedConnection>[] scripts)
            : this(DefaultStepTimeoutMs, scripts)
        {
        }

        /// <summary>Like the other constructor, with a read-step timeout in milliseconds.</summary>
        public ScriptedServer(int stepTimeoutMs, params Action<ScriptedConnection>[] scripts)
            : this(0, stepTimeoutMs, scripts)
        {
        }

        private ScriptedServer(int port, int stepTimeoutMs, Action<ScriptedConnection>[] scripts)
        {
            if (scripts == null || scripts.Length == 0)
            {
                throw new ArgumentException("at least one script", nameof(scripts));
            }

            _scripts = scripts;
            _stepTimeoutMs = stepTimeoutMs;
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "ScriptedServer accept" };
            _acceptThread.Start();
        }

        /// <summary>A server on a given loopback port (one a test reserved and released), so that a client made before it existed finds it.</summary>
        public static ScriptedServer OnPort(int port, params Action<ScriptedConnection>[] scripts) => new ScriptedServer(port, DefaultStepTimeoutMs, scripts);

        /// <summary>A loopback port that nothing listens on right now.</summary>
        public static int UnusedPort()
        {
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        /// <summary>The loopback port the listener got.</summary>
        public int Port { get; }

        /// <summary>Always 127.0.0.1.</summary>
        public string Host => "127.0.0.1";

        /// <summary>http://127.0.0.1:port/</summary>
        public Uri BaseUri => new Uri("http://127.0.0.1:" + Port + "/");

        /// <summary>Connections accepted so far.</summary>
        public int ConnectionCount
        {
            get
            {
                lock (_connections)
                {
                    return _connections.Count;
                }
            }
        }

        /// <summary>A snapshot of the connections accepted so far, in accept order.</summary>
        public IReadOnlyList<ScriptedConnection> Connections
        {
            get
            {
                lock (_connections)
                {
                    return _connections.ToArray();
                }
            }
        }

        /// <summary>
        /// Waits until connection <paramref name="index"/> was accepted and its script ended, and
        /// returns it; throws TimeoutException after 10 s.
        /// </summary>
        public ScriptedConnection Finished(int index)
        {
            long deadline = Environment.TickCount64 + (long)WaitTimeout.TotalMilliseconds;
            ScriptedConnection connection = null;
            while (!SpinWait.SpinUntil(() => (connection = At(index)) != null, 10))
            {
                if (Environment.TickCount64 > deadline)
                {
                    throw new TimeoutException("connection " + index + " was never accepted");
                }
            }

            if (!connection.WaitFinished(TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64))))
            {
                throw new TimeoutException("script of connection " + index + " still running");
            }

            return connection;
        }

        /// <summary>Waits until every connection accepted so far finished its script; false on timeout.</summary>
        public bool WaitForScripts(TimeSpan timeout)
        {
            long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            foreach (ScriptedConnection connection in Connections)
            {
                if (!connection.WaitFinished(TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64))))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Waits until at least <paramref name="count"/> connections were accepted; false on timeout.</summary>
        public bool WaitForConnections(int count, TimeSpan timeout) => SpinWait.SpinUntil(() => ConnectionCount >= count, timeout);

        /// <summary>Throws an AggregateException of every script error so far, if there is any.</summary>
        public void ThrowIfScriptFailed()
        {
            Exception[] errors = Connections.Where(c => c.Error != null).Select(c => c.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new AggregateException("script failed", errors);
            }
        }

        /// <summary>Stops accepting, aborts running scripts and joins every thread (bounded).</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _stopping.Set();
            _listener.Stop();
            _acceptThread.Join(JoinTimeout);
            Thread[] threads;
            lock (_connections)
            {
                threads = _threads.ToArray();
                foreach (ScriptedConnection connection in _connections)
                {
                    if (!connection.Finished)
                    {
                        connection.Abort();
                    }
                }
            }

            foreach (Thread thread in threads)
            {
                thread.Join(JoinTimeout);
            }
        }

        private ScriptedConnection At(int index)
        {
            lock (_connections)
            {
                return index < _connections.Count ? _connections[index] : null;
            }
        }

        private void AcceptLoop()
        {
            while (!_stopping.WaitOne(0))
            {
                Socket socket;
                try
                {
                    socket = _listener.AcceptSocket();
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }

                lock (_connections)
                {
                    if (_stopping.WaitOne(0))
                    {
                        socket.Dispose();
                        return;
                    }

                    int index = _connections.Count;
                    ScriptedConnection connection = new ScriptedConnection(index, socket, _stepTimeoutMs, _stopping);
                    Action<ScriptedConnection> script = _scripts[Math.Min(index, _scripts.Length - 1)];
                    Thread thread = new Thread(() => connection.Run(script)) { IsBackground = true, Name = "ScriptedServer connection " + index };
                    _connections.Add(connection);
                    _threads.Add(thread);
                    thread.Start();
                }
            }
        }
    }
}
