// Source: nanoframework/System.IO.Streams, System.IO.Streams/SeekOrigin.cs
namespace System.IO
{
    /// <summary>The position in a stream to seek from.</summary>
    [Serializable]
    public enum SeekOrigin
    {
        /// <summary>The beginning of the stream.</summary>
        Begin = 0,

        /// <summary>The current position.</summary>
        Current = 1,

        /// <summary>The end of the stream.</summary>
        End = 2,
    }
}
