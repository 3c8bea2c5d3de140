using System;

namespace HttpNano.Tests.Host.Servers
{
    /// <summary>
    /// The deterministic body every test server sends: the byte at stream position p is
    /// p mod 251. The modulus is prime so the pattern never lines up with buffer or chunk sizes
    /// (a dropped or repeated block shows up), and it covers every byte value below 251,
    /// including CR, LF and NUL, so bodies are binary-safe tests.
    /// </summary>
    public static class BodyPattern
    {
        private const int Period = 251;

        /// <summary>The byte at a position of the stream.</summary>
        public static byte At(long position) => (byte)(position % Period);

        /// <summary>A new array holding the first <paramref name="size"/> bytes of the pattern.</summary>
        public static byte[] Make(int size)
        {
            byte[] bytes = new byte[size];
            Fill(bytes, 0, size, 0);
            return bytes;
        }

        /// <summary>Writes the pattern bytes starting at stream position <paramref name="position"/> into a buffer.</summary>
        public static void Fill(byte[] buffer, int offset, int count, long position)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = At(position + i);
            }
        }

        /// <summary>
        /// The index of the first byte that differs from the pattern (the stream starting at
        /// <paramref name="position"/>), or -1 when all match.
        /// </summary>
        public static long FirstMismatch(byte[] buffer, int offset, int count, long position = 0)
        {
            for (int i = 0; i < count; i++)
            {
                if (buffer[offset + i] != At(position + i))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True when <paramref name="bytes"/> is exactly the first bytes.Length bytes of the pattern.</summary>
        public static bool Matches(byte[] bytes) => bytes != null && FirstMismatch(bytes, 0, bytes.Length) < 0;

        /// <summary>Rejects sizes a test server will not produce (negative or over <paramref name="max"/>).</summary>
        internal static long CheckSize(long size, long max)
        {
            if (size < 0 || size > max)
            {
                throw new ArgumentOutOfRangeException(nameof(size));
            }

            return size;
        }
    }
}
