// Source: nanoframework/System.Threading, nanoFramework.System.Threading/Threading/CancellationTokenSource.cs (subset).
namespace System.Threading
{
    /// <summary>Signals a CancellationToken that it should be canceled.</summary>
    public class CancellationTokenSource : IDisposable
    {
        /// <summary>Creates a source that is canceled only by Cancel.</summary>
        public CancellationTokenSource() { throw null; }

        /// <summary>Creates a source that cancels itself after <paramref name="millisecondsDelay"/> ms.</summary>
        public CancellationTokenSource(int millisecondsDelay) { throw null; }

        /// <summary>Creates a source that cancels itself after <paramref name="delay"/>.</summary>
        public CancellationTokenSource(TimeSpan delay) { throw null; }

        /// <summary>Whether cancellation was requested.</summary>
        public bool IsCancellationRequested => throw null;

        /// <summary>The token of this source.</summary>
        public CancellationToken Token
        {
            get { throw null; }
        }

        /// <summary>Requests cancellation.</summary>
        public void Cancel() { throw null; }

        /// <summary>Requests cancellation after <paramref name="millisecondsDelay"/> ms.</summary>
        public void CancelAfter(int millisecondsDelay) { throw null; }

        /// <summary>Releases the source and its timer.</summary>
        public void Dispose() { throw null; }

        /// <summary>Releases resources.</summary>
        protected virtual void Dispose(bool disposing) { throw null; }
    }
}
