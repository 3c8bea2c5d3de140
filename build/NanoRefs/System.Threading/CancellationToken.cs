// Source: nanoframework/System.Threading, nanoFramework.System.Threading/Threading/CancellationToken.cs (subset).
namespace System.Threading
{
    /// <summary>Propagates notification that operations should be canceled.</summary>
    public struct CancellationToken
    {
        /// <summary>A token that is never canceled.</summary>
        public static CancellationToken None
        {
            get { throw null; }
        }

        /// <summary>Whether cancellation was requested.</summary>
        public bool IsCancellationRequested => throw null;

        /// <summary>Whether the token can ever be canceled.</summary>
        public bool CanBeCanceled => throw null;

        /// <summary>Creates a token fixed in the canceled or non-canceled state.</summary>
        public CancellationToken(bool canceled) { throw null; }

        /// <summary>Throws OperationCanceledException if cancellation was requested.</summary>
        public void ThrowIfCancellationRequested() { throw null; }
    }
}
