using System;

namespace HttpNano
{
    /// <summary>The argument check every transport's Receive and Send make on byte[] + offset + count.</summary>
    internal static class BufferRange
    {
        public static void Check(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }
        }
    }
}
