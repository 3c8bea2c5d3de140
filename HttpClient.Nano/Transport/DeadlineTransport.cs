using System;

namespace HttpNano
{
    /// <summary>
    /// Wraps a connection's transport while a response is read, so that the whole response,
    /// not just each receive, is bounded: before every receive the socket's timeout is cut to
    /// what is left of the deadline. A server that drips one byte just inside the read timeout
    /// therefore cannot hold a request forever. One per connection, re-armed per response.
    /// </summary>
    internal sealed class DeadlineTransport : ITransport
    {
        internal const string DeadlinePassed = "response deadline passed";

        // The socket's timeout may have been cut by the previous response: set it again.
        private const int UnknownTimeout = int.MinValue;

        private ITransport _inner;
        private int _timeout;
        private long _deadline;
        private int _applied;

        /// <summary>
        /// Starts a deadline of <paramref name="responseTimeout"/> ms from now on
        /// <paramref name="inner"/>, whose own receive timeout is <paramref name="timeout"/>.
        /// </summary>
        public void Arm(ITransport inner, int timeout, int responseTimeout)
        {
            _inner = inner;
            _timeout = timeout;
            _deadline = Clock.NowMilliseconds() + responseTimeout;
            _applied = UnknownTimeout;
        }

        /// <inheritdoc />
        public int Receive(byte[] buffer, int offset, int count)
        {
            long left = _deadline - Clock.NowMilliseconds();
            if (left <= 0)
            {
                throw new TimeoutException(DeadlinePassed);
            }

            int wait = _timeout > 0 && _timeout < left ? _timeout : (int)left;
            if (wait != _applied)
            {
                _inner.SetReceiveTimeout(wait);
                _applied = wait;
            }

            try
            {
                return _inner.Receive(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                if (_deadline - Clock.NowMilliseconds() <= 0)
                {
                    throw new TimeoutException(DeadlinePassed);
                }

                throw;
            }
        }

        /// <inheritdoc />
        public bool Poll(int milliseconds)
        {
            return _inner.Poll(milliseconds);
        }

        /// <inheritdoc />
        public bool PeerClosed()
        {
            return _inner.PeerClosed();
        }

        /// <inheritdoc />
        public void SetReceiveTimeout(int milliseconds)
        {
            _inner.SetReceiveTimeout(milliseconds);
            _applied = milliseconds;
        }

        /// <inheritdoc />
        public void Send(byte[] buffer, int offset, int count)
        {
            _inner.Send(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Close()
        {
            _inner.Close();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Close();
        }
    }
}
