using System;
using System.Net.Sockets;
using System.Threading;

namespace HttpNano
{
    /// <summary>
    /// Bounds a blocking connect: neither the device's nor .NET's blocking Socket.Connect takes
    /// a timeout, so a timer closes the socket when the time is up, which makes Connect fail,
    /// and <see cref="Fired"/> tells the caller that the failure was the timeout.
    /// </summary>
    internal sealed class ConnectWatchdog : IDisposable
    {
        private readonly object _gate = new object();
        private readonly Socket _socket;
        private Timer _timer;
        private bool _fired;

        /// <summary>Arms the watchdog; 0 or less means no timeout.</summary>
        public ConnectWatchdog(Socket socket, int timeoutMilliseconds)
        {
            _socket = socket;
            if (timeoutMilliseconds > 0)
            {
                _timer = new Timer(Fire, null, timeoutMilliseconds, Timeout.Infinite);
            }
        }

        /// <summary>Whether the time ran out (the socket was closed).</summary>
        public bool Fired
        {
            get
            {
                lock (_gate)
                {
                    return _fired;
                }
            }
        }

        /// <summary>Disarms the watchdog.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_timer != null)
                {
                    _timer.Dispose();
                    _timer = null;
                }
            }
        }

        private void Fire(object state)
        {
            lock (_gate)
            {
                if (_timer == null)
                {
                    return;
                }

                _fired = true;
            }

            _socket.Close();
        }
    }
}
